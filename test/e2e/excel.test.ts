/**
 * Excel in the real UI (built renderer + loopback harness + Chromium): on the 会议 page the clerk
 * imports a workbook through the preview, changing one column's mapping the app could not guess,
 * sees the problems by row and column, imports, and then exports the page filtered by a search —
 * the downloaded workbook holds exactly the filtered records.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { api } from '../support/call';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';

const Y = new Date().getFullYear();

/** A 党委会议 sheet as a township keeps it: a merged title, a 填报 line, unknown headers, no 会议类型, a row of last year, a bad date. */
async function partyMeetings(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党委会议');
  ws.addRow([`双土镇${Y}年党委会议记录`]);
  ws.mergeCells('A1:C1');
  ws.addRow(['填报单位：双土镇党政办', '', '填报人：王某']);
  ws.addRow(['开会时间', '议题名称', '到会人数']);
  ws.addRow([`${Y}-01-09`, '党委会议（第1次）', 9]);
  ws.addRow([`${Y - 1}-12-28`, '年终党委会议', 8]);
  ws.addRow([`${Y}-02-30`, '党委会议（第2次）', 11]);
  ws.addRow([`${Y}-03-03`, '党委会议（第3次）', 10]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The kind page's Excel menu → 导入Excel…, the workbook picked: the dialog. */
async function openImport(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('excel-menu').click();
  await page.getByRole('menuitem', { name: '导入Excel…' }).click();
  const dialog = page.getByTestId('import-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('import-pick').click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  return dialog;
}

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
    const dialog = await openImport(page, '会议台账.xlsx', await clerkWorkbook());

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
    // A row was refused: the dialog stays, offering it as a workbook, until the clerk closes it.
    expect(await dialog.getByTestId('import-result').innerText()).toContain('已导入3条记录，1行有错误未导入');
    await dialog.getByRole('button', { name: '关闭', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
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

  it('picks the header row, fills 会议类型 for every row, ticks a row of last year, and downloads the refused row', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });
    await new AppShell(page).openKind('会议');
    const dialog = await openImport(page, '党委会议.xlsx', await partyMeetings());

    // The 填报 line was taken for the headers: every data row is counted, none imported.
    const headerRow = dialog.getByTestId('sheet-header-row');
    await dialog.getByTestId('sheet-tally').filter({ hasText: '共7行' }).waitFor();
    expect(await headerRow.inputValue()).toBe('第2行：填报单位：双土镇党政办｜填报人：王某');
    expect(await dialog.getByTestId('sheet-tally').innerText()).toContain('标题和表头2行，数据5行（可导入0行，有错误5行）');
    await headerRow.click();
    await page.getByRole('option', { name: '第3行：开会时间｜议题名称｜到会人数' }).click();
    await dialog.getByTestId('map-A').waitFor();
    for (const [col, field] of [
      ['A', '会议日期 *'],
      ['B', '会议名称 *'],
      ['C', '出席人数'],
    ]) {
      await dialog.getByTestId(`map-${col}`).click();
      await page.getByRole('option', { name: field, exact: true }).click();
      await expect.poll(() => dialog.getByTestId(`map-${col}`).inputValue()).toBe(field);
    }
    // The sheet has no 会议类型 column: 党委会议 for every row.
    await dialog.getByTestId('same-missing-meetingType').waitFor();
    await screenshot(page, 'excel-import-missing-1366');
    await dialog.getByTestId('same-value-meetingType').click();
    await page.getByRole('option', { name: '党委会议', exact: true }).click();
    await dialog.getByTestId('same-values').filter({ hasText: '所有行的“会议类型”填为 党委会议' }).waitFor();
    const tally = dialog.getByTestId('sheet-tally');
    await tally.filter({ hasText: '可导入2行' }).waitFor();
    expect(await tally.innerText()).toContain(`共7行：标题和表头3行，数据4行（可导入2行，有错误1行，不在${Y}年度1行），空行0行，合计行0行`);
    expect(await dialog.getByTestId('import-problems').innerText()).toMatch(/党委会议\s+6\s+A\s+开会时间\s+日期不存在/);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'excel-import-choices-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'excel-import-choices-1366');

    // Last year's row is not imported unless ticked.
    const commit = dialog.getByTestId('import-commit');
    expect(await commit.innerText()).toBe('导入2条');
    await dialog
      .getByTestId('import-other-years')
      .getByLabel(`第5行：${Y - 1}-12-28 年终党委会议 → 记入${Y - 1}年度`)
      .check();
    await commit.filter({ hasText: '导入3条' }).click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('已导入3条记录，1行有错误未导入');
    await screenshot(page, 'excel-import-result');
    const download = page.waitForEvent('download');
    await dialog.getByTestId('import-download-refused').click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('党委会议（未导入的行）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await d.path()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('会议')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header[header.length - 1]).toBe('问题');
    expect(String(ws.getRow(2).getCell(header.length).value)).toContain('原第6行 会议日期：日期不存在');

    const titles = async (year: number) =>
      (await api<{ rows: { data: Record<string, unknown> }[] }>(app.harness.ctx, 'records.list', { kind: 'meeting', year })).rows
        .map((r) => `${String(r.data.title)}/${String(r.data.meetingType)}`)
        .sort();
    expect(await titles(Y - 1)).toEqual(['年终党委会议/党委会议']);
    expect((await titles(Y)).filter((t) => t.startsWith('党委会议（'))).toEqual([
      '党委会议（第1次）/党委会议',
      '党委会议（第3次）/党委会议',
    ]);
    expect(app.pageErrors).toEqual([]);
  });
});
