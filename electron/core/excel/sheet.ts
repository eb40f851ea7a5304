/**
 * How a kind becomes worksheet columns, shared by the templates and the exports: headers in the
 * form's order (required ones marked *, units in brackets), widths that fit Chinese, date and
 * number formats, drop-down lists for enumerated and 是/否 fields, and each value as a cell.
 */
import type ExcelJS from 'exceljs';
import type { FieldDef, KindDef, RecordData } from '@rules/kinds';
import { spreadsheetText } from '@rules/spreadsheet-text';
import { registerCell } from '@rules/kinds/register';

/** Display width in Excel's units: a CJK character takes two. */
export function textWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) <= 0xff ? 1 : 2;
  return n;
}

export function headerOf(f: FieldDef, markRequired: boolean): string {
  const unit = f.unit && (f.type === 'int' || f.type === 'money') ? `（${f.unit}）` : '';
  return `${markRequired && f.required ? '*' : ''}${f.label}${unit}`;
}

const TYPE_WIDTH: Record<FieldDef['type'], number> = {
  text: 24,
  textarea: 36,
  date: 12,
  int: 10,
  money: 12,
  enum: 16,
  bool: 8,
  village: 12,
  tags: 24,
};

export function widthOf(f: FieldDef, header: string): number {
  const byOptions = f.options ? Math.max(...f.options.map(textWidth)) + 2 : 0;
  const byMax = f.type === 'text' && f.max && f.max <= 20 ? textWidth('字'.repeat(Math.min(f.max, 10))) : TYPE_WIDTH[f.type];
  return Math.min(50, Math.max(textWidth(header) + 3, byOptions, byMax));
}

const NUM_FMT: Partial<Record<FieldDef['type'], string>> = { date: 'yyyy-mm-dd', int: '0', money: '#,##0.00' };

/** The drop-down's values: 是/否, a field's options, or the 村（社区） of the ledger's 设置. */
export function listValues(f: FieldDef, villages: readonly string[] = []): readonly string[] | undefined {
  if (f.type === 'bool') return ['是', '否'];
  if (f.type === 'enum') return f.options ?? [];
  if (f.type === 'village' && villages.length) return villages;
  return undefined;
}

/** A list validation fits inline when its text is under Excel's 255-character limit. */
export function listValidation(f: FieldDef, villages: readonly string[] = []): ExcelJS.DataValidation | undefined {
  const values = listValues(f, villages);
  if (!values) return undefined;
  const list = values.map((v) => v.replace(/"/g, '""')).join(',');
  if (list.length > 250) return undefined;
  return {
    type: 'list',
    allowBlank: !f.required,
    formulae: [`"${list}"`],
    showErrorMessage: f.type === 'bool',
    errorTitle: f.label,
    error: f.type === 'bool' ? '请填“是”或“否”' : '请从下拉列表中选择',
  };
}

/** One stored value as a cell: dates as real dates (serial), 是/否, lists joined with 、, text made safe. */
function cellOf(f: FieldDef, v: unknown): ExcelJS.CellValue {
  if ((v === undefined || v === null) && f.type !== 'bool') return null;
  switch (f.type) {
    case 'date':
      return typeof v === 'string' ? new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10)))) : null;
    case 'int':
    case 'money':
      return typeof v === 'number' ? v : null;
    case 'bool':
      // One way for every row (a blank reads as 否, as every figure counts it).
      return registerCell(f, v);
    case 'tags':
      return Array.isArray(v) ? spreadsheetText(v.join('、')) : null;
    default:
      return spreadsheetText(String(v));
  }
}

export const rowOf = (fields: readonly FieldDef[], data: RecordData): ExcelJS.CellValue[] => fields.map((f) => cellOf(f, data[f.key]));

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
export const THIN: ExcelJS.Borders = {
  top: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  left: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  right: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  diagonal: {},
};

/** Sets up columns (width, format) and writes the header row, frozen. */
export function writeHeader(ws: ExcelJS.Worksheet, fields: readonly FieldDef[], markRequired: boolean): void {
  const headers = fields.map((f) => headerOf(f, markRequired));
  ws.columns = fields.map((f, i) => ({
    key: f.key,
    width: widthOf(f, headers[i]),
    style: NUM_FMT[f.type] ? { numFmt: NUM_FMT[f.type] } : {},
  }));
  ws.getRow(1).values = headers;
  styleHeaderRow(ws, (col) => markRequired && fields[col - 1].required === true);
}

/**
 * The one header-row look of every sheet the app writes: bold (red where `required` says so),
 * filled, bordered, centred and wrapped, 22 points high, frozen above the data.
 */
export function styleHeaderRow(ws: ExcelJS.Worksheet, required: (col: number) => boolean = () => false): void {
  const row = ws.getRow(1);
  row.height = HEADER_MIN_HEIGHT;
  row.eachCell((c, i) => (c.style = headerStyle(required(i))));
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** The header row's least height (pt); an export's header grows when its labels wrap. */
export const HEADER_MIN_HEIGHT = 22;

/** A header cell's style (a new object: exceljs keeps a cell's style by reference). */
export const headerStyle = (required = false): Partial<ExcelJS.Style> => ({
  font: { bold: true, color: required ? { argb: 'FFC00000' } : undefined },
  fill: HEADER_FILL,
  border: THIN,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
});

/** A template's columns: the fields a clerk types (the app's managed ones left out). */
export const sheetFields = (kind: KindDef) => kind.fields.filter((f) => !f.managed);
