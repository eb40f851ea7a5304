/**
 * The trace drawer: for a sum each record shows what it adds, and a record's
 * title opens its form — after the report's unsaved edits are asked about.
 * Screen: test-output/screens/trace-sum.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKind } from '@rules/kinds';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHIQIAO } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { ReportPage } from './pages/report-page';

const Y = new Date().getFullYear();
const VILLAGES = ['石桥村'];
const PEOPLE = [35, 48, 27];

describe('台账记录 drawer', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp({
      seed: {
        settings: { ...SHIQIAO, villages: VILLAGES },
        records: PEOPLE.map((participants, n) => ({
          kind: 'training',
          sample: n,
          year: Y,
          data: { eventType: '集中学法', title: `第${n + 1}次集中学法`, participants },
        })),
      },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows each record’s value for a sum and opens a record’s form', async () => {
    const shell = new AppShell(app.page);
    const report = new ReportPage(app.page);
    await shell.open('年度报告');
    await report.waitLoaded();
    const para = report.paragraphs(report.subsection('（一）')).first();
    await report.typeAtEnd(para, '全年集中学法');
    await report.insertFigure(para, '集中学法人次', '集中学法人次');
    await report.chips(para).last().click();
    await report.chipMenu.getByRole('button', { name: '查看台账记录' }).click();
    await expect.poll(() => report.traceDrawer.getByTestId('trace-count').innerText()).toBe(`共${PEOPLE.length}条台账记录`);
    const label = getKind('training')!.fields.find((f) => f.key === 'participants')!;
    expect(await report.traceDrawer.locator('thead th').last().innerText()).toBe(label.label);
    const values = await report.traceDrawer.getByTestId('trace-value').allInnerTexts();
    expect(values.map((v) => Number.parseInt(v, 10)).sort()).toEqual([...PEOPLE].sort());
    await screenshot(app.page, 'trace-sum');

    // The inserted chip is unsaved: the title asks first, then opens that record's form.
    const row = report.traceRows().filter({ hasText: '第2次集中学法' });
    await row.getByRole('link', { name: '第2次集中学法' }).click();
    await app.page.getByRole('button', { name: '离开不保存' }).click();
    await expect.poll(() => app.page.evaluate(() => location.hash)).toBe(`#/kind/training/${app.seededIds[1]}`);
    await expect.poll(() => app.page.locator('.mantine-Modal-content input[value="第2次集中学法"]').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
