/**
 * Register benchmark (the 档案袋's rows are bench/dossier.ts).
 * - A 会议 register of 2,000 records to PDF on a warm printer (the app keeps one: Electron's
 *   printToPDF, the harness's Chromium), against Chromium's own page.pdf() of the same HTML;
 *   target ≤ 1.2× that and < 3 s.
 * - The first register after the app starts, its printer warmed at start or cold; target < 5 s.
 *
 * Run alone with `npm run bench -- register`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContext } from '@core/api';
import { SHUANGTU_2023 } from '../test/support/seed';
import { renderRegister } from '@core/register/export';
import { PdfRenderer } from '@core/render/pdf';
import { median, timeMedian, type BenchRow } from './row';
import { againstPagePdf } from './render-html';
import { buildRegister } from '@core/register/model';
import { renderRegisterHtml } from '@core/register/html';
import { firstRegisterPdf } from './support/first-register';
import { seedMeetings } from './support/meetings';
import { seedLedger } from '../test/support/seed';
import { launchChromium } from '../test/e2e/support/app';

const REGISTER_RECORDS = 2000;

const medianTimes = (t: Record<'warmed' | 'cold', number[]>) => ({ warmed: median(t.warmed), cold: median(t.cold) });

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-register-'));
  try {
    const regDb = path.join(dir, 'register.db');
    seedMeetings(regDb, REGISTER_RECORDS);
    const ctx = openContext(regDb);
    const renderer = await PdfRenderer.launch();
    let pages = 0;
    let registerMs: number;
    let vsPagePdf: Awaited<ReturnType<typeof againstPagePdf>>;
    let firstRegister: { warmed: number; cold: number; warm: number };
    try {
      ctx.printPdf = (html) => renderer.render(html);
      let last: Uint8Array = new Uint8Array();
      // Against Chromium's own page.pdf() of the same HTML file, alternating in the same run.
      const html = renderRegisterHtml(buildRegister(ctx.db, { kind: 'meeting', year: 2023 }));
      vsPagePdf = await againstPagePdf(
        html,
        async () => {
          last = (await renderRegister(ctx, { kind: 'meeting', year: 2023 }, 'pdf')).bytes;
        },
        3,
      );
      registerMs = vsPagePdf.oursMs;
      const pdf = path.join(dir, 'register.pdf');
      fs.writeFileSync(pdf, last);
      pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

      // The first register after the app starts, its printer warmed at start (as the app does) or cold,
      // alternating; against the same register printed by the warm printer above.
      const firstDb = path.join(dir, 'first.db');
      await seedLedger(firstDb, { fixture: SHUANGTU_2023 });
      const browser = await launchChromium();
      const times: Record<'warmed' | 'cold', number[]> = { warmed: [], cold: [] };
      try {
        for (let i = 0; i < 3; i++)
          for (const mode of ['warmed', 'cold'] as const) times[mode].push(await firstRegisterPdf(browser, firstDb, mode === 'warmed'));
      } finally {
        await browser.close();
      }
      const fc = openContext(firstDb);
      try {
        const html = renderRegisterHtml(buildRegister(fc.db, { kind: 'meeting', year: 2023 }));
        firstRegister = { ...medianTimes(times), warm: await timeMedian(3, () => renderer.render(html)) };
      } finally {
        fc.close();
      }
    } finally {
      await renderer.close();
      ctx.close();
    }
    return [
      {
        name: `register: ${REGISTER_RECORDS} records → PDF (warm printer)`,
        ms: registerMs,
        targetMs: Math.min(3000, 1.2 * vsPagePdf.baseMs),
        against: "1.2× Chromium's page.pdf() of the same HTML file (same run, same fontconfig), at most 3 s",
        note: `${pages} pages A4 landscape, one document; ${vsPagePdf.ratio.toFixed(2)}× Chromium's page.pdf() of the same HTML file (${vsPagePdf.baseMs.toFixed(0)} ms, same run); target ≤ 1.2× and < 3 s`,
      },
      {
        name: 'register: the first one after the app starts (会议, fixture year)',
        ms: firstRegister.warmed,
        targetMs: 5000,
        note: `printer warmed at start; cold it takes ${Math.round(firstRegister.cold)} ms (${(firstRegister.cold / firstRegister.warm).toFixed(1)}×); ${(firstRegister.warmed / firstRegister.warm).toFixed(1)}× the same register on a warm printer (${Math.round(firstRegister.warm)} ms, same run); medians of 3`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
