/**
 * The township's level in the real UI: a 乡's record form offers 乡 wording (依法治乡…,
 * 乡人民调解委员会) and its 设置 examples name a 乡; choosing 街道 turns the examples into a 街道's
 * at once, and once saved the options follow (依法治街…, 人大街道工委会议) and the report speaks
 * of the 人大街道工委. Screens: test-output/screens/level-*.png (1366×768).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '@rules/settings';
import { SHUANGTU_2023 } from '../support/seed';
import { screenshot, startApp, type E2eApp } from './support/app';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';
import { ReportPage } from './pages/report-page';
import { SettingsPage } from './pages/settings-page';

const fixtureSettings = (JSON.parse(fs.readFileSync(SHUANGTU_2023, 'utf8')) as { settings: Settings }).settings;
const XIANG: Settings = {
  ...fixtureSettings,
  townType: '乡',
  town: '双土乡',
  partyOrg: '中共云阳县双土乡委员会',
  govOrg: '云阳县双土乡人民政府',
  issuer: '双土乡党政办公室',
};

describe('a 乡 and a 街道 in the UI', () => {
  let app: E2eApp;
  let shell: AppShell;

  beforeAll(async () => {
    app = await startApp({ seed: { fixture: SHUANGTU_2023, settings: XIANG } });
    shell = new AppShell(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  const meetingTypes = async (typed: string) => {
    await shell.openKind('会议');
    const form = await new KindPage(app.page).add();
    const type = form.field('会议类型');
    await type.focus();
    await app.page.keyboard.type(typed);
    await app.page.getByRole('option').first().waitFor();
    return { form, options: await app.page.getByRole('option').allInnerTexts() };
  };
  /** Leaves the form unsaved: Esc closes the list, 取消 the form, and the guard is told to drop the text typed. */
  const leave = async (form: Awaited<ReturnType<typeof meetingTypes>>['form']) => {
    await app.page.keyboard.press('Escape');
    await form.root.getByRole('button', { name: '取消', exact: true }).click();
    const drop = app.page.getByTestId('unsaved-guard').getByRole('button', { name: '离开不保存', exact: true });
    await expect.poll(async () => (await drop.isVisible()) || (await form.root.count()) === 0).toBe(true);
    if (await drop.isVisible()) await drop.click();
    await form.waitClosed();
  };

  it('offers a 乡 the 乡 wording in the 会议类型 list', async () => {
    const { form, options } = await meetingTypes('依法治');
    expect(options).toEqual(['依法治乡领导小组会议']);
    await screenshot(app.page, 'level-xiang-form');
    await leave(form);
  });

  it('shows the fixture’s 镇-worded disputes as 乡人民调解委员会', async () => {
    await shell.openKind('矛盾纠纷');
    await expect.poll(() => app.page.getByRole('table').innerText()).toContain('乡人民调解委员会');
    expect(await app.page.getByRole('table').innerText()).not.toContain('镇人民调解委员会');
  });

  it('gives 设置 examples that follow the chosen 乡镇类型 before it is saved', async () => {
    await shell.open('设置');
    const s = new SettingsPage(app.page);
    const placeholder = (label: string) => s.field(label).getAttribute('placeholder');
    await expect.poll(() => placeholder('政府全称')).toBe('如：双土乡人民政府');
    expect(await placeholder('党委全称')).toBe('如：中共双土乡委员会');
    await app.page.getByRole('radiogroup', { name: '乡镇类型' }).getByText('街道', { exact: true }).click();
    await expect.poll(() => placeholder('政府全称')).toBe('如：双土街道办事处');
    expect(await placeholder('党委全称')).toBe('如：中共双土街道工作委员会');
    expect(await placeholder('主送机关')).toBe('如：区委、区政府');
    expect(await placeholder('县（区）名称')).toBe('如：某某区');
    await screenshot(app.page, 'level-street-settings');
  });

  it('once saved as a 街道, offers 街道 wording: the 人大街道工委会议, 依法治街', async () => {
    const s = new SettingsPage(app.page);
    await s.fill({ 乡镇名称: '双土街道', 党委全称: '中共云阳县双土街道工作委员会', 政府全称: '云阳县双土街道办事处' });
    await s.save();
    await shell.toast('设置已保存').waitFor();
    const { form, options } = await meetingTypes('人大');
    expect(options).toEqual(['人大街道工委会议']);
    await leave(form);
    const all = await meetingTypes('依法治');
    expect(all.options).toEqual(['依法治街领导小组会议']);
    await screenshot(app.page, 'level-street-form');
    await leave(all.form);
  });

  it('words the 街道 report’s 人大 sentence through the 人大街道工委, in the editor and the preview', async () => {
    await shell.open('年度报告');
    const report = new ReportPage(app.page);
    await report.waitLoaded();
    const editor = app.page.getByTestId('outline-editor');
    await expect.poll(() => editor.innerText()).toContain('向人大街道工委报告工作');
    const text = await editor.innerText();
    expect(text).not.toContain('人民代表大会');
    expect(text).toContain('街道人民调解委员会');
    await report.subsection('（八）').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'level-street-report-editor');
    await report.tab('预览');
    await expect
      .poll(() => app.page.locator('[data-testid="pdf-page"][data-rendered="true"]').count(), { timeout: 240_000 })
      .toBeGreaterThan(0);
    await screenshot(app.page, 'level-street-report-preview');
  });
});
