/**
 * UI benchmark: one year holding 20,000 行政执法 records (inserted straight into a fresh ledger
 * in one transaction), the built renderer behind the loopback harness, headless Chromium.
 * Measured in the page, from the action to the table being usable (50 rows in the DOM, no query
 * pending, the next frame reached): opening the kind's page, sorting on a column, searching,
 * paging. Median of several runs each.
 *
 * Needs `npm run build` first. Run alone with `npm run bench -- ui`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openContext } from '@core/api';
import { insertRecord, nowIso } from '@core/ledger/records';
import { startHarness } from '../electron/harness/server';
import { launchChromium, RENDERER_DIR, requireBuiltRenderer, VIEWPORT } from '../test/e2e/support/app';
import { sampleRecord } from '../test/support/samples';
import { medianOf, type BenchRow } from './row';

const KIND = 'enforcement';
const YEAR = 2025;
const ROWS = 20_000;
const RUNS = 7;
const TARGET_MS = 500;

function seed(file: string): void {
  const ctx = openContext(file);
  try {
    const t = nowIso();
    ctx.db.transaction(() => {
      for (let n = 0; n < ROWS; n++) {
        const data = {
          ...sampleRecord(KIND, n, { year: YEAR, everyField: { villages: ['双土村', '红星村', '新华社区'] } }),
          date: `${YEAR}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
          title: `第${n + 1}批次执法检查`,
        };
        insertRecord(ctx.db, {
          id: randomUUID(),
          kind: KIND,
          date: data.date,
          year: YEAR,
          data,
          createdAt: t,
          updatedAt: t,
          deletedAt: null,
        });
      }
    })();
  } finally {
    ctx.close();
  }
}

/**
 * Runs `action` (a statement) in the page and resolves with the ms until the record table is
 * usable again. Sent as one expression: CDP evaluates it outside the page's CSP, which forbids eval.
 */
function timeInPage(page: Page, action: string): Promise<number> {
  return page.evaluate(`(async () => {
    const usable = () => {
      const list = document.querySelector('[data-testid="record-list"]');
      return !!list && list.getAttribute('aria-busy') === 'false' && list.querySelectorAll('tbody tr').length === 50;
    };
    const t0 = performance.now();
    ${action};
    await new Promise((resolve) => {
      const check = () => (usable() ? resolve() : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
    return performance.now() - t0;
  })()`);
}

export async function run(): Promise<BenchRow[]> {
  requireBuiltRenderer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-ui-'));
  const file = path.join(dir, 'ledger.db');
  seed(file);
  const harness = await startHarness({ dbFile: file, rendererDir: RENDERER_DIR });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript(`localStorage.setItem('fazhi-ledger.year', '${YEAR}')`);
    await page.goto(harness.url);
    await page.getByRole('heading', { name: `${YEAR}年度台账概览` }).waitFor();

    const open = await medianOf(RUNS, async () => {
      await page.evaluate(() => (window.location.hash = '#/'));
      await page.getByRole('heading', { name: `${YEAR}年度台账概览` }).waitFor();
      return timeInPage(page, `location.hash = '#/kind/${KIND}'`);
    });
    const clickHeader = (label: string) =>
      `[...document.querySelectorAll('thead th')].find((th) => th.textContent.startsWith('${label}')).click()`;
    const sort = await medianOf(RUNS, () => timeInPage(page, clickHeader('罚款金额')));
    const typeSearch = (text: string) =>
      `const box = document.querySelector('input[aria-label="搜索"]');
       Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, '${text}');
       box.dispatchEvent(new Event('input', { bubbles: true }))`;
    // Two texts in turn, each matching hundreds of rows; includes the box's 250 ms debounce.
    const texts = ['执法检查', '第1'];
    let n = 0;
    const search = await medianOf(RUNS, () => timeInPage(page, typeSearch(texts[n++ % 2])));
    await timeInPage(page, typeSearch(''));
    const nextPage = await medianOf(RUNS, () => timeInPage(page, `document.querySelector('button[aria-label="下一页"]').click()`));
    const note = `${ROWS.toLocaleString('en')} rows in ${YEAR}, median of ${RUNS}`;
    return [
      { name: 'ui: open 行政执法 page', ms: open, targetMs: TARGET_MS, note },
      { name: 'ui: sort by 罚款金额', ms: sort, targetMs: TARGET_MS, note },
      { name: 'ui: search (incl. 250 ms debounce)', ms: search, targetMs: TARGET_MS + 250, note },
      { name: 'ui: next page', ms: nextPage, targetMs: TARGET_MS, note },
    ];
  } finally {
    await browser.close();
    await harness.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
