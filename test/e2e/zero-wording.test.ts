/**
 * Zero wording stands for the clause it replaces (@rules/report/clause), in the real UI down to the
 * files: a chip's 「数值为0时改写为」 set to 「全年未开展专项整治」 prints 「…，全年未开展专项整治，…」 — not
 * 「开展专项整治全年未开展专项整治」 — in the exported PDF (pdftotext) and DOCX (its document.xml's text).
 * A count of 0 in the 问题清单 offers 改为“…” and 删去这句, one click each, as rates do.
 * Screens: test-output/screens/zero-*.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHIQIAO, type LedgerSeed } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { ReportPage } from './pages/report-page';

const Y = new Date().getFullYear();

/** A year with one meeting that is not a 党委会议, no 专项整治 and no 执法 records. */
const SEED: LedgerSeed = {
  settings: { ...SHIQIAO, partyCode: '石桥委文', villages: ['石桥村', '红星村'] },
  records: [{ kind: 'meeting', sample: 0, year: Y, data: { meetingType: '政府常务会议' } }],
};

/** The text of a DOCX's body, runs joined (w:t elements), paragraphs on lines. */
function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

/** pdftotext's text of a PDF, with the line breaks of its layout removed. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, '');
}

describe('zero wording', () => {
  let app: E2eApp;
  let shell: AppShell;
  let report: ReportPage;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-zero-e2e-'));
    app = await startApp({ seed: SEED });
    shell = new AppShell(app.page);
    report = new ReportPage(app.page);
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
    await shell.open('年度报告');
    await report.waitLoaded();
  });
  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** 导出PDF / 导出Word, confirming the blocking problems this thin ledger has; the file's path. */
  async function exported(button: '导出PDF' | '导出Word'): Promise<string> {
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      (async () => {
        await app.page.getByRole('button', { name: button, exact: true }).click();
        await app.page
          .getByTestId('confirm-modal')
          .getByRole('button', { name: `仍要${button}` })
          .click();
      })(),
    ]);
    const file = path.join(dir, (download as Download).suggestedFilename());
    await download.saveAs(file);
    return file;
  }

  it('a chip’s 「数值为0时改写为」 replaces its clause in the PDF and the DOCX', async () => {
    const chip = app.page.locator('.fig-chip', { hasText: '专项整治次数' });
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    const zero = report.chipMenu.getByRole('textbox', { name: '数值为0时改写为' });
    await zero.fill('全年未开展专项整治');
    // The menu says which words go with the number, as the printout will.
    await report.chipMenu.getByText('连同“开展专项整治…”整句改写').waitFor();
    await screenshot(app.page, 'zero-01-chip-menu');
    await app.page.keyboard.press('Escape');
    await report.chipMenu.waitFor({ state: 'hidden' });
    await report.save();
    await shell.toast('报告已保存').first().waitFor();

    const pdf = pdfText(await exported('导出PDF'));
    expect(pdf).toContain('全年未开展专项整治');
    expect(pdf).not.toContain('开展专项整治全年未');
    // pdftotext's text is NFKC-normalized above: full-width commas read as ','.
    expect(pdf).toContain('落实轻微违法免罚和初次违法慎罚。全年未开展专项整治,');
    const docx = docxText(await exported('导出Word'));
    expect(docx).toContain('慎罚。全年未开展专项整治，');
    expect(docx).not.toContain('开展专项整治全年未');
  });

  it('a count of 0 offers its wording in one click: saved, the problem gone, the clause replaced', async () => {
    const party = report.problem('zero').filter({ hasText: '党委会议次数为0' });
    await party.waitFor();
    await party.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'zero-02-count-fixes');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(app.page, 'zero-02-count-fixes-1920');
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await party.getByRole('button', { name: '改为“全年未召开党委会议”' }).click();
    await shell.toast('已改为“全年未召开党委会议”并保存').waitFor();
    await expect.poll(() => report.problem('zero').filter({ hasText: '党委会议次数' }).count()).toBe(0);
    // The words that introduced the number travel with it (its template), so a year with meetings reads as before.
    const para = app.page.getByTestId('report-paragraph').filter({ has: app.page.locator('.fig-chip', { hasText: '党委会议次数' }) });
    expect(await report.editor(para).innerText()).not.toContain('全年召开党委会议');
    expect(await report.chipTexts(para)).toEqual(expect.arrayContaining([expect.stringContaining('为0时另写')]));
  });

  it('or drops the clause: 开出罚单张数 goes from its sentence in one click', async () => {
    const tickets = report.problem('zero').filter({ hasText: /开出罚单张数.*为0/ });
    await tickets.waitFor();
    await tickets.getByRole('button', { name: '删去这句' }).click();
    await shell.toast('已删去该表述并保存').or(app.page.getByTestId('report-save-error')).first().waitFor();
    expect(
      await app.page.getByTestId('report-save-error').count(),
      await app.page.getByTestId('report-save-error').allInnerTexts().then(String),
    ).toBe(0);
    await expect.poll(() => report.problem('zero').filter({ hasText: '开出罚单张数' }).count()).toBe(0);
    const para = app.page.getByTestId('report-paragraph').filter({ hasText: '全面推行行政执法公示' });
    expect(await report.editor(para).innerText()).not.toContain('开出罚单');

    const pdf = pdfText(await exported('导出PDF'));
    expect(pdf).toContain('全年未召开党委会议,');
    expect(pdf).not.toContain('全年召开党委会议');
    expect(pdf).not.toContain('开出罚单');
    expect(app.pageErrors).toEqual([]);
  });
});
