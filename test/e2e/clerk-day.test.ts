/**
 * The clerk's day without dead ends, in the real UI: the app opens on the year that
 * holds the records; 设置 and the record form ask before typed work is lost; 乡镇类型 changes
 * the labels and the report's wording; a negative count is refused with a message, a requiredIf
 * field is marked when its condition holds, a loosely typed date is shown back as yyyy-mm-dd;
 * a confirmed 规范性文件 step is corrected and taken back with the history shown and the number
 * kept. Screens go to test-output/screens/day-*.png (1366×768, some also at 1920×1080).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { api } from '../support/call';
import { screenshot, startApp, type E2eApp } from './support/app';
import type { LedgerSeed } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { NormativePage } from './pages/normative-page';
import { FormDialog } from './pages/form-dialog';
import { SettingsPage } from './pages/settings-page';
import { ReportPage } from './pages/report-page';
import { KindPage } from './pages/kind-page';

/** Every record is in last year: the app must open there, not on this year's zeros. */
const Y = new Date().getFullYear() - 1;
const VILLAGES = ['石桥村', '红星村'];
const DOC = '石桥乡集贸市场管理办法';

/** 石桥乡 with 3 会议 and a 规范性文件 that has passed 合法性审核 and 集体审议. */
const SEED: LedgerSeed = {
  settings: {
    county: '某某县',
    town: '石桥乡',
    partyOrg: '中共石桥乡委员会',
    govOrg: '石桥乡人民政府',
    partyCode: '石桥委文',
    normativeCode: '石桥府规',
    villages: VILLAGES,
  },
  records: [
    ...[0, 1, 2].map((n) => ({ kind: 'meeting', sample: n, year: Y })),
    { kind: 'normativeDoc', data: { registeredDate: `${Y}-04-01`, title: DOC } },
  ],
  async after(ctx, ids) {
    const id = ids.at(-1);
    await api(ctx, 'normativeDocs.advance', { id, step: '合法性审核', data: { reviewDate: `${Y}-04-05`, reviewer: '乡司法所' } });
    await api(ctx, 'normativeDocs.advance', {
      id,
      step: '集体审议',
      data: { deliberationDate: `${Y}-04-10`, deliberationMeeting: '第4次乡政府常务会议' },
    });
  },
};

describe('the clerk’s day without dead ends', () => {
  let app: E2eApp;
  let shell: AppShell;
  const guard = () => app.page.getByTestId('unsaved-guard');
  const answer = async (label: '留在此页' | '离开不保存') => {
    await guard().getByRole('button', { name: label, exact: true }).click();
    await guard().waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    app = await startApp({ seed: SEED });
    shell = new AppShell(app.page);
    await shell.yearSwitcher.waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on the latest year holding records, and then on the year last chosen', async () => {
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
    expect(await shell.year()).toBe(Y);
    await shell.switchYear(Y + 1);
    await app.page.getByRole('heading', { name: `${Y + 1}年度台账概览` }).waitFor();
    await app.page.reload();
    await app.page.getByRole('heading', { name: `${Y + 1}年度台账概览` }).waitFor();
    await shell.switchYear(Y);
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
  });

  it('设置 asks before typed fields are lost; 留在此页 keeps them, 离开不保存 drops them', async () => {
    const settings = new SettingsPage(app.page);
    await shell.open('设置');
    await settings.fill({ 抄送机关: '县委依法治县办', 印发机关: '石桥乡党政办公室', 党委书记: '王芳' });
    await shell.open('首页');
    await expect.poll(() => guard().innerText()).toContain('设置有修改尚未保存，确定离开吗？');
    await screenshot(app.page, 'day-01-settings-unsaved');
    await answer('留在此页');
    expect(await settings.field('印发机关').inputValue()).toBe('石桥乡党政办公室');

    await shell.switchYear(Y + 1);
    await expect.poll(() => guard().innerText()).toContain('设置有修改尚未保存');
    await answer('留在此页');
    expect(await shell.year()).toBe(Y);

    await shell.open('首页');
    await answer('离开不保存');
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
    await shell.open('设置');
    expect(await settings.field('印发机关').inputValue()).toBe('');
  });

  it('乡镇类型 乡 turns 镇长 into 乡长 in 设置 and 镇村干部 into 乡村干部 in the report', async () => {
    const settings = new SettingsPage(app.page);
    expect(await settings.field('镇长').count()).toBe(1);
    await app.page.locator('.mantine-SegmentedControl-label', { hasText: /^乡$/ }).click();
    expect(await app.page.getByRole('radio', { name: '乡', exact: true }).isChecked()).toBe(true);
    await settings.field('乡长').fill('赵强');
    await screenshot(app.page, 'day-02-settings-town-type');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(app.page, 'day-02-settings-town-type-1920');
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await settings.save();
    await shell.toast('设置已保存').waitFor();
    expect(await settings.field('镇长').count()).toBe(0);

    const report = new ReportPage(app.page);
    await shell.open('年度报告');
    await report.waitLoaded();
    const text = await report.root.innerText();
    expect(text).toContain('组织乡村干部集中学法');
    expect(text).toContain('成立由书记、乡长任组长');
    expect(text).not.toContain('镇村干部');
  });

  it('a new report defaults to the red 版头 now that the 党委发文代字 is set', async () => {
    const red = await callApi(app.harness.ctx, 'report.get', { year: Y });
    expect(red.ok && (red.value as { spec: { settings: { headerMode: string } } }).spec.settings.headerMode).toBe('red');
  });

  it('the record form: -50 is refused, 法治考试 marks its counts required, 2023.12.5 reads back as a date, and Esc asks', async () => {
    const page = new KindPage(app.page);
    await shell.openKind('普法与培训');
    const form = await page.add();
    const mark = (label: string) => form.root.locator(`[data-field] label:has-text("${label}") .mantine-InputWrapper-required`);
    expect(await mark('应考人数').count()).toBe(0);
    await form.choose('活动类型', '法治考试');
    await expect.poll(() => mark('应考人数').count()).toBe(1);
    expect(await mark('实考人数').count()).toBe(1);

    await form.fill('应考人数', '-50');
    await form.field('应考人数').press('Tab');
    expect(await form.field('应考人数').inputValue()).toBe('-50');
    await expect.poll(() => form.error('examExpected').innerText()).toBe('不能为负数');

    await form.fillDate('日期', `${Y}.12.5`);
    await expect.poll(() => form.field('日期').inputValue()).toBe(`${Y}-12-05`);
    await form.fillDate('日期', `${Y}年3月7日`);
    await expect.poll(() => form.field('日期').inputValue()).toBe(`${Y}-03-07`);
    await screenshot(app.page, 'day-03-record-form-inputs');

    await form.fill('活动名称', '年度法治理论知识考试');
    await form.submit();
    await expect.poll(() => form.error('examExpected').innerText()).toContain('不能为负数');

    await app.page.keyboard.press('Escape');
    await expect.poll(() => guard().innerText()).toContain('普法与培训有修改尚未保存，确定放弃吗？');
    await screenshot(app.page, 'day-04-record-form-unsaved');
    await answer('留在此页');
    expect(await form.field('活动名称').inputValue()).toBe('年度法治理论知识考试');
    await form.root.getByRole('button', { name: '取消', exact: true }).click();
    await answer('离开不保存');
    await form.waitClosed();

    // An untouched form closes at once.
    await page.add();
    await form.cancel();
    expect(await guard().count()).toBe(0);
  });

  it('更正 a confirmed step: the date-order error says what it is, the history shows old → new, the number stays', async () => {
    const page = new NormativePage(app.page);
    await shell.openKind('行政规范性文件');
    const number = `石桥府规〔${Y}〕1号`;
    await page.row(DOC).getByTestId('fix-menu').click();
    await app.page.getByRole('menuitem', { name: /更正已办理环节/ }).click();
    const correct = new FormDialog(app.page, 'correct-form');
    await correct.root.waitFor();
    await correct.choose('更正环节', '合法性审核');
    expect(await correct.field('合法性审核日期').inputValue()).toBe(`${Y}-04-05`);
    await correct.fillDate('合法性审核日期', `${Y}-03-20`);
    await correct.fill('更正原因', '审核日期录入有误');
    await correct.submit('保存更正');
    await expect.poll(() => correct.formError.innerText()).toContain('“合法性审核”的日期早于前一环节');
    expect(await correct.formError.innerText()).not.toContain('信息不完整');
    await screenshot(app.page, 'day-05-correct-date-order');

    await correct.fillDate('合法性审核日期', `${Y}-04-06`);
    await correct.submit('保存更正');
    await correct.waitClosed();
    await shell.toast(/已更正/).waitFor();
    expect(await page.stage(DOC)).toBe('集体审议');

    const form = await page.edit(DOC);
    const history = form.root.getByTestId('normative-history');
    await expect.poll(() => history.innerText()).toContain(`合法性审核日期：${Y}-04-05 → ${Y}-04-06`);
    expect(await history.innerText()).toContain('原因：审核日期录入有误');
    expect(await form.root.innerText()).toContain(number);
    await screenshot(app.page, 'day-06-normative-history');
    await form.cancel();
  });

  it('退回 one step with a reason: stage back, the step can be done again, both events in the history', async () => {
    const page = new NormativePage(app.page);
    await page.row(DOC).getByTestId('fix-menu').click();
    await app.page.getByRole('menuitem', { name: /退回上一环节/ }).click();
    const back = new FormDialog(app.page, 'return-form');
    await back.root.waitFor();
    await back.submit('退回到“合法性审核”');
    await expect.poll(() => back.formError.innerText()).toContain('请填写退回原因');
    expect(await back.error('reason').innerText()).toBe('必填');
    await back.fill('退回原因', '审议会议名称有误，重新审议');
    await screenshot(app.page, 'day-07-return');
    await back.submit('退回到“合法性审核”');
    await back.waitClosed();
    await expect.poll(() => page.stage(DOC)).toBe('合法性审核');
    expect(await page.nextStepButtons(DOC).innerText()).toContain('集体审议');

    const form = await page.edit(DOC);
    const lines = form.root.getByTestId('normative-history');
    await expect.poll(() => lines.innerText()).toContain('审议会议名称有误');
    expect(await lines.innerText()).toContain('合法性审核日期');
    expect(await form.root.innerText()).toContain(`石桥府规〔${Y}〕1号`);
    await form.cancel();
  });

  it('keyboard: Ctrl+N opens 新增, Ctrl+S saves, focus returns to the saved row, Ctrl+F finds the search box', async () => {
    const page = new KindPage(app.page);
    await shell.openKind('会议');
    await page.waitTotal(3, Y);
    expect(await app.page.getByTestId('add-record').getAttribute('data-shortcut')).toBe('new');
    await app.page.getByTestId('add-record').hover();
    await app.page.getByRole('tooltip', { name: '新增（Ctrl+N）' }).waitFor();

    await app.page.locator('body').click({ position: { x: 700, y: 740 } });
    await app.page.keyboard.press('Control+n');
    const form = page.form;
    await form.root.waitFor();
    await form.choose('会议类型', '党委会议');
    await form.fillDate('会议日期', `${Y}-06-18`);
    await form.fill('会议名称', '六月党委会议（键盘登记）');
    await app.page.keyboard.press('Control+s');
    await form.waitClosed();
    await page.waitTotal(4, Y);
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? ''))
      .toContain('六月党委会议（键盘登记）');
    await screenshot(app.page, 'day-11-focus-saved-row');

    // Enter on the focused row edits it; Esc brings focus back to the same row.
    await app.page.keyboard.press('Enter');
    await form.root.waitFor();
    await app.page.keyboard.press('Escape');
    await form.waitClosed();
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? ''))
      .toContain('六月党委会议（键盘登记）');

    await app.page.keyboard.press('Control+f');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('搜索');
  });

  it('撤销 on the delete notice brings the record straight back', async () => {
    const page = new KindPage(app.page);
    await page.rowAction('六月党委会议（键盘登记）', '删除');
    await page.confirmDialog.getByRole('button', { name: '删除', exact: true }).click();
    await page.waitTotal(3, Y);
    await shell.toast('已删除，可在回收站恢复').waitFor();
    await screenshot(app.page, 'day-12-delete-undo');
    await app.page.locator('.toast-stack').getByRole('button', { name: '撤销', exact: true }).click();
    await page.waitTotal(4, Y);
    await shell.toast(/已恢复/).waitFor();
    expect(await page.row('六月党委会议（键盘登记）').count()).toBe(1);
  });

  it('the 合计 row sums the numeric columns under the filter in force', async () => {
    const page = new KindPage(app.page);
    const totals = app.page.getByTestId('totals-row');
    // Sample 出席人数 are 5, 6 and 7; the keyboard meeting has none.
    await expect.poll(() => totals.innerText()).toMatch(/合计[\s\S]*全年 4 条[\s\S]*18/);
    await page.quickFilter('会议类型', '党委会议');
    await expect.poll(() => totals.innerText()).toMatch(/筛选结果 2 条[\s\S]*\b5\b/);
    await screenshot(app.page, 'day-13-totals-filtered');
    await page.clearFilters();
    await expect.poll(() => totals.innerText()).toContain('全年 4 条');
  });

  it('at 1366×768 the menu’s last entry, 责任落实, is in sight or a scrollbar says there is more', async () => {
    const last = await shell.nav.getByRole('link', { name: /^责任落实/ }).boundingBox();
    const area = await shell.nav.locator('.mantine-ScrollArea-root').boundingBox();
    if (last!.y + last!.height > area!.y + area!.height) {
      await shell.nav.locator('.mantine-ScrollArea-scrollbar[data-orientation="vertical"]').waitFor({ state: 'visible' });
    }
  });

  it('首页’s start checklist ticks itself off as the year’s report is saved', async () => {
    const steps = app.page.getByTestId('start-step');
    const done = async () => await steps.evaluateAll((els) => els.map((e) => e.hasAttribute('data-done')));
    await shell.open('首页');
    await app.page.getByTestId('start-checklist').waitFor();
    await expect.poll(done).toEqual([true, true, false, false]);
    await screenshot(app.page, 'day-10-home-checklist');

    const report = new ReportPage(app.page);
    await app.page.getByTestId('start-checklist').getByRole('link', { name: '去编写' }).click();
    await report.waitLoaded();
    await report.typeAtEnd(report.paragraphs(report.root).first(), '（已核对）');
    await report.save();
    await shell.toast('报告已保存').waitFor();
    await shell.open('首页');
    await expect.poll(done).toEqual([true, true, true, false]);
    expect(app.pageErrors).toEqual([]);
  });
});
