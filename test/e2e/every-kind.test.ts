/**
 * Every ledger page as the clerk sees it with records in it: the columns come from the kind's
 * `listed` fields, the 新增 form from its fields; and a long year pages 50 at a time.
 * Screens: test-output/screens/kind-<id>.png and form-<id>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '@rules/kinds';
import { screenshot, startApp, type E2eApp } from './support/app';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';

const Y = new Date().getFullYear();
const VILLAGES = ['双土村', '红星村', '新华社区'];
const PAGED = 120;

describe('every ledger page', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp({
      seed: {
        settings: { town: '双土镇', partyOrg: '中共双土镇委员会', govOrg: '双土镇人民政府', normativeCode: '双土府规', villages: VILLAGES },
        // Three of each kind, then 行政执法 up to PAGED.
        records: [
          ...KINDS.flatMap((kind) => [0, 1, 2].map((n) => ({ kind: kind.id, sample: n, year: Y }))),
          ...Array.from({ length: PAGED - 3 }, (_, i) => ({ kind: 'enforcement', sample: i + 3, year: Y })),
        ],
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const kind of KINDS) {
    it(`${kind.label}: listed fields as columns, a form of every editable field`, async () => {
      const shell = new AppShell(app.page);
      const page = new KindPage(app.page);
      await shell.openKind(kind.label);
      await page.waitTotal(kind.id === 'enforcement' ? PAGED : 3, Y);
      const headers = (await page.table.locator('thead th').allInnerTexts()).map((h) => h.replace(/[▲▼]/g, '').trim());
      const listed = kind.fields
        .filter((f) => f.listed)
        .map((f) => (f.unit && (f.type === 'int' || f.type === 'money') ? `${f.label}（${f.unit}）` : f.label));
      expect(headers).toEqual(['序号', ...listed, '附件', '操作']);
      await screenshot(app.page, `kind-${kind.id}`);

      const form = await page.add();
      for (const f of kind.fields) expect(await form.field(f.label).count(), f.label).toBe(f.managed ? 0 : 1);
      await screenshot(app.page, `form-${kind.id}`);
      await form.cancel();
    });
  }

  it('pages a long year 50 at a time, sorted on the server', async () => {
    const shell = new AppShell(app.page);
    const page = new KindPage(app.page);
    await shell.openKind('行政执法');
    await page.waitTotal(PAGED, Y);
    expect(await page.rows.count()).toBe(50);
    await app.page.getByRole('button', { name: '3', exact: true }).click();
    await app.page.getByText(`第 101–${PAGED} 条，共 ${PAGED} 条`).waitFor();
    expect(await page.rows.count()).toBe(PAGED - 100);
    expect(await page.rows.first().locator('td').first().innerText()).toBe('101');

    await page.sortBy('罚款金额');
    await app.page.getByText(`第 1–50 条，共 ${PAGED} 条`).waitFor();
    const col = (await page.table.locator('thead th').allInnerTexts()).findIndex((h) => h.startsWith('罚款金额'));
    const fines = await page.rows.evaluateAll((rows, i) => rows.map((r) => r.querySelectorAll('td')[i]?.textContent ?? ''), col);
    expect(fines[0]).toBe('1,234.50');
    expect(fines.map((s) => Number(s.replace(/,/g, '')))).toEqual([...fines.map((s) => Number(s.replace(/,/g, '')))].sort((a, b) => a - b));
    await screenshot(app.page, 'kind-enforcement-paged');
  });

  it('raised no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
