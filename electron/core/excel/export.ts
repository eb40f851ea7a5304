/**
 * Hands the ledger out as a workbook: a year (one sheet per kind with records, plus a 汇总 sheet
 * of the year's figures as the report writes them) or one kind's page with its filters and
 * search. Printed, each sheet is A4 landscape with the header row on every page, 单位 and 年度
 * in the page header and page numbers in the footer.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../db/open';
import { KINDS, type KindDef } from '@rules/kinds';
import { spreadsheetText } from '@rules/spreadsheet-text';
import { getSettings } from '../ledger/settings';
import { listAllRecords, type ListQuery } from '../ledger/query';
import type { LedgerRecord } from '../ledger/records';
import { computeAll } from '../figures/compute';
import { columnLetter } from './read';
import { THIN, rowOf, sheetFields, styleHeaderRow, textWidth, writeHeader } from './sheet';

const MAX_WIDTH = 40;

/** '&' starts a code in Excel's header/footer text. */
const hf = (s: string) => s.replace(/&/g, '&&');

function printSetup(ws: ExcelJS.Worksheet, town: string, year: number, title: string): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    // Printed grid lines instead of a border on each of (up to) hundreds of thousands of cells.
    showGridLines: true,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: `&L单位：${hf(town || '（未设置单位）')}&C&"-,Bold"${hf(title)}&R年度：${year}`,
    oddFooter: '&C第 &P 页，共 &N 页',
  };
}

function addKindSheet(wb: ExcelJS.Workbook, kind: KindDef, records: LedgerRecord[], town: string, year: number, name = kind.label): void {
  const fields = sheetFields(kind, true);
  const ws = wb.addWorksheet(name);
  writeHeader(ws, fields, false);
  const widths = fields.map((f, i) => (f.type === 'date' ? 12 : Math.max(6, textWidth(String(ws.getRow(1).getCell(i + 1).value)) + 2)));
  for (const r of records) {
    const values = rowOf(fields, r.data);
    values.forEach((v, i) => {
      if (typeof v === 'string') widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, textWidth(v) + 2));
    });
    ws.addRow(values);
  }
  // Columns as wide as what they hold (long texts wrap), so the printed page is not mostly blanks.
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    if (w >= MAX_WIDTH) col.alignment = { wrapText: true, vertical: 'top' };
  });
  // Totals of the numeric columns, as formulas with their values (shown even before a recalculation).
  const numeric = fields.map((f, i) => ({ f, i })).filter(({ f }) => f.type === 'int' || f.type === 'money');
  if (numeric.length && records.length) {
    const last = records.length + 1;
    const totals: ExcelJS.CellValue[] = fields.map(() => null);
    totals[0] = `合计（${records.length}条）`;
    for (const { f, i } of numeric) {
      if (i === 0) continue;
      const sum = records.reduce((n, r) => n + (typeof r.data[f.key] === 'number' ? (r.data[f.key] as number) : 0), 0);
      const col = columnLetter(i);
      totals[i] = { formula: `SUM(${col}2:${col}${last})`, result: f.type === 'money' ? Math.round(sum * 100) / 100 : sum };
    }
    const row = ws.addRow(totals);
    row.font = { bold: true };
    row.eachCell({ includeEmpty: true }, (c) => (c.border = { ...THIN, top: { style: 'medium' } }));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: fields.length } };
  printSetup(ws, town, year, `${year}年度${kind.label}台账`);
}

function addSummary(wb: ExcelJS.Workbook, db: Db, year: number, town: string): void {
  const ws = wb.addWorksheet('汇总');
  ws.columns = [
    { header: '指标', width: 40 },
    { header: '数值', width: 12 },
    { header: '单位', width: 8 },
    { header: '报告中的写法', width: 30 },
    { header: '依据记录数', width: 12 },
  ];
  styleHeaderRow(ws);
  for (const f of computeAll(db, year)) {
    ws.addRow([
      spreadsheetText(f.name),
      f.ok ? f.value : null,
      f.unit,
      spreadsheetText(f.ok ? f.display : (f.problem ?? '')),
      f.recordCount,
    ]);
  }
  printSetup(ws, town, year, `${year}年度法治台账汇总`);
}

/** Fast deflate: a year's workbook compresses well at level 1, and the default level costs seconds. */
async function toBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as never));
}

const newWorkbook = () => {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治台账';
  return wb;
};

/** The year's workbook: 汇总 first, then a sheet per kind that has records, in the menu's order. */
export async function exportYearWorkbook(db: Db, year: number): Promise<{ bytes: Buffer; fileName: string; records: number }> {
  const { town } = getSettings(db);
  const wb = newWorkbook();
  addSummary(wb, db, year, town);
  let n = 0;
  for (const kind of KINDS) {
    const records = listAllRecords(db, { kind: kind.id, year, sortBy: 'date', sortDir: 'asc' });
    if (!records.length) continue;
    n += records.length;
    addKindSheet(wb, kind, records, town, year);
  }
  return { bytes: await toBytes(wb), fileName: `${town}${year}年度法治台账.xlsx`, records: n };
}

/** One kind's records as its page shows them (filters, search, sort), on one sheet. */
export async function exportKindWorkbook(
  db: Db,
  q: Omit<ListQuery, 'page' | 'pageSize'>,
): Promise<{ bytes: Buffer; fileName: string; records: number }> {
  const kind = KINDS.find((k) => k.id === q.kind)!;
  const { town } = getSettings(db);
  const records = listAllRecords(db, q);
  const wb = newWorkbook();
  addKindSheet(wb, kind, records, town, q.year);
  const filtered = Object.keys(q.filters ?? {}).length || q.search?.trim() ? '（筛选）' : '';
  return { bytes: await toBytes(wb), fileName: `${town}${q.year}年度${kind.label}台账${filtered}.xlsx`, records: records.length };
}
