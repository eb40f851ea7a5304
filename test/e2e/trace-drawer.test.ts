/**
 * Issue 14 point 4, the trace drawer: for a sum each record shows what it adds, and a record's
 * title opens its form — after the report's unsaved edits are asked about.
 * Screen: test-output/screens/trace-sum.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openContext } from '@core/api';
import { getKind } from '@rules/kinds';
import { screenshot, startApp, type E2eApp } from './support/app';
import { sampleRecord } from '../support/samples';
import { AppShell } from './pages/app-shell';
import { ReportPage } from './pages/report-page';

const Y = new Date().getFullYear();
const VILLAGES = ['石桥村'];
const PEOPLE = [35, 48, 27];

describe('台账记录 drawer', () => {
  let dir: string;
  let app: E2eApp;
  let ids: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-trace-'));
    const file = path.join(dir, 'ledger.db');
    const ctx = openContext(file);
    try {
      const api = async (name: string, input: unknown) => {
        const r = await callApi(ctx, name, input);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value as { id: string };
      };
      await api('settings.save', {
        settings: { county: '某某县', town: '石桥镇', partyOrg: '中共石桥镇委员会', govOrg: '石桥镇人民政府', villages: VILLAGES },
      });
      ids = [];
      for (const [n, participants] of PEOPLE.entries()) {
        const data = {
          ...sampleRecord('training', n, { year: Y, everyField: { villages: VILLAGES } }),
          eventType: '集中学法',
          title: `第${n + 1}次集中学法`,
          participants,
        };
        ids.push((await api('records.create', { kind: 'training', data })).id);
      }
    } finally {
      ctx.close();
    }
    app = await startApp({ dbFile: file });
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
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
    await expect.poll(() => app.page.evaluate(() => location.hash)).toBe(`#/kind/training/${ids[1]}`);
    await expect.poll(() => app.page.locator('.mantine-Modal-content input[value="第2次集中学法"]').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
