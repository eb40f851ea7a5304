/**
 * 档案袋 benchmark.
 * - The fixture year (the 双土镇 ledger, two evidence photos) on a warm printer: target < 10 s;
 *   against the same on a printer of one page and against printing its own PDFs alone.
 * - A 档案袋 with 1 GB of evidence (100 × 10 MB files on 100 records) written in a child
 *   process that reports its own peak RSS (process.resourceUsage().maxRSS); target < 200 MB.
 *   Chromium's memory is its own process and not counted: the figure is the Node side that
 *   streams the evidence (Electron main in the app). Needs about 2.5 GB free in the temp folder.
 *
 * Run alone with `npm run bench -- dossier`.
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentsDirFor, openContext } from '@core/api';
import { addAttachmentBytes } from '@core/ledger/attachments';
import { importLedger } from '@core/ledger/exchange';
import { registerRecords } from '@core/register/model';
import { writeDossier } from '@core/dossier/write';
import { PdfRenderer, placementOf } from '@core/render/pdf';
import { SHUANGTU_2023 } from '../test/support/seed';
import { bundleForNode } from '../test/support/bundle';
import { median, type BenchRow } from './row';
import { scratchDir } from './support/scratch';
import { storeRandomEvidence } from './support/evidence';
import { seedMeetings } from './support/meetings';

const FILES = 100;
const FILE_BYTES = 10 * 1024 * 1024;
const RSS_TARGET_MB = 200;

function seedEvidence(file: string, ids: string[]): void {
  const ctx = openContext(file);
  const store = attachmentsDirFor(file);
  try {
    const t = new Date().toISOString();
    const att = ctx.db.prepare('INSERT INTO attachments (id, record_id, name, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < FILES; i++) {
      const { sha } = storeRandomEvidence(store, FILE_BYTES);
      att.run(randomUUID(), ids[i], `现场照片${i}.jpg`, sha, FILE_BYTES, t);
    }
  } finally {
    ctx.close();
  }
}

interface ChildDone {
  ms: number;
  maxRssMb: number;
  evidence: number;
  size: number;
}

/** Runs the child, printing its PDFs on our warm renderer, and resolves with what it measured. */
function runChild(file: string, args: string[], renderer: PdfRenderer): Promise<ChildDone> {
  return new Promise((resolve, reject) => {
    const child = fork(file, args, {
      execArgv: [],
      stdio: 'inherit',
    });
    child.on('message', (m: { id?: number; html?: string; done?: ChildDone; failed?: string }) => {
      if (m.done) resolve(m.done);
      else if (m.failed) reject(new Error(m.failed));
      else if (m.html !== undefined) {
        renderer.render(m.html).then(
          (pdf) => child.send({ id: m.id, pdfBase64: pdf.toString('base64') }),
          (err: unknown) => child.send({ id: m.id, error: String(err) }),
        );
      }
    });
    child.on('exit', (code) => code && reject(new Error(`档案袋子进程退出码 ${code}`)));
  });
}

/**
 * The fixture year (the 双土镇 ledger) with two evidence photos, its 档案袋 written on `renderer`
 * and, alternately, on a printer of one page (as before the pool): the ratio is measured in one run.
 * Also the 档案袋's own PDFs printed alone on `renderer`, all queued at once as the 档案袋 queues
 * them: what printing alone takes, so the rest of the 档案袋's time is its own.
 */
export async function fixtureDossier(dir: string, renderer: PdfRenderer, rounds = 2) {
  const fxDb = path.join(dir, 'fixture.db');
  const fx = openContext(fxDb);
  const onePage = await PdfRenderer.launch({ pages: 1 });
  try {
    importLedger(fx.db, fs.readFileSync(SHUANGTU_2023, 'utf8'));
    const [first] = registerRecords(fx.db, { kind: 'meeting', year: 2023 });
    for (const n of [1, 2])
      await addAttachmentBytes(fx.db, attachmentsDirFor(fxDb), first.id, randomBytes(2 * 1024 * 1024), `现场照片${n}.jpg`);
    await Promise.all([onePage.warm(), renderer.warm()]);
    const times: Record<'pool' | 'one' | 'printOnly', number[]> = { pool: [], one: [], printOnly: [] };
    let d = { records: 0, evidence: 0 };
    let printed: string[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const [mode, r] of [
        ['pool', renderer],
        ['one', onePage],
      ] as const) {
        printed = [];
        fx.printPdf = (html) => {
          printed.push(html);
          return r.render(html);
        };
        fx.measureImprint = async (html) => placementOf(await r.imprintFit(html));
        const t0 = performance.now();
        d = await writeDossier(fx, 2023, path.join(dir, `fixture-${mode}-${i}.zip`), { draftReport: true });
        times[mode].push(performance.now() - t0);
      }
      const t0 = performance.now();
      await Promise.all(printed.map((html) => renderer.render(html)));
      times.printOnly.push(performance.now() - t0);
    }
    return {
      ms: median(times.pool),
      onePageMs: median(times.one),
      printOnlyMs: median(times.printOnly),
      printJobs: printed.length,
      pages: renderer.pages,
      records: d.records,
      evidence: d.evidence,
    };
  } finally {
    await onePage.close();
    fx.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const dir = scratchDir('fazhi-bench-dossier-', 2.5, '档案袋');
  try {
    const renderer = await PdfRenderer.launch();
    let fixture: Awaited<ReturnType<typeof fixtureDossier>>;
    let res: ChildDone;
    try {
      fixture = await fixtureDossier(dir, renderer);
      const dosDb = path.join(dir, 'dossier.db');
      seedEvidence(dosDb, seedMeetings(dosDb, 200));
      res = await runChild(await bundleForNode('bench/support/dossier-child.ts', dir), [dosDb, path.join(dir, 'dossier.zip')], renderer);
    } finally {
      await renderer.close();
    }
    return [
      {
        name: `dossier: the fixture year (${fixture.records} records, ${fixture.evidence} evidence files), warm printer`,
        ms: fixture.ms,
        targetMs: 10_000,
        against: 'a fixed time (10 s)',
        note: `report PDF + DOCX, every kind’s register PDF + xlsx, the index, the evidence; one browser for all, ${fixture.pages} pages printing at once; ${(fixture.ms / fixture.onePageMs).toFixed(2)}× the same on one page (${Math.round(fixture.onePageMs)} ms, alternating, same run); ${(fixture.ms / fixture.printOnlyMs).toFixed(2)}× printing its ${fixture.printJobs} PDFs alone on the same printer (${Math.round(fixture.printOnlyMs)} ms, same run); medians of 2`,
      },
      {
        name: `dossier: ${FILES}×10 MB evidence, peak RSS (MB, as ms column)`,
        ms: res.maxRssMb,
        targetMs: RSS_TARGET_MB,
        note: `child process; ${res.evidence} files, zip ${(res.size / 1024 ** 3).toFixed(2)} GB, written in ${(res.ms / 1000).toFixed(1)} s incl. report, registers, index`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
