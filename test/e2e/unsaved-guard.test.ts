/**
 * Unsaved 年度报告 edits are not lost silently: with a paragraph edited but not saved, the left
 * menu and the year switcher ask first (离开不保存 / 留在此页), beforeunload is armed, and after
 * 保存 the clerk moves freely again. Screens go to test-output/screens/unsaved-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { AppShell } from './pages/app-shell';
import { ReportPage } from './pages/report-page';

const Y = new Date().getFullYear();
const TYPED = '（未保存的修改）';

describe('unsaved 年度报告 guard', () => {
  let app: E2eApp;
  let shell: AppShell;
  let report: ReportPage;

  const guard = () => app.page.getByTestId('unsaved-guard');
  const paragraph = () => report.paragraphs(report.root).first();
  /** Whether a beforeunload listener asks to stay (what a reload or closing the window would hit). */
  const unloadBlocked = () =>
    app.page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });

  beforeAll(async () => {
    app = await startApp();
    shell = new AppShell(app.page);
    report = new ReportPage(app.page);
    await shell.yearSwitcher.waitFor();
    await shell.open('年度报告');
    await report.waitLoaded();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('leaves freely while nothing is edited', async () => {
    expect(await unloadBlocked()).toBe(false);
    await shell.open('首页');
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
    await shell.open('年度报告');
    await report.waitLoaded();
  });

  it('asks before following the menu, and 留在此页 keeps the edit', async () => {
    await report.typeAtEnd(paragraph(), TYPED);
    await report.dirtyMark.waitFor();
    expect(await unloadBlocked()).toBe(true);

    await shell.open('设置');
    await expect.poll(() => guard().innerText()).toContain('年度报告有修改尚未保存，确定离开吗？');
    await screenshot(app.page, 'unsaved-01-ask');
    await guard().getByRole('button', { name: '留在此页', exact: true }).click();
    await guard().waitFor({ state: 'detached' });

    expect(app.page.url()).toContain('#/report');
    await report.dirtyMark.waitFor();
    expect(await report.editor(paragraph()).innerText()).toContain(TYPED);
  });

  it('asks before switching the year too', async () => {
    await shell.switchYear(Y - 1);
    await expect.poll(() => guard().innerText()).toContain('年度报告有修改尚未保存');
    await guard().getByRole('button', { name: '留在此页', exact: true }).click();
    await guard().waitFor({ state: 'detached' });
    expect(await shell.year()).toBe(Y);
    expect(await report.editor(paragraph()).innerText()).toContain(TYPED);
  });

  it('离开不保存 leaves and drops the edit', async () => {
    await shell.open('首页');
    await guard().getByRole('button', { name: '离开不保存', exact: true }).click();
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
    expect(app.page.url()).not.toContain('#/report');
    expect(await unloadBlocked()).toBe(false);

    await shell.open('年度报告');
    await report.waitLoaded();
    expect(await report.editor(paragraph()).innerText()).not.toContain(TYPED);
  });

  it('after 保存 the menu and the year switcher no longer ask', async () => {
    await report.typeAtEnd(paragraph(), TYPED);
    await report.dirtyMark.waitFor();
    await report.save();
    await shell.toast('报告已保存').waitFor();
    await report.dirtyMark.waitFor({ state: 'detached' });
    expect(await unloadBlocked()).toBe(false);

    await shell.switchYear(Y - 1);
    await expect.poll(() => shell.year()).toBe(Y - 1);
    await shell.open('首页');
    await app.page.getByRole('heading', { name: `${Y - 1}年度台账概览` }).waitFor();
    expect(await guard().count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
