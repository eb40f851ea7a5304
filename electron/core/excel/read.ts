/**
 * Reads a workbook's sheets into plain rows of cell values with exceljs (no xlsx parsing of our
 * own). Hidden sheets are passed over. Formulas become their cached result, rich text its text, hyperlinks
 * their text, errors blank; dates stay Dates. Rows keep the number Excel shows.
 */
import ExcelJS from 'exceljs';
import { LedgerError } from '@rules/errors';
import type { CellValue } from './parse';
import { MAX_WORKBOOK_BYTES } from '@rules/upload';

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  n: number;
  /** 0-based by column (A = 0); holes are null. */
  cells: CellValue[];
}

export interface SheetData {
  name: string;
  rows: SheetRow[];
}

function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('text' in o) return cellValue(o.text);
    if ('error' in o) return null;
  }
  return null;
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;

/** Every sheet of the workbook, in workbook order. Throws BAD_FILE for anything that is not xlsx. */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetData[]> {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw new LedgerError('VALIDATION', `工作簿不能超过30 MB（此文件约${(bytes.length / 1024 / 1024).toFixed(1)} MB），请拆分后再导入`);
  }
  if (!isZip(bytes)) {
    throw new LedgerError('BAD_FILE', '不是Excel工作簿（.xlsx）。如果是旧版.xls或WPS的.et文件，请先在Excel或WPS中“另存为”.xlsx再导入');
  }
  const sheets: SheetData[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    // The whole-workbook reader, not the streaming one: exceljs's stream reader loses sheet
    // names (and fails) when a workbook's parts come in an order it does not expect, and a year's
    // 台账 is a few MB at most.
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
      { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture', 'extLst'] } as never,
    );
  } catch (err) {
    throw new LedgerError('BAD_FILE', `工作簿无法读取，可能已损坏或不是.xlsx文件（${(err as Error).message}）`);
  }
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const sheet: SheetData = { name: ws.name, rows: [] };
    ws.eachRow((row, n) => {
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      let any = false;
      for (let i = 1; i < values.length; i++) {
        const c = cellValue(values[i]);
        cells.push(c);
        if (c !== null) any = true;
      }
      if (any) sheet.rows.push({ n, cells });
    });
    sheets.push(sheet);
  }
  return sheets;
}

/** A (0-based) column index as Excel's letters: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
