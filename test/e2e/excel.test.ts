/**
 * Excel in the real UI (built renderer + loopback harness + Chromium): on the 会议 page the clerk
 * imports a workbook through the preview, changing one column's mapping the app could not guess,
 * sees the problems by row and column, imports, and then exports the page filtered by a search —
 * the downloaded workbook holds exactly the filtered records.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { api } from '../support/call';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';

const Y = new Date().getFullYear();

async function clerkWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议记录');
  ws.addRow([`${Y}年会议台账`]);
  ws.mergeCells('A1:E1');
  ws.addRow(['时间', '会议名称', '会议类型', '到场', '备注']);
  ws.addRow([`${Y}.1.9`, '第1次党委会议', '党委会议', '9人', '']);
  ws.addRow([`${Y}/2/14`, '第2次党委会议', '党委会议', 11, '']);
  ws.addRow([`${Y}年3月20日`, '政府常务会议', '政府常务会', 7, '']);
  ws.addRow([`${Y}-4-2`, '法治专题学习', '法治专题学习研判会', 15, '学习民法典']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('excel import and export in the app', () => {
  let app: E2eApp;
  let meetings: KindPage;
  beforeAll(async () => {
    app = await startApp({ seed: { settings: { town: '双土镇' } } });
    meetings = new KindPage(app.page);
    await new AppShell(app.page).openKind('会议');
    await meetings.waitTotal(0);
  });
  afterAll(() => app?.close());

  it('imports through the preview after changing one column', async () => {
    const { page } = app;
    await page.getByTestId('excel-menu').click();
    await page.getByRole('menuitem', { name: '导入Excel…' }).click();
    const dialog = page.getByTestId('import-dialog');
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByTestId('import-pick').click();
    await (
      await chooser
    ).setFiles({
      name: '会议台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await clerkWorkbook(),
    });

    const summary = dialog.getByTestId('import-summary');
    await summary.filter({ hasText: '可导入 3 行' }).waitFor();
    expect(await summary.innerText()).toContain('有错误 1 行');
    const problems = dialog.getByTestId('import-problems');
    expect(await problems.innerText()).toMatch(/会议记录\s+5\s+C\s+会议类型\s+“政府常务会”不是可选值，是否应为“政府常务会议”？/);
    // 到场 is not a header the app knows: the clerk maps column D to 出席人数.
    expect(await dialog.getByTestId('map-D').inputValue()).toBe('（不导入）');
    await screenshot(page, 'excel-import-preview');
    await dialog.getByTestId('map-D').click();
    await page.getByRole('option', { name: '出席人数', exact: true }).click();
    await dialog.getByTestId('import-rows').locator('thead', { hasText: '出席人数' }).waitFor();
    expect(await dialog.getByTestId('import-rows').innerText()).toMatch(/9\s/);
    // The first row's 出席人数 cell (not just any 9 on the page, e.g. in its date).
    const attendees = await dialog.getByTestId('import-rows').evaluate((t) => {
      const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
      return t.querySelector('tbody tr')?.children[heads.findIndex((h) => h.startsWith('出席人数'))]?.textContent?.trim();
    });
    expect(attendees).toMatch(/^9(人)?$/);
    await screenshot(page, 'excel-import-mapped');

    await dialog.getByTestId('import-commit').filter({ hasText: '导入3条' }).click();
    await meetings.waitTotal(3);
    const list = await api<{ rows: { data: Record<string, unknown> }[] }>(app.harness.ctx, 'records.list', {
      kind: 'meeting',
      year: Y,
      sortBy: 'date',
      sortDir: 'asc',
    });
    expect(list.rows.map((r) => [r.data.date, r.data.attendees])).toEqual([
      [`${Y}-01-09`, 9],
      [`${Y}-02-14`, 11],
      [`${Y}-04-02`, 15],
    ]);
    expect(app.pageErrors).toEqual([]);
  });

  it('exports the page as filtered by its search', async () => {
    const { page } = app;
    await meetings.search('党委');
    await meetings.waitTotal(2);
    await page.getByTestId('excel-menu').click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: '导出Excel（按当前筛选）' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe(`双土镇${Y}年度会议台账（筛选）.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await d.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const titles = ws
      .getColumn((ws.getRow(1).values as unknown[]).indexOf('会议名称'))
      .values.slice(2)
      .filter((v) => typeof v === 'string' && !v.startsWith('合计'));
    expect(titles.sort()).toEqual(['第1次党委会议', '第2次党委会议']);
    expect(app.pageErrors).toEqual([]);
  });

  it('offers the whole-ledger doors on the 导入导出 page', async () => {
    const { page } = app;
    await page.getByRole('link', { name: '导入导出' }).click();
    await page.getByRole('heading', { name: '导入导出', exact: true }).waitFor();
    await screenshot(page, 'excel-data-page');
    const download = page.waitForEvent('download');
    await page.getByTestId('data-export-year').click();
    expect((await download).suggestedFilename()).toBe(`双土镇${Y}年度法治台账.xlsx`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('data-import-excel').click();
    await page.getByTestId('import-dialog').waitFor();
    await screenshot(page, 'excel-import-empty-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(app.pageErrors).toEqual([]);
  });
});
