/**
 * The 帮助 page in the real UI: F1 opens it from any page; the year's steps
 * link to their screens; 「报告数字从哪里来」 lists the catalogue's figures described with the
 * kind's own field labels and option values, and the ledger's custom figures too.
 * Screens: test-output/screens/help-*.png at 1366×768 and 1920×1080.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKind } from '@rules/kinds';
import { FIGURES } from '@rules/figures/catalogue';
import { SCREENS_DIR, screenshot, startApp, type E2eApp } from './support/app';
import { api } from '../support/call';
import { CONTRACT_REVIEWS } from '../support/samples';

describe('帮助', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp({ seed: { after: (ctx) => api(ctx, 'figures.custom.save', { def: CONTRACT_REVIEWS }) } });
    await app.page.getByRole('link', { name: '首页' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens on F1 and lists where every figure comes from', async () => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('F1');
    await page.getByRole('heading', { name: '报告数字从哪里来' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/help');

    // Every catalogue figure has its row; one read in the kind's own words.
    expect(await page.getByTestId('help-figure').count()).toBe(FIGURES.length + 1);
    const meeting = getKind('meeting')!;
    const typeLabel = meeting.fields.find((f) => f.key === 'meetingType')!.label;
    const party = page.getByTestId('help-figure').filter({ hasText: '党委会议次数' });
    await expect.poll(() => party.innerText()).toContain(`「${meeting.label}」台账中${typeLabel}为“党委会议”的条数`);

    // The ledger's custom figure is listed under its own heading, with the summed field's label.
    const service = getKind('legalService')!;
    const countLabel = service.fields.find((f) => f.key === 'count')!.label;
    const custom = page.getByTestId('help-custom').getByTestId('help-figure');
    expect(await custom.count()).toBe(1);
    expect(await custom.innerText()).toContain(CONTRACT_REVIEWS.name);
    expect(await custom.innerText()).toContain(`“${countLabel}”之和`);

    await screenshot(page, 'help-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'help-1920');
    await page.screenshot({ path: path.join(SCREENS_DIR, 'help-full.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(app.pageErrors).toEqual([]);
  });

  it('links each step to its screen, and is in the menu', async () => {
    const { page } = app;
    await page.getByTestId('help-steps').getByRole('link', { name: '备份与恢复' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/backup');
    await page.getByRole('link', { name: '帮助（F1）' }).click();
    await page.getByTestId('help-steps').getByRole('link', { name: '设置' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/settings');
    expect(app.pageErrors).toEqual([]);
  });
});
