/**
 * 下载未导入的行: the rows an import refused, as a workbook the clerk can fix in Excel and import
 * again. One sheet per sheet that had refused rows, named by its kind (so it is recognised again),
 * with the kind's own headers for every column that was read, every field filled for all rows and
 * every required field, the cells as the clerk typed them (with accepted suggestions), and a last
 * column 问题 saying what was wrong. That column names no field, so a re-import passes it over.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs';
import type { Db } from '../db/open';
import type { FieldDef } from '@rules/kinds';
import { ledgerKind } from '../ledger/kinds';
import { spreadsheetText } from '@rules/spreadsheet-text';
import { buildPreview, cellReader, type ImportOptions } from './preview';
import type { CellValue } from './parse';
import type { SheetData } from './read';
import { styleHeaderRow, writeHeader } from './sheet';

const PROBLEM_HEADER = '问题';

/** A cell as read back into a cell to write: dates stay dates, numbers numbers, text made safe. */
function asCell(v: CellValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return spreadsheetText(v);
}

export async function refusedWorkbook(db: Db, sheets: SheetData[], opts: ImportOptions = {}): Promise<{ bytes: Buffer; records: number }> {
  const preview = buildPreview(db, sheets, opts);
  const wb = new (await loadExcelJs()).Workbook();
  const names = new Set<string>();
  let records = 0;
  for (const s of preview.sheets) {
    const kind = s.kind ? ledgerKind(db, s.kind) : undefined;
    const refused = s.rows.filter((r) => !r.ok);
    if (!kind || !refused.length) continue;
    const sheet = sheets.find((x) => x.name === s.sheet)!;
    const read = cellReader(opts, s.sheet);
    const columnOf = new Map(s.columns.map((c, index) => [c.field, { col: c.col, index }]));
    const labelOf = new Map(s.columns.filter((c) => c.field).map((c) => [c.col, kind.fields.find((f) => f.key === c.field)?.label]));
    const fields: FieldDef[] = kind.fields.filter((f) => !f.managed && (columnOf.has(f.key) || f.key in s.values || f.required));
    let name = kind.label;
    for (let i = 2; names.has(name); i++) name = `${kind.label}（${i}）`;
    names.add(name);
    const ws = wb.addWorksheet(name);
    writeHeader(ws, fields, true);
    const problemCol = fields.length + 1;
    ws.getRow(1).getCell(problemCol).value = PROBLEM_HEADER;
    ws.getColumn(problemCol).width = 60;
    styleHeaderRow(ws, (col) => col <= fields.length && fields[col - 1].required === true);
    const sheetErrors = s.problems.filter((p) => p.level === 'error' && p.row === s.headerRow && !p.col);
    for (const r of refused) {
      const row = sheet.rows.find((x) => x.n === r.row)!;
      const values = fields.map((f) => {
        const at = columnOf.get(f.key);
        return asCell(at ? read(row, at) : s.values[f.key]);
      });
      const problems = [...sheetErrors, ...s.problems.filter((p) => p.level === 'error' && p.row === r.row)];
      // Named by the field, as this workbook's headers are (the clerk's sheet may have called it otherwise).
      const named = (p: (typeof problems)[number]) => labelOf.get(p.col) ?? p.header;
      const said = problems.map((p) => `${named(p) ? `${named(p)}：` : ''}${p.message}`).join('；');
      ws.addRow([...values, spreadsheetText(`原第${r.row}行 ${said}`)]).getCell(problemCol).alignment = { wrapText: true };
      records++;
    }
  }
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), records };
}
