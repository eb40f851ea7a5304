/**
 * 年度报告 in the real UI (built renderer + loopback harness + Chromium) on the 双土镇 2023
 * ledger: a paragraph written with two figures from the picker, the zero-figure problem and its
 * fix, figures following the ledger (11次 → 12次), the records behind a figure, the PDF preview
 * page by page, and 导出Word/PDF as downloads. Screens go to test-output/screens/report-*.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHUANGTU_2023 } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';
import { ReportPage } from './pages/report-page';

const YEAR = 2023;
/** Pages of a PDF as poppler counts them. */
function pdfPages(bytes: Uint8Array, dir: string): number {
  const file = path.join(dir, `count-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

describe('年度报告', () => {
  let app: E2eApp;
  let dir: string;
  let shell: AppShell;
  let report: ReportPage;
  /** Our paragraph in （四）: its id, once written. */
  let ours: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-report-e2e-'));
    app = await startApp({ seed: { fixture: SHUANGTU_2023 } });
    shell = new AppShell(app.page);
    report = new ReportPage(app.page);
    await shell.yearSwitcher.waitFor();
    await shell.switchYear(YEAR);
  });
  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens from the menu with the outline and its figures as readable chips', async () => {
    await shell.open('年度报告');
    await report.waitLoaded();
    expect(app.page.url()).toContain('#/report');
    const s4 = report.subsection('（四）');
    await expect.poll(() => report.chipTexts(report.paragraphs(s4).first())).toContain('党委会议次数：11次');
    // Placeholders never show as code.
    expect(await report.root.innerText()).not.toMatch(/\{(值|年度|乡镇)\}|meeting\.party/);
    await screenshot(app.page, 'report-01-editor');
  });

  it('writes a paragraph with two figures from the picker and saves it', async () => {
    const s4 = report.subsection('（四）');
    await report.addParagraphAfter(report.paragraphs(s4).first());
    const para = report.paragraphs(s4).nth(1);
    ours = (await para.getAttribute('data-anchor'))!;
    await report.typeAtEnd(para, '全年共召开党委会议');
    await report.insertFigure(para, '党委会议', '党委会议次数');
    await report.typeAtEnd(para, '；');
    await para.hover();
    await para.getByRole('button', { name: '插入指标' }).click();
    await report.picker.getByRole('textbox', { name: '搜索指标' }).fill('规范性文件');
    await screenshot(app.page, 'report-02-picker');
    await report.picker.locator('.picker-item', { hasText: '制定行政规范性文件件数' }).click();
    await report.picker.waitFor({ state: 'hidden' });
    await report.typeAtEnd(para, '。');

    expect(await report.chipTexts(para)).toEqual(['党委会议次数：11次', '制定行政规范性文件件数：0件']);
    expect(await report.editor(para).innerText()).toMatch(
      /^全年共召开党委会议\s*党委会议次数：11次\s*；\s*制定行政规范性文件件数：0件\s*。$/,
    );
    await report.dirtyMark.waitFor();
    await report.save();
    await shell.toast('报告已保存').waitFor();
    await report.dirtyMark.waitFor({ state: 'detached' });

    // Stored as text and placeholders: after a reload the paragraph reads the same.
    await app.page.reload();
    await report.waitLoaded();
    expect(await report.chipTexts(report.paragraphById(ours))).toEqual(['党委会议次数：11次', '制定行政规范性文件件数：0件']);
  });

  it('lists the zero figure as a problem whose link goes to the paragraph, and fixes it in one click', async () => {
    const zero = report.problem('zero');
    await expect.poll(() => zero.innerText()).toContain('制定行政规范性文件件数为0');
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await zero.getByRole('button', { name: '定位' }).click();
    const para = report.paragraphById(ours);
    await expect.poll(() => para.getAttribute('class')).toContain('flash');
    await expect
      .poll(() =>
        para.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    await screenshot(app.page, 'report-03-problem-located');

    await zero.getByRole('button', { name: /改为“全年未制定行政规范性文件”/ }).click();
    await shell.toast('并保存').waitFor();
    await expect.poll(() => report.problem('zero').count()).toBe(0);
    expect((await report.chipTexts(para))[1]).toContain('为0时另写');
  });

  it('Ctrl+S saves an edited report once (the shell’s shortcut, not a second listener of the page)', async () => {
    const saves: string[] = [];
    const onRequest = (r: { url(): string }) => r.url().endsWith('/api/report.save') && saves.push(r.url());
    app.page.on('request', onRequest);
    try {
      await report.typeAtEnd(report.paragraphById(ours), '全年持续推进。');
      await report.dirtyMark.waitFor();
      await app.page.keyboard.press('Control+S');
      await report.dirtyMark.waitFor({ state: 'detached' });
      await shell.toast('报告已保存').waitFor();
      await app.page.waitForTimeout(500);
      expect(saves).toHaveLength(1);
    } finally {
      app.page.off('request', onRequest);
    }
  });

  it('opens the records behind a figure from its chip', async () => {
    const para = report.paragraphById(ours);
    await report.chips(para).first().click();
    await expect.poll(() => report.chipMenu.innerText()).toContain('报告中写作');
    await screenshot(app.page, 'report-04-chip-menu');
    await report.chipMenu.getByRole('button', { name: '查看台账记录' }).click();
    await expect.poll(() => report.traceDrawer.getByTestId('trace-count').innerText()).toBe('共11条台账记录');
    const first = await report.traceRows().first().locator('td').allInnerTexts();
    expect(first[0]).toBe('会议');
    expect(first[1]).toMatch(/^2023-\d{2}-\d{2}$/);
    expect(first[2]).toContain('党委');
    await screenshot(app.page, 'report-05-trace');
    await report.closeTrace();
    await app.page.keyboard.press('Escape');
    await report.chipMenu.waitFor({ state: 'hidden' });
  });

  it('previews the PDF that prints, page by page, and its figures are clickable', async () => {
    // The preview's own PDF, as the harness handed it over (printed once, counted by poppler). No
    // time limit of its own, as the call it replaces had none: the test's timeout catches a hang.
    const answer = app.page.waitForResponse((r) => r.url() === `${app.harness.url}host/reportPdf`, { timeout: 0 });
    await report.tab('预览');
    const pdf = await answer;
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const expected = pdfPages(new Uint8Array(await pdf.body()), dir);
    expect(expected).toBeGreaterThanOrEqual(3);

    await expect.poll(() => report.pageCount.innerText(), { timeout: 240_000 }).toBe(`共${expected}页`);
    await expect.poll(() => report.pdfPages.count()).toBe(expected);
    await expect
      .poll(() => report.page.locator('[data-testid="pdf-page"][data-rendered="true"]').count(), { timeout: 240_000 })
      .toBe(expected);
    for (const ink of await report.inkPerPage()) expect(ink).toBeGreaterThan(2000);
    expect(await report.page.getByTestId('pdf-thumb').count()).toBe(expected);
    await report.page.getByTestId('font-notice').waitFor();
    await screenshot(app.page, 'report-06-preview');

    const hit = report.figureInPreview('meeting.party.count').first();
    await hit.scrollIntoViewIfNeeded();
    await hit.click();
    await expect.poll(() => report.traceDrawer.getByTestId('trace-count').innerText()).toBe('共11条台账记录');
    await report.closeTrace();
  });

  it('exports Word and PDF (downloads in the browser) and the internal sources table', async () => {
    const docx = await report.download('导出Word');
    expect(docx.suggestedFilename()).toBe('关于2023年法治政府建设情况的报告.docx');
    expect(
      fs
        .readFileSync((await docx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const pdf = await report.download('导出PDF');
    expect(pdf.suggestedFilename()).toBe('关于2023年法治政府建设情况的报告.pdf');
    expect(
      fs
        .readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await shell
      .toast(/已下载/)
      .first()
      .waitFor();

    const csv = await report.downloadSources('CSV');
    expect(csv.suggestedFilename()).toBe('数据来源附表_2023年_仅供内部核对.csv');
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\ufeff指标,报告中的数值,统计期间')).toBe(true);
    expect(text).toContain('党委会议次数,11次,2023年');

    // The browser cannot reach a printer: it says so.
    await app.page.getByRole('button', { name: '打印', exact: true }).click();
    await shell.toast('浏览器版请下载PDF后打印').waitFor();
  });

  it('follows the ledger: one more 党委会议 turns 11次 into 12次 and flags the exported report as stale', async () => {
    const meetings = new KindPage(app.page);
    await shell.openKind('会议');
    const form = await meetings.add();
    await form.choose('会议类型', '党委会议');
    await form.fillDate('会议日期', '2023-12-28');
    await form.fill('会议名称', '十二月党委会议');
    await form.submit();
    await form.waitClosed();

    await shell.open('年度报告');
    await report.waitLoaded();
    await expect.poll(() => report.chipTexts(report.paragraphById(ours))).toContain('党委会议次数：12次');
    await expect.poll(() => report.staleness.innerText()).toContain('导出后有1条台账记录被修改');
    await screenshot(app.page, 'report-07-stale');

    await report.tab('预览');
    await expect
      .poll(() => report.page.locator('[data-testid="pdf-page"][data-rendered="true"]').count(), { timeout: 240_000 })
      .toBeGreaterThan(0);
    await report.figureInPreview('meeting.party.count').first().click();
    await expect.poll(() => report.traceDrawer.getByTestId('trace-count').innerText()).toBe('共12条台账记录');
    await expect.poll(() => report.traceRows().last().innerText()).toContain('十二月党委会议');
    await report.closeTrace();
  });

  it('shows the 发文设置 and restores the default outline after a confirmation', async () => {
    await report.tab('发文设置');
    await expect.poll(() => report.page.getByTestId('doc-number').inputValue()).toMatch(/^双土委文〔2024〕\d+号$/);
    await screenshot(app.page, 'report-08-settings');

    await report.tab('正文');
    await app.page.getByRole('button', { name: '更多', exact: true }).click();
    await app.page.getByRole('menuitem', { name: /恢复默认提纲/ }).click();
    const confirm = app.page.getByTestId('confirm-modal');
    await expect.poll(() => confirm.innerText()).toContain('已保存的修改会丢失');
    await confirm.getByRole('button', { name: '恢复默认', exact: true }).click();
    await shell.toast('已恢复默认提纲').waitFor();
    await expect.poll(() => report.paragraphById(ours).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
