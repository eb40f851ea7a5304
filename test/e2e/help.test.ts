/**
 * Issue 14 point 10, the 帮助 page in the real UI: F1 opens it from any page; the year's steps
 * link to their screens; 「报告数字从哪里来」 lists the catalogue's figures described with the
 * kind's own field labels and option values, and the ledger's custom figures too.
 * Screens: test-output/screens/help-*.png at 1366×768 and 1920×1080.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openContext } from '@core/api';
import { getKind } from '@rules/kinds';
import { FIGURES } from '@rules/figures/catalogue';
import type { FigureDef } from '@rules/figures/types';
import { SCREENS_DIR, screenshot, startApp, type E2eApp } from './support/app';

const CUSTOM: FigureDef = {
  id: 'custom.contractReviews',
  name: '合同合法性审查件数',
  section: '7',
  unit: '件',
  value: {
    type: 'sum',
    measure: { kind: 'legalService', where: { serviceType: '合法性审查', reviewObject: '合同' }, agg: { type: 'sum', field: 'count' } },
  },
  display: { type: 'exact' },
};

describe('帮助', () => {
  let dir: string;
  let app: E2eApp;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-help-'));
    const file = path.join(dir, 'ledger.db');
    const ctx = openContext(file);
    try {
      const r = await callApi(ctx, 'figures.custom.save', { def: CUSTOM });
      if (!r.ok) throw new Error(r.error.message);
    } finally {
      ctx.close();
    }
    app = await startApp({ dbFile: file });
    await app.page.getByRole('link', { name: '首页' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
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
    expect(await custom.innerText()).toContain(CUSTOM.name);
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
