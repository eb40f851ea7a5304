/**
 * The 预览 survives what the clerk does around it (src/app/lib/pdf-doc.ts: one owner of the pdf.js
 * document): saving with unsaved edits while it shows, by Ctrl+S and by 保存, several times in a
 * row; a reload; switching tabs. After each, page 1 is drawn from the new PDF and its text is the
 * saved text. 整页 shows a whole A4 page at 1366×768. Screens: test-output/screens/preview-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHUANGTU_2023 } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { ReportPage } from './pages/report-page';

const YEAR = 2023;

describe('年度报告 预览', () => {
  let app: E2eApp;
  let shell: AppShell;
  let report: ReportPage;

  beforeAll(async () => {
    app = await startApp({ seed: { fixture: SHUANGTU_2023 } });
    shell = new AppShell(app.page);
    report = new ReportPage(app.page);
    await shell.yearSwitcher.waitFor();
    await shell.switchYear(YEAR);
    await shell.open('年度报告');
    await report.waitLoaded();
  });
  afterAll(async () => {
    await app?.close();
  });

  const generation = () => report.preview.getAttribute('data-generation').then(Number);

  /** Waits for a PDF newer than `after` with page 1 drawn and saying `words`; returns page 1's ink. */
  async function pageOneAfter(after: number, words: string): Promise<number> {
    await expect.poll(generation, { timeout: 240_000 }).toBeGreaterThan(after);
    await expect.poll(() => report.pdfPages.first().getAttribute('data-rendered'), { timeout: 240_000 }).toBe('true');
    await expect.poll(() => report.pageText(1)).toContain(words);
    return (await report.inkPerPage())[0];
  }

  /** Types `word` at the end of the opening paragraph (on 正文), then goes back to 预览 with it unsaved. */
  async function editOpening(word: string): Promise<void> {
    await report.tab('正文');
    await report.typeAtEnd(report.page.getByTestId('report-paragraph').first(), word);
    await report.dirtyMark.waitFor();
    await report.tab('预览');
    await report.preview.getByText('显示的是上次保存的内容，保存后更新').waitFor();
  }

  it('shows page 1 whole at 1366×768 (整页)', async () => {
    await report.tab('预览');
    expect(await pageOneAfter(0, '法治政府建设')).toBeGreaterThan(2000);
    const page = await report.pdfPages.first().boundingBox();
    const view = app.page.viewportSize()!;
    // The whole page, top to bottom, inside the window; A4's proportions.
    expect(page!.y).toBeGreaterThan(0);
    expect(page!.y + page!.height).toBeLessThanOrEqual(view.height);
    expect(page!.height / page!.width).toBeCloseTo(297 / 210, 1);
    // This machine lacks the 公文 faces: the notice names them on one line, each stand-in under 详情.
    const notice = report.page.getByTestId('font-notice');
    const oneLine = (await notice.boundingBox())!.height;
    expect(await notice.innerText()).toMatch(/^字体替代：本机未安装方正小标宋简体、.*打印和导出时以相近字体代替。\s*详情$/);
    await notice.getByRole('button', { name: '详情' }).click();
    await expect.poll(() => notice.innerText()).toContain('正文将以');
    expect((await notice.boundingBox())!.height).toBeGreaterThan(oneLine);
    await notice.getByRole('button', { name: '收起' }).click();
    await expect.poll(async () => (await notice.boundingBox())!.height).toBe(oneLine);
    await screenshot(app.page, 'preview-01-whole-page-1366');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await report.pdfPages.first().boundingBox())!.height).toBeGreaterThan(page!.height + 100);
    await expect.poll(() => report.pdfPages.first().getAttribute('data-rendered')).toBe('true');
    await screenshot(app.page, 'preview-02-whole-page-1920');
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });

  it('saves with the preview open, by Ctrl+S and by 保存, three times each: page 1 follows, the window never goes blank', async () => {
    for (let i = 1; i <= 6; i++) {
      const word = `第${i}次保存`;
      await editOpening(word);
      const before = await generation();
      if (i % 2) await app.page.keyboard.press('Control+s');
      else await report.save();
      await shell.toast('报告已保存').first().waitFor();
      expect(await pageOneAfter(before, word)).toBeGreaterThan(2000);
      await expect(report.dirtyMark.count()).resolves.toBe(0);
    }
    await expect(app.page.getByTestId('preview-failed').count()).resolves.toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('survives switching tabs (the PDF is kept) and a reload', async () => {
    const kept = await generation();
    await report.tab('正文');
    await report.tab('发文设置');
    await report.tab('预览');
    await expect.poll(() => report.pdfPages.first().getAttribute('data-rendered')).toBe('true');
    expect(await generation()).toBe(kept);
    await expect.poll(() => report.pageText(1)).toContain('第6次保存');

    await app.page.reload();
    await report.waitLoaded();
    await report.tab('预览');
    expect(await pageOneAfter(0, '第6次保存')).toBeGreaterThan(2000);
    expect(app.pageErrors).toEqual([]);
  });
});
