/**
 * The clerk's everyday flows in the real UI (built renderer + loopback harness + Chromium):
 * 设置, a 党委会议 from entry to 回收站 and back, search, filters, the year switcher, and
 * 首页 following along. Every screen is saved to test-output/screens/ to be looked at.
 * The 行政规范性文件 lifecycle is in normative-doc.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { AppShell } from './pages/app-shell';
import { HomePage } from './pages/home-page';
import { KindPage } from './pages/kind-page';
import { SettingsPage } from './pages/settings-page';
import { TrashPage } from './pages/trash-page';

const Y = new Date().getFullYear();
const MEETING = '三月党委会议（学法专题）';
const MEETING_EDITED = '三月党委会议（法治专题学法）';

describe('clerk flows', () => {
  let app: E2eApp;
  let shell: AppShell;

  beforeAll(async () => {
    app = await startApp();
    shell = new AppShell(app.page);
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on 首页 for the current year, asking for the settings', async () => {
    const home = new HomePage(app.page);
    expect(await shell.year()).toBe(Y);
    await home.waitCount('meeting', 0);
    await expect.poll(() => home.missing.innerText()).toContain('单位设置尚未填写完整');
    await expect.poll(() => home.emptyKinds.innerText()).toContain('会议');
    await screenshot(app.page, '01-home-empty');
  });

  it('fills 设置, showing the validation message next to the field', async () => {
    const settings = new SettingsPage(app.page);
    await shell.open('设置');
    await settings.fill({ 乡镇名称: '双土镇双土镇双土镇双土镇双土镇双土镇双土镇' });
    await settings.save();
    await expect.poll(() => settings.error('乡镇名称').innerText()).toContain('乡镇名称不能超过20个字');
    await screenshot(app.page, '02-settings-error');

    await settings.fill({
      '县（区）名称': '某某县',
      乡镇名称: '双土镇',
      党委全称: '中共双土镇委员会',
      政府全称: '双土镇人民政府',
      党委发文代字: '双土委发',
      政府发文代字: '双土府发',
      规范性文件代字: '双土府规',
      主送机关: '县委、县政府',
      抄送机关: '县委依法治县办',
      印发机关: '双土镇党政办公室',
      党委书记: '李明',
      镇长: '王强',
    });
    await settings.addVillages(['双土村', '红星村', '新华社区']);
    await settings.save();
    await shell.toast('设置已保存').waitFor();
    expect(await settings.error('乡镇名称').count()).toBe(0);
    await expect.poll(() => app.page.locator('header').innerText()).toContain('某某县双土镇');
    await screenshot(app.page, '03-settings');
  });

  it('adds a 党委会议, explaining a date that does not exist and an empty name', async () => {
    const meetings = new KindPage(app.page);
    await shell.openKind('会议');
    await meetings.waitTotal(0, Y);
    await expect.poll(() => meetings.emptyMessage.count()).toBe(1);
    await screenshot(app.page, '04-meetings-empty');

    const form = await meetings.add();
    await screenshot(app.page, '05-meeting-form-new');
    await form.choose('会议类型', '党委会议');
    await form.fillDate('会议日期', `${Y}-02-30`);
    await form.fill('主持人', '李明');
    await form.submit();
    await expect.poll(() => form.error('date').innerText()).toBe(`日期不存在（${Y}-02-30）`);
    await expect.poll(() => form.error('title').innerText()).toBe('必填');
    await expect.poll(() => form.formError.innerText()).toContain('会议记录有2处错误');
    await screenshot(app.page, '06-meeting-form-errors');

    await form.fillDate('会议日期', `${Y}-03-15`);
    expect(await form.error('date').count()).toBe(0);
    await form.fill('会议名称', MEETING);
    await form.fill('出席人数', '12');
    await form.toggle('会前学法');
    await form.fill('学法内容', '《中华人民共和国行政处罚法》');
    await form.submit();
    await form.waitClosed();
    await shell.toast(/已新增会议/).waitFor();
    await meetings.waitTotal(1, Y);
    const cells = await meetings.row(MEETING).locator('td').allInnerTexts();
    expect(cells.slice(0, 8)).toEqual(['1', '党委会议', `${Y}-03-15`, MEETING, '李明', '12', '是', '否']);
    await screenshot(app.page, '07-meetings');
  });

  it('edits it (Enter saves)', async () => {
    const meetings = new KindPage(app.page);
    const form = await meetings.edit(MEETING);
    expect(await form.field('会议名称').inputValue()).toBe(MEETING);
    await form.fill('会议名称', MEETING_EDITED);
    await form.toggle('研究法治议题');
    await screenshot(app.page, '08-meeting-form-edit');
    await form.field('会议名称').press('Enter');
    await form.waitClosed();
    await meetings.row(MEETING_EDITED).waitFor();
    expect(await meetings.row(MEETING_EDITED).locator('td').nth(7).innerText()).toBe('是');
    expect(await meetings.total()).toBe(1);
  });

  it('Esc cancels the form without saving, after asking since something was typed', async () => {
    const meetings = new KindPage(app.page);
    const form = await meetings.edit(MEETING_EDITED);
    await form.fill('会议名称', '不应保存的名称');
    await app.page.keyboard.press('Escape');
    const guard = app.page.getByTestId('unsaved-guard');
    await guard.getByRole('button', { name: '离开不保存', exact: true }).click();
    await form.waitClosed();
    expect(await meetings.row('不应保存的名称').count()).toBe(0);
    expect(await meetings.row(MEETING_EDITED).count()).toBe(1);
  });

  it('deletes it after confirming, and restores it from 回收站', async () => {
    const meetings = new KindPage(app.page);
    await meetings.rowAction(MEETING_EDITED, '删除');
    await expect.poll(() => meetings.confirmDialog.innerText()).toContain('删除后可在回收站恢复');
    await screenshot(app.page, '09-delete-confirm');
    await meetings.confirmDialog.getByRole('button', { name: '删除', exact: true }).click();
    await shell.toast('已删除，可在回收站恢复').waitFor();
    await meetings.waitTotal(0, Y);

    const trash = new TrashPage(app.page);
    await shell.open('回收站');
    await trash.row(MEETING_EDITED).waitFor();
    expect(await trash.row(MEETING_EDITED).locator('td').first().innerText()).toBe('会议');
    await screenshot(app.page, '10-trash');
    await trash.restore(MEETING_EDITED);
    await shell.toast('已恢复到“会议”').waitFor();
    await expect.poll(() => trash.rows.count()).toBe(0);

    await shell.openKind('会议');
    await meetings.waitTotal(1, Y);
    await meetings.row(MEETING_EDITED).waitFor();
  });

  it('finds it by search, by filter, and sorts on a header click', async () => {
    const meetings = new KindPage(app.page);
    await meetings.search('法治专题');
    await meetings.waitTotal(1, Y);
    await meetings.search('没有这样的会议');
    await meetings.waitTotal(0, Y);
    await expect.poll(() => meetings.emptyMessage.innerText()).toContain('没有符合条件的记录');
    await screenshot(app.page, '11-meetings-search-empty');
    await meetings.search('行政处罚法'); // 学法内容 is searched too, not only the name
    await meetings.waitTotal(1, Y);
    await meetings.clearFilters();

    await meetings.quickFilter('会议类型', '政府常务会议');
    await meetings.waitTotal(0, Y);
    await meetings.clearFilters();
    await meetings.waitTotal(1, Y);
    const more = await meetings.openMoreFilters();
    await screenshot(app.page, '12-meetings-more-filters');
    await more.getByLabel('主持人', { exact: true }).fill('李明');
    await meetings.waitTotal(1, Y);
    await more.getByLabel('主持人', { exact: true }).fill('张三');
    await meetings.waitTotal(0, Y);
    await app.page.keyboard.press('Escape');
    await meetings.clearFilters();
    await meetings.waitTotal(1, Y);

    expect(await meetings.sortState('会议日期')).toBe('descending');
    await meetings.sortBy('会议名称');
    expect(await meetings.sortState('会议名称')).toBe('ascending');
    await meetings.sortBy('会议名称');
    expect(await meetings.sortState('会议名称')).toBe('descending');
  });

  it('follows the year switcher, and remembers the year', async () => {
    const meetings = new KindPage(app.page);
    await shell.switchYear(Y - 1);
    await meetings.waitTotal(0, Y - 1);
    await screenshot(app.page, '13-meetings-previous-year');
    await app.page.reload();
    await meetings.waitTotal(0, Y - 1);
    expect(await shell.year()).toBe(Y - 1);
    await shell.switchYear(Y);
    await meetings.waitTotal(1, Y);
    await meetings.row(MEETING_EDITED).waitFor();
  });

  it('duplicates a meeting and edits the copy', async () => {
    const meetings = new KindPage(app.page);
    await meetings.rowAction(MEETING_EDITED, '复制');
    await meetings.form.root.waitFor();
    await shell.toast('已复制为一条新记录').waitFor();
    await meetings.form.fillDate('会议日期', `${Y}-07-10`);
    await meetings.form.fill('会议名称', '七月党委会议');
    await meetings.form.submit();
    await meetings.form.waitClosed();
    await meetings.waitTotal(2, Y);
    expect(await meetings.rows.first().innerText()).toContain('七月党委会议');
  });

  it('首页 figures follow the ledger', async () => {
    const home = new HomePage(app.page);
    await shell.open('首页');
    await home.waitCount('meeting', 2);
    expect(await home.count('drill')).toBe(0);
    const missing = await home.missingPartyMeetings.innerText();
    const due = Array.from({ length: new Date().getMonth() + 1 }, (_, i) => i + 1).filter((m) => m !== 3 && m !== 7);
    expect(missing).toContain(`${due.map((m) => `${m}月`).join('、')}未登记党委会议`);
    expect(await home.emptyKinds.innerText()).not.toContain('会议、');
    expect(await home.missing.innerText()).not.toContain('单位设置尚未填写完整');
    await screenshot(app.page, '21-home');

    await shell.switchYear(Y - 1);
    await home.waitCount('meeting', 0);
    await expect.poll(() => home.missingPartyMeetings.innerText()).toContain('1月至12月均未登记党委会议');
    await shell.switchYear(Y);
    await home.waitCount('meeting', 2);
  });

  it('raised no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
