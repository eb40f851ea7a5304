/**
 * 自定义指标 in the real UI on the 双土镇 2023 ledger: the clerk defines a figure the catalogue
 * lacks (消防 drills, 约数), watches the live preview follow the filters, saves it, inserts it
 * into the report as a chip, sees its value in the PDF preview and traces it to its records.
 * Screens: test-output/screens/figures-*.png (1366×768).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHUANGTU_2023 } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { FiguresPage } from './pages/figures-page';
import { ReportPage } from './pages/report-page';

const YEAR = 2023;

describe('自定义指标', () => {
  let app: E2eApp;
  let shell: AppShell;
  let figures: FiguresPage;
  let report: ReportPage;
  let figureId: string;

  beforeAll(async () => {
    app = await startApp({ seed: { fixture: SHUANGTU_2023 } });
    shell = new AppShell(app.page);
    figures = new FiguresPage(app.page);
    report = new ReportPage(app.page);
    await shell.yearSwitcher.waitFor();
    await shell.switchYear(YEAR);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('defines a figure with a live preview of its value and records, and saves it', async () => {
    await shell.open('自定义指标');
    await figures.waitLoaded();
    expect(app.page.url()).toContain('#/figures');
    await expect.poll(() => figures.list.innerText()).toContain('还没有自定义指标');

    await figures.field('指标名称').fill('消防应急演练次数');
    await figures.choose(figures.field('报告中常引用的部分'), '（六）突发事件应对');
    await figures.choose(figures.field('台账类型'), '应急演练');
    // Every drill of the year before any filter…
    await expect.poll(() => figures.recordCount.innerText()).toBe('依据63条台账记录');
    expect(await figures.value.innerText()).toBe('63次');
    // …then only the 消防 ones.
    const row = await figures.addFilter('演练类型');
    await figures.choose(row.getByLabel('演练类型取值'), '消防');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => figures.recordCount.innerText()).toBe('依据17条台账记录');
    expect(await figures.value.innerText()).toBe('17次');
    await figures.choose(figures.field('显示方式'), '约数（如60余次）');
    await expect.poll(() => figures.value.innerText()).toBe('10余次');
    const first = await figures.previewRows().first().locator('td').allInnerTexts();
    expect(first[0]).toMatch(/^2023-\d{2}-\d{2}$/);
    expect(first[1]).toBe('应急演练');
    await screenshot(app.page, 'figures-01-builder');

    await figures.save();
    await shell.toast('已保存自定义指标“消防应急演练次数”').waitFor();
    const item = figures.list.locator('[data-figure-id]', { hasText: '消防应急演练次数' });
    await item.waitFor();
    figureId = (await item.getAttribute('data-figure-id'))!;
    expect(figureId).toMatch(/^custom\./);
  });

  it('builds a rate of two measures, its value the same as the core computes (1920×1080)', async () => {
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await figures.list.getByRole('button', { name: '＋ 新建指标' }).click();
    await figures.field('指标名称').fill('矛盾纠纷调解成功占比');
    await figures.builder.getByLabel('比率（分子 ÷ 分母，如办结率、通过率）').check();
    const [num, den] = [figures.builder.getByTestId('measure-editor').first(), figures.builder.getByTestId('measure-editor').last()];
    await figures.choose(num.getByLabel('台账类型'), '矛盾纠纷');
    await figures.choose(den.getByLabel('台账类型'), '矛盾纠纷');
    await num.getByRole('button', { name: '＋ 添加条件' }).click();
    await figures.choose(num.getByLabel('筛选字段'), '结果');
    await figures.choose(num.getByLabel('结果取值'), '调解成功');
    await app.page.keyboard.press('Escape');
    const core = await callApi(app.harness.ctx, 'figures.custom.preview', {
      year: YEAR,
      def: {
        id: 'custom.check',
        name: '核对',
        section: '1',
        unit: '%',
        value: {
          type: 'rate',
          numerator: { kind: 'dispute', where: { result: '调解成功' }, agg: { type: 'count' } },
          denominator: { kind: 'dispute', agg: { type: 'count' } },
        },
        display: { type: 'percent' },
      },
    });
    const expected = core.ok && (core.value as { result: { display: string } }).result.display;
    expect(expected).toMatch(/^\d+(\.\d+)?%$/);
    await expect.poll(() => figures.value.innerText()).toBe(expected);
    await expect.poll(() => figures.recordCount.innerText()).toBe('依据406条台账记录（显示前100条）');
    await screenshot(app.page, 'figures-02-rate-1920');
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });

  it('refuses an incomplete definition, saying what is missing', async () => {
    await figures.list.getByRole('button', { name: '＋ 新建指标' }).click();
    await figures.choose(figures.field('台账类型'), '法律服务');
    await figures.builder.getByText('字段合计', { exact: true }).click();
    await expect.poll(() => figures.page.getByTestId('preview-issues').innerText()).toContain('请填写指标名称');
    await figures.field('指标名称').fill('测试');
    await figures.save();
    await expect.poll(() => figures.page.getByTestId('save-issues').innerText()).toContain('字段：请选择要合计的字段');
    await screenshot(app.page, 'figures-04-incomplete');
  });

  it('reads the definition back in one sentence, and lists every built-in figure with its own', async () => {
    await figures.list.getByRole('button', { name: '＋ 新建指标' }).click();
    await figures.choose(figures.field('台账类型'), '法律顾问');
    const row = await figures.addFilter('类别');
    await row.getByText('不是', { exact: true }).click();
    await figures.choose(row.getByLabel('类别取值'), '村（社区）');
    await app.page.keyboard.press('Escape');
    await expect
      .poll(() => figures.builder.getByTestId('figure-sentence').innerText())
      .toBe('统计口径：「法律顾问」台账中类别不为“村（社区）”（未填的也计入）的条数');

    await app.page.getByTestId('open-builtin').click();
    const list = app.page.getByTestId('builtin-figures');
    await list.getByLabel('搜索内置指标').fill('纠纷');
    const resolved = list.locator('[data-figure-id="dispute.resolvedRate"]');
    const success = list.locator('[data-figure-id="dispute.successRate"]');
    await expect.poll(() => resolved.innerText()).toContain('除以分母：「矛盾纠纷」台账中全部记录的条数');
    await expect.poll(() => success.innerText()).toContain('除以分母：「矛盾纠纷」台账中结果为“调解成功”或“调解不成功”');
    await screenshot(app.page, 'figures-07-builtin');
    await resolved.getByRole('button', { name: '复制为自定义指标' }).click();
    await list.waitFor({ state: 'hidden' });
    expect(await figures.field('指标名称').inputValue()).toBe('矛盾纠纷化解率（占全部受理）（副本）');
    await expect.poll(() => figures.value.innerText()).toBe('97.54%');
    await expect.poll(() => figures.builder.getByTestId('figure-sentence').innerText()).toContain('除以分母');
    await screenshot(app.page, 'figures-08-copied');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(app.page, 'figures-08-copied-1920');
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });

  it('is inserted into the report as a chip, shows its value in the preview and traces to its records', async () => {
    await shell.open('年度报告');
    await report.waitLoaded();
    const s6 = report.subsection('（六）');
    const para = report.paragraphs(s6).first();
    await report.typeAtEnd(para, '其中消防演练');
    await report.insertFigure(para, '消防', '消防应急演练次数');
    await report.typeAtEnd(para, '。');
    await expect.poll(() => report.chipTexts(para)).toContain('消防应急演练次数：10余次');
    // Reports count drills in 场 as often as in 次: the chip changes the unit for this use only.
    await report.chips(para).last().click();
    await report.chipMenu.getByLabel('单位（量词）').fill('场');
    await expect.poll(() => report.chipTexts(para)).toContain('消防应急演练次数：10余场单位“场”');
    await screenshot(app.page, 'figures-03-chip-unit');
    // Reports also write the approximation in 汉字: 十余场.
    await report.chipMenu.locator('input[aria-haspopup="listbox"]').first().click();
    await app.page.getByRole('option', { name: '约数（“余”）', exact: true }).click();
    await report.chipMenu.getByLabel('用汉字（如“十余场”“一万四千余份”）').check();
    await expect.poll(() => report.chipMenu.getByTestId('chip-menu-value').innerText()).toBe('十余场');
    await screenshot(app.page, 'figures-03-chip-hanzi');
    await app.page.keyboard.press('Escape');
    await report.chipMenu.waitFor({ state: 'hidden' });
    await report.save();
    await shell.toast('报告已保存').waitFor();

    await report.tab('预览');
    const hit = report.figureInPreview(figureId).first();
    await hit.waitFor({ timeout: 240_000 });
    await hit.scrollIntoViewIfNeeded();
    expect(await app.page.getByTestId('pdf-page').first().isVisible()).toBe(true);
    await screenshot(app.page, 'figures-05-preview');
    await hit.click();
    await expect.poll(() => report.traceDrawer.getByTestId('trace-count').innerText()).toBe('共17条台账记录');
    expect((await report.traceRows().first().locator('td').allInnerTexts())[0]).toBe('应急演练');
    await screenshot(app.page, 'figures-06-trace');
    await report.closeTrace();
  });
});
