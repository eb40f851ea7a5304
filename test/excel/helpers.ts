/** Builds workbooks the way clerks' own sheets look, with exceljs, for the Excel import tests. */
import ExcelJS from 'exceljs';

export type Cell = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  /** Rows from row 1; null leaves a row blank. */
  rows: (Cell[] | null)[];
  merges?: string[];
}

export async function workbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      if (r) ws.getRow(i + 1).values = r;
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a workbook back with exceljs (not our reader), for checking what export and template wrote. */
export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A problem as the test names it: sheet, row, column letter and message (substring). */
export const at = (sheet: string, row: number, col: string) => ({ sheet, row, col });
