/**
 * The header's 全局搜索 in the real UI: Ctrl+F on a page without its own box
 * (and Ctrl+K anywhere) reaches it; the working year's matches of every kind come grouped by
 * kind; a result (clicked, or chosen with the arrows and Enter) opens the record's form;
 * 「查看全部」 opens the kind's page with the search in force; other years' records stay out.
 * Screens: test-output/screens/search-*.png at 1366×768 and 1920×1080.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHIQIAO, type LedgerSeed } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';

const Y = new Date().getFullYear();
const VILLAGES = ['石桥村', '红星村'];

/** Seven 民法典 meetings (more than a group shows), one 民法典 training, one unrelated meeting, one last year. */
const SEED: LedgerSeed = {
  settings: { ...SHIQIAO, villages: VILLAGES },
  records: [
    ...Array.from({ length: 7 }, (_, n) => ({ kind: 'meeting', sample: n, year: Y, data: { title: `第${n + 1}次民法典专题学习会` } })),
    { kind: 'meeting', sample: 8, year: Y, data: { title: '安全生产工作会议' } },
    { kind: 'training', sample: 2, year: Y, data: { title: '赶场日民法典宣传' } },
    { kind: 'meeting', sample: 3, year: Y - 1, data: { title: '去年的民法典学习会' } },
  ],
};

describe('全局搜索', () => {
  let app: E2eApp;
  let shell: AppShell;
  let kindPage: KindPage;

  beforeAll(async () => {
    app = await startApp({ seed: SEED });
    shell = new AppShell(app.page);
    kindPage = new KindPage(app.page);
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('Ctrl+F on the 首页 reaches the header box; matches come grouped by kind, this year only', async () => {
    await app.page.keyboard.press('Control+f');
    await expect.poll(() => shell.globalSearch.evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.keyboard.type('民法典');
    const meetings = shell.globalGroup('会议');
    const trainings = shell.globalGroup('普法与培训');
    await meetings.waitFor();
    await trainings.waitFor();
    // Groups in the menu's order, each with its full count; five meetings shown, newest first.
    expect(await shell.globalResults.locator('section').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      '会议',
      '普法与培训',
    ]);
    expect(await meetings.innerText()).toContain('7 条');
    const titles = await meetings.locator('.global-search-title').allInnerTexts();
    expect(titles).toEqual([
      '第7次民法典专题学习会',
      '第6次民法典专题学习会',
      '第5次民法典专题学习会',
      '第4次民法典专题学习会',
      '第3次民法典专题学习会',
    ]);
    expect(await shell.globalResults.innerText()).not.toContain('去年的民法典学习会');
    expect(await shell.globalResults.innerText()).not.toContain('安全生产');
    await screenshot(app.page, 'search-01-results');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(app.page, 'search-01-results-1920');
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });

  it('a clicked result opens its record’s form on the kind’s page', async () => {
    await shell.globalResults.getByRole('button', { name: '普法与培训：赶场日民法典宣传' }).click();
    await kindPage.form.root.waitFor();
    await app.page.getByRole('heading', { name: '普法与培训', exact: true }).waitFor();
    expect(await kindPage.form.field('活动名称').inputValue()).toBe('赶场日民法典宣传');
    await app.page.keyboard.press('Escape');
    await kindPage.form.root.waitFor({ state: 'detached' });
  });

  it('on a kind page Ctrl+F stays the page’s box, Ctrl+K the header’s; arrows and Enter open a result', async () => {
    await shell.openKind('会议');
    await app.page.keyboard.press('Control+f');
    await expect.poll(() => app.page.getByLabel('搜索', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Control+k');
    await expect.poll(() => shell.globalSearch.evaluate((el) => el === document.activeElement)).toBe(true);
    // The search typed on 首页 stayed there: the box is empty on this page. Typed again, down twice → the 5th meeting.
    expect(await shell.globalSearch.inputValue()).toBe('');
    await shell.globalSearch.fill('民法典');
    await shell.globalGroup('会议').getByText('第6次民法典专题学习会').waitFor();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    expect(await shell.globalResults.locator('[data-active]').innerText()).toContain('第5次民法典专题学习会');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => kindPage.form.root.count()).toBe(1);
    await kindPage.form.root.waitFor();
    expect(await kindPage.form.field('会议名称').inputValue()).toBe('第5次民法典专题学习会');
    await app.page.keyboard.press('Escape');
    await kindPage.form.root.waitFor({ state: 'detached' });
  });

  it('查看全部 opens the kind’s page with the search in force; no match says so and names the year', async () => {
    await shell.openKind('普法与培训');
    // The search typed on another page did not follow the clerk here.
    expect(await shell.globalSearch.inputValue()).toBe('');
    await shell.globalSearch.fill('民法典');
    await shell.globalResults.getByRole('button', { name: '在会议中查看全部 7 条' }).click();
    await app.page.getByRole('heading', { name: '会议', exact: true }).waitFor();
    expect(await app.page.getByLabel('搜索', { exact: true }).inputValue()).toBe('民法典');
    // The page's own box holds the search now; the header's is empty again.
    expect(await shell.globalSearch.inputValue()).toBe('');
    await kindPage.waitTotal(7, Y);
    expect(await kindPage.rows.count()).toBe(7);
    expect(app.page.url()).not.toContain('search=');
    await screenshot(app.page, 'search-02-see-all');

    await shell.globalSearch.fill('没有这样的记录');
    await shell.globalResults.getByText(`${Y}年的台账中没有含“没有这样的记录”的记录`).waitFor();
    await screenshot(app.page, 'search-03-none');
    await app.page.keyboard.press('Escape');
    await shell.globalResults.waitFor({ state: 'hidden' });
  });
});
