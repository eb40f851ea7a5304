/**
 * Reads a workbook's sheets into plain rows of cell values with exceljs (no xlsx parsing of our
 * own), after ./unzip.ts has kept only the parts it needs within their size limits. Hidden sheets,
 * rows and columns are passed over and listed (the preview says so). Formulas become their cached
 * result, rich text its text, hyperlinks their text, errors blank; dates stay Dates; the xlsx
 * escapes `_xHHHH_` are decoded. Rows keep the number Excel shows.
 */
import { loadExcelJs } from './exceljs';
import { LedgerError } from '@rules/errors';
import type { CellValue } from './parse';
import { MAX_WORKBOOK_BYTES } from '@rules/upload';
import { slimWorkbook } from './unzip';

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  n: number;
  /** 0-based by column (A = 0); holes are null. */
  cells: CellValue[];
}

export interface SheetData {
  name: string;
  rows: SheetRow[];
  /** A hidden sheet: its rows are not read. */
  hidden?: boolean;
  /** Hidden rows (as Excel numbers them) and columns (letters) left out of `rows`. */
  hiddenRows?: number[];
  hiddenCols?: string[];
}

/** Excel's own limit on one cell's text; a longer text was not written by Excel or WPS. */
const MAX_CELL_CHARS = 32_767;

/** OOXML writes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
const decodeEscapes = (s: string) =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;

function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return decodeEscapes(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return decodeEscapes((o.richText as { text?: unknown }[]).map((r) => String(r?.text ?? '')).join(''));
    if ('result' in o) return cellValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('text' in o) return cellValue(o.text);
    if ('error' in o) return null;
  }
  return null;
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;
/** An OLE compound file: an old .xls, or an .xlsx with an open password (Excel encrypts it into one). */
const isCompound = (b: Uint8Array) => b.length > 8 && Buffer.from(b.subarray(0, 8)).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'));
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const NOT_XLSX = '不是Excel工作簿（.xlsx）。如果是旧版.xls或WPS的.et文件，请先在Excel或WPS中“另存为”.xlsx再导入';
const ENCRYPTED = '工作簿设有打开密码（已加密），无法读取。请在Excel或WPS中取消密码，另存为.xlsx后再导入';

/** Every sheet of the workbook, in workbook order. Throws BAD_FILE for anything that is not xlsx. */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetData[]> {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw new LedgerError('VALIDATION', `工作簿不能超过30 MB（此文件约${(bytes.length / 1024 / 1024).toFixed(1)} MB），请拆分后再导入`);
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isCompound(buf)) throw new LedgerError('BAD_FILE', buf.includes(ENCRYPTED_PACKAGE) ? ENCRYPTED : NOT_XLSX);
  if (!isZip(buf)) throw new LedgerError('BAD_FILE', NOT_XLSX);
  const slim = await slimWorkbook(buf);
  const sheets: SheetData[] = [];
  const wb = new (await loadExcelJs()).Workbook();
  try {
    // The whole-workbook reader, not the streaming one: exceljs's stream reader loses sheet
    // names (and fails) when a workbook's parts come in an order it does not expect, and a year's
    // 台账 is a few MB at most (larger parts never get here, ./unzip.ts).
    await wb.xlsx.load(
      slim as unknown as ArrayBuffer,
      { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture', 'extLst'] } as never,
    );
  } catch {
    // exceljs's and the XML parser's own words are English internals: the clerk gets what to do.
    throw new LedgerError('BAD_FILE', '工作簿内容不符合.xlsx格式，可能已损坏，无法读取。请在Excel或WPS中打开后另存为.xlsx再导入');
  }
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') {
      sheets.push({ name: ws.name, rows: [], hidden: true });
      continue;
    }
    const sheet: SheetData = { name: ws.name, rows: [], hiddenRows: [], hiddenCols: [] };
    const hiddenCol = new Set<number>();
    for (let i = 1; i <= ws.columnCount; i++) if (ws.getColumn(i).hidden) hiddenCol.add(i);
    sheet.hiddenCols = [...hiddenCol].map((i) => columnLetter(i - 1));
    ws.eachRow((row, n) => {
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      let any = false;
      for (let i = 1; i < values.length; i++) {
        const c = hiddenCol.has(i) ? null : cellValue(values[i]);
        if (typeof c === 'string' && c.length > MAX_CELL_CHARS) {
          throw new LedgerError(
            'BAD_FILE',
            `工作表「${ws.name}」第${n}行 ${columnLetter(i - 1)}列的文字长达${c.length}个字符，超过Excel单元格的上限${MAX_CELL_CHARS}个字符，文件可能已损坏或被改动过，未导入`,
          );
        }
        cells.push(c);
        if (c !== null) any = true;
      }
      if (!any) return;
      if (row.hidden) sheet.hiddenRows!.push(n);
      else sheet.rows.push({ n, cells });
    });
    sheets.push(sheet);
  }
  if (!sheets.some((s) => !s.hidden && !NOT_DATA_SHEETS.has(s.name.trim()))) {
    const hidden = sheets.filter((s) => s.hidden).map((s) => `「${s.name}」`);
    throw new LedgerError(
      'VALIDATION',
      `工作簿中没有可导入的工作表${hidden.length ? `：${hidden.join('、')}是隐藏的（隐藏的工作表不导入，如需导入请在Excel中取消隐藏）` : '（只有说明或汇总页）'}，未导入`,
    );
  }
  return sheets;
}

/** Sheets the app writes around the data (the template's 说明, the export's 汇总) are never data. */
export const NOT_DATA_SHEETS: ReadonlySet<string> = new Set(['说明', '汇总', '填表说明', '目录']);

/** A (0-based) column index as Excel's letters: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
