/**
 * In the real UI (electron/rules/record-fix.ts): a problem a record would fix leads to the 台账. The report's
 * 法治考试 rates (no exam held) offer 去登记 — a new 普法与培训 record with 活动类型 = 法治考试
 * already chosen — and 查看台账, the page filtered to 法治考试; the 首页's 待补登记 uses the same
 * link for a missing 党委会议. A rate with nothing to divide by offers its zero wording or dropping its
 * clause, one click each. Screens: test-output/screens/fix-*.png (1366×768, two at 1920×1080).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHIQIAO, type LedgerSeed } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';
import { ReportPage } from './pages/report-page';

const Y = new Date().getFullYear();
const VILLAGES = ['石桥村', '红星村'];

/** A 普法 event but no 法治考试, and a meeting that is not a 党委会议. */
const SEED: LedgerSeed = {
  settings: { ...SHIQIAO, partyCode: '石桥委文', villages: VILLAGES },
  records: [
    { kind: 'training', sample: 0, year: Y, data: { eventType: '普法宣传活动', title: '赶场日宣传' } },
    { kind: 'meeting', sample: 0, year: Y, data: { meetingType: '政府常务会议' } },
  ],
};

describe('problems lead to their fix', () => {
  let app: E2eApp;
  let shell: AppShell;
  let kindPage: KindPage;
  let report: ReportPage;

  beforeAll(async () => {
    app = await startApp({ seed: SEED });
    shell = new AppShell(app.page);
    kindPage = new KindPage(app.page);
    report = new ReportPage(app.page);
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the 首页’s missing 党委会议 opens a new 会议 with its type chosen and its date left to pick in the missing month', async () => {
    await app.page.getByTestId('missing-party-meetings').getByRole('link', { name: '去登记' }).click();
    await kindPage.form.root.waitFor();
    expect(await kindPage.form.field('会议类型').inputValue()).toBe('党委会议');
    // No month has a 党委会议 yet: the earliest, 1月, is asked for; no day is made up (not today's).
    expect(await kindPage.form.field('会议日期').inputValue()).toBe('');
    expect(await app.page.getByTestId('backfill-note').innerText()).toContain(`补登记${Y}年1月的会议`);
    await kindPage.form.field('会议日期').click();
    await app.page.getByText(`${Y}年1月`, { exact: true }).waitFor();
    await screenshot(app.page, 'fix-00-backfill-month');
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Escape');
    await kindPage.form.root.waitFor({ state: 'detached' });
    expect(app.page.url()).not.toContain('new=');
  });

  it('a report rate with no exam held offers 去登记: a new 法治考试 with its required counts marked', async () => {
    await shell.open('年度报告');
    await report.waitLoaded();
    const exam = app.page.getByTestId('problems-panel').getByTestId('problem').filter({ hasText: '法治考试合格率' });
    await exam.waitFor();
    await exam.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'fix-01-problem-links');
    await exam.getByRole('link', { name: '去登记' }).click();
    await kindPage.form.root.waitFor();
    await app.page.getByRole('heading', { name: '普法与培训', exact: true }).waitFor();
    expect(await kindPage.form.field('活动类型').inputValue()).toBe('法治考试');
    // The requiredIf marks follow the prefilled type at once.
    await kindPage.form.root.getByText('应考人数').first().waitFor();
    expect(await kindPage.form.root.getByLabel(/^应考人数\s*\*$/).count()).toBe(1);
    await screenshot(app.page, 'fix-02-prefilled-form');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(app.page, 'fix-02-prefilled-form-1920');
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.page.keyboard.press('Escape');
    await kindPage.form.root.waitFor({ state: 'detached' });
  });

  it('查看台账 opens the kind’s page filtered to the records concerned', async () => {
    await shell.open('年度报告');
    await report.waitLoaded();
    const exam = app.page.getByTestId('problems-panel').getByTestId('problem').filter({ hasText: '法治考试合格率' });
    await exam.getByRole('link', { name: '查看台账' }).click();
    await app.page.getByRole('heading', { name: '普法与培训', exact: true }).waitFor();
    await kindPage.waitTotal(0, Y);
    expect(await app.page.getByRole('textbox', { name: '活动类型' }).or(app.page.getByPlaceholder('活动类型')).first().inputValue()).toBe(
      '法治考试',
    );
    await screenshot(app.page, 'fix-03-filtered-page');
    // 清除筛选 shows the year's other record again.
    await kindPage.clearFilters();
    await kindPage.waitTotal(1, Y);
  });

  it('a rate with nothing to divide by offers its zero wording: one click, saved, the problem gone', async () => {
    await shell.open('年度报告');
    await report.waitLoaded();
    const exam = report.problem('noBase').filter({ hasText: '法治考试参考率' });
    await exam.waitFor();
    await exam.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'fix-04-no-base-fixes');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(app.page, 'fix-04-no-base-fixes-1920');
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await exam.getByRole('button', { name: '改为“全年未组织法治考试”' }).click();
    await shell.toast('已改为“全年未组织法治考试”并保存').waitFor();
    // Both exam rates lacked a base: the one wording stands for the group, so both problems go.
    await expect.poll(() => report.problem('noBase').filter({ hasText: '法治考试' }).count()).toBe(0);
    const para = app.page.getByTestId('report-paragraph').filter({ has: app.page.locator('.fig-chip[data-kind="rates"]') });
    expect((await report.chipTexts(para)).join('')).toContain('无法计算时另写');
    // The words that introduced the exam now travel with it (shown in its menu), not in the text.
    expect(await report.editor(para).innerText()).not.toContain('理论知识考试，');
    await report.chips(para).filter({ hasText: '参考率' }).click();
    expect(await report.chipMenu.getByRole('textbox', { name: '前后文字' }).inputValue()).toContain('理论知识考试，{值}');
    expect(await report.chipMenu.getByRole('textbox', { name: /无法计算/ }).inputValue()).toBe('全年未组织法治考试');
    await screenshot(app.page, 'fix-04-rates-menu');
    await app.page.keyboard.press('Escape');
  });

  it('or drops the clause: 调解成功率 with no dispute closed goes from its sentence in one click', async () => {
    const rate = report.problem('noBase').filter({ hasText: '矛盾纠纷调解成功率' });
    await rate.waitFor();
    const para = app.page.getByTestId('report-paragraph').filter({ has: app.page.locator('.fig-chip', { hasText: '调解成功率' }) });
    expect(await report.editor(para).innerText()).toContain('，调解成功率');
    await rate.getByRole('button', { name: '删去这句' }).click();
    await shell.toast('已删去该表述并保存').waitFor();
    await expect.poll(() => report.problem('noBase').filter({ hasText: '调解成功率' }).count()).toBe(0);
    const after = app.page.getByTestId('report-paragraph').filter({ hasText: '全年排查调处矛盾纠纷' }).first();
    await after.scrollIntoViewIfNeeded();
    const text = await after.innerText();
    expect(text).not.toContain('调解成功率');
    await screenshot(app.page, 'fix-05-clause-dropped');
  });
});
