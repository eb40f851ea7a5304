/**
 * In the real UI: the record form's Tab order follows the screen. The cursor starts
 * in the date field (first on screen) without its calendar covering the form; Tab goes on to the
 * field beside it; the calendar opens on Alt+↓ or a click, and Esc closes only the calendar.
 * Screens: test-output/screens/tab-*.png (1366×768).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHIQIAO } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';

describe('record form Tab order', () => {
  let app: E2eApp;
  let kindPage: KindPage;

  beforeAll(async () => {
    app = await startApp({ seed: { settings: { ...SHIQIAO, partyCode: '石桥委文', villages: ['石桥村'] } } });
    kindPage = new KindPage(app.page);
    await new AppShell(app.page).openKind('普法与培训');
  });
  afterAll(async () => {
    await app?.close();
  });

  const calendar = () => app.page.locator('[data-dates-dropdown]');
  // The label of the focused control, without its required mark.
  const focused = () =>
    app.page.evaluate(() => ((document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '').replace('*', '').trim());

  it('starts in the date field with the calendar closed, and Tab goes to the field beside it', async () => {
    const form = await kindPage.add();
    await expect.poll(focused).toBe('日期');
    expect(await form.field('日期').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await calendar().count()).toBe(0);
    await screenshot(app.page, 'tab-01-new-form');
    await app.page.keyboard.press('Tab');
    await expect.poll(focused).toBe('活动类型');
    expect(await form.field('活动类型').evaluate((el) => el === document.activeElement)).toBe(true);
    // Back again: passing through the date does not pop the calendar either.
    await app.page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toBe('日期');
    expect(await calendar().count()).toBe(0);
  });

  it('opens the calendar on Alt+↓ or a click; Esc closes only the calendar', async () => {
    const form = kindPage.form;
    await app.page.keyboard.press('Alt+ArrowDown');
    await calendar().waitFor();
    await screenshot(app.page, 'tab-02-alt-down');
    await app.page.keyboard.press('Escape');
    await calendar().waitFor({ state: 'detached' });
    expect(await form.root.isVisible()).toBe(true);
    await form.field('日期').click();
    await calendar().waitFor();
    // A day picked fills the field and closes the calendar.
    await calendar().locator('button[data-today], button:not([data-outside]):not([disabled])').filter({ hasText: /^15$/ }).first().click();
    await calendar().waitFor({ state: 'detached' });
    expect(await form.field('日期').inputValue()).toMatch(/^\d{4}-\d{2}-15$/);
    expect(await form.root.isVisible()).toBe(true);
  });
});
