/**
 * Hands the ledger out as a workbook an inspector can print: a year (a 汇总 sheet of the year's
 * figures as the report writes them, then one sheet per kind with records) or one kind's page
 * with its filters and search.
 *
 * A kind's sheet prints 序号 and the register's columns (@rules/kinds/register), wrapped, each row
 * as high as its text (print-fit.ts), on A4 landscape: one page wide when the text stays ≥ 9 pt,
 * else at full size over several pages across with the header row and 序号 repeated. The kind's
 * other fields follow outside the print area, so the workbook still imports back whole.
 *
 * Written with exceljs's streaming WorkbookWriter: rows go out as they are made, so a year of tens
 * of thousands of records never sits in memory as a workbook.
 */
import { PassThrough, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs';
import type { Db } from '../db/open';
import { KINDS, type FieldDef, type KindDef } from '@rules/kinds';
import { isTotalled, resolveRegisterColumns } from '@rules/kinds/register';
import { spreadsheetText } from '@rules/spreadsheet-text';
import type { FigureResult } from '@rules/api/report';
import { getSettings } from '../ledger/settings';
import { listAllRecords, yearStats, type ListQuery } from '../ledger/query';
import type { LedgerRecord } from '../ledger/records';
import { computeAll } from '../figures/compute';
import { writeStreamAtomic } from '../fs/atomic';
import { columnLetter } from './read';
import { HEADER_MIN_HEIGHT, THIN, headerOf, headerStyle, rowOf, textWidth } from './sheet';
import { FONT_PT, MARGIN_IN, planWidths, rowHeight, type ColumnWidth } from './print-fit';

/** A wrapping column's widest (longer text wraps) and the least it is narrowed to when the page is tight. */
const WRAP_MAX = 40;
const WRAP_LEAST = 10;
const WIDE_LEAST = 16;

type Align = 'left' | 'center' | 'right';

/** One column of a sheet: its heading, width, look, and how a row's value reads (for widths and heights). */
interface Column {
  header: string;
  width: ColumnWidth;
  align: Align;
  numFmt?: string;
}

const NUM_FMT: Partial<Record<FieldDef['type'], string>> = { date: 'yyyy-mm-dd', int: '#,##0', money: '#,##0.00' };

/** How a cell value reads on paper, for its width and the lines it wraps to. */
function shownText(v: ExcelJS.CellValue, f?: FieldDef): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '0000-00-00';
  if (typeof v === 'number') return f?.type === 'money' ? v.toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ',') : v.toLocaleString('en-US');
  return String(v);
}

/** The width that holds `units` of text on one line in Excel's narrower columns (and so in LibreOffice's). */
const fitting = (units: number) => Math.ceil(units * 1.1) + 1;

const wraps = (f: FieldDef) => f.type === 'text' || f.type === 'textarea' || f.type === 'tags' || f.type === 'enum' || f.type === 'village';

function fieldColumn(kind: KindDef, f: FieldDef, texts: readonly string[]): Column {
  const header = headerOf(f, false);
  // A header up to 9 characters stays on one line; a longer one wraps within its label's first 6.
  const head = textWidth(header) <= 18 ? fitting(textWidth(header)) : Math.min(fitting(textWidth(f.label)), 14);
  const longest = fitting(texts.reduce((n, t) => Math.max(n, textWidth(t)), 0));
  if (!wraps(f)) {
    // Dates, numbers and 是/否 never wrap; only their header may, when the page is tight.
    const own = Math.max(f.type === 'date' ? 12 : longest, 6);
    const align: Align = f.type === 'int' || f.type === 'money' ? 'right' : 'center';
    return { header, width: { natural: Math.max(head, own), least: Math.max(own, 8) }, align, numFmt: NUM_FMT[f.type] };
  }
  const natural = Math.max(head, Math.min(WRAP_MAX, longest), 8);
  const least = f.type === 'textarea' || f.key === kind.titleField ? WIDE_LEAST : WRAP_LEAST;
  return { header, width: { natural, least }, align: 'left' };
}

function serialColumn(count: number): Column {
  const natural = Math.max(6, String(count).length + 3);
  return { header: '序号', width: { natural, least: natural }, align: 'center' };
}

const pageMargins = { ...MARGIN_IN };

/** '&' starts a code in Excel's header/footer text. */
const hf = (s: string) => s.replace(/&/g, '&&');

interface SheetPlan {
  name: string;
  title: string;
  columns: Column[];
  /** Columns printed (from the left); the rest are outside the print area. */
  printed: number;
  /** Data rows (after the header), and whether a 合计 row follows them. */
  rows: number;
  totals: boolean;
}

/**
 * Opens a sheet with its print set-up. The streaming writer puts views, widths and page set-up at
 * the top of the sheet's XML, so all of it is decided before the first row.
 */
function openSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  plan: SheetPlan,
  town: string,
  year: number,
): { ws: ExcelJS.Worksheet; widths: number[] } {
  const { widths, fits } = planWidths(plan.columns.slice(0, plan.printed).map((c) => c.width));
  const allWidths = [...widths, ...plan.columns.slice(plan.printed).map((c) => c.width.natural)];
  const lastRow = plan.rows + 1 + (plan.totals ? 1 : 0);
  const ws = wb.addWorksheet(plan.name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      // One page wide when the text stays ≥ 9 pt (planWidths), else full size over pages across.
      fitToPage: fits,
      fitToWidth: 1,
      fitToHeight: 0,
      scale: 100,
      pageOrder: fits ? 'downThenOver' : 'overThenDown',
      // Absolute rows too: LibreOffice ignores a print area written as $A1:$I37.
      printArea: `A$1:${columnLetter(plan.printed - 1)}$${lastRow}`,
      printTitlesRow: '1:1',
      printTitlesColumn: fits ? undefined : 'A:A',
      margins: pageMargins,
    },
    headerFooter: {
      oddHeader: `&L&${FONT_PT}单位：${hf(town || '（未设置单位）')}&C&${FONT_PT + 1}&"-,Bold"${hf(plan.title)}&R&${FONT_PT}年度：${year}`,
      oddFooter: `&C&${FONT_PT}第 &P 页，共 &N 页`,
    },
  } as Partial<ExcelJS.AddWorksheetOptions>) as unknown as ExcelJS.Worksheet;
  ws.columns = allWidths.map((width) => ({ width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: plan.columns.length } };
  const header = ws.getRow(1);
  header.values = plan.columns.map((c) => c.header);
  header.height = rowHeight(
    plan.columns.map((c) => c.header),
    allWidths,
    HEADER_MIN_HEIGHT,
  );
  const style = headerStyle();
  header.eachCell((c) => (c.style = style));
  header.commit();
  return { ws, widths: allWidths };
}

/** The data cells' looks, one object per column: exceljs finds a style it has seen by reference. */
const cellStyles = (columns: readonly Column[]): Partial<ExcelJS.Style>[] =>
  columns.map((c) => ({
    border: THIN,
    alignment: { vertical: 'middle', horizontal: c.align, wrapText: true },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  }));

const ROW_STYLE: Partial<ExcelJS.Style> = {};

function writeRow(
  ws: ExcelJS.Worksheet,
  values: ExcelJS.CellValue[],
  texts: string[],
  widths: number[],
  styles: Partial<ExcelJS.Style>[],
): void {
  const row = ws.addRow(values);
  // A shared (empty) row style: exceljs looks a style up by reference, and a fresh {} per row costs a lookup each.
  (row as unknown as { style: Partial<ExcelJS.Style> }).style = ROW_STYLE;
  row.height = rowHeight(texts, widths);
  for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
  row.commit();
}

/** A kind's sheet: 序号 and the register's columns printed, the other fields after them. */
function addKindSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  kind: KindDef,
  records: LedgerRecord[],
  town: string,
  year: number,
  chosen?: readonly string[],
): void {
  const printedFields = resolveRegisterColumns(kind, chosen);
  const fields = [...printedFields, ...kind.fields.filter((f) => !printedFields.includes(f))];
  const values = records.map((r) => rowOf(fields, r.data));
  const texts = values.map((row) => row.map((v, i) => shownText(v, fields[i])));
  const columns = [
    serialColumn(records.length),
    ...fields.map((f, i) =>
      fieldColumn(
        kind,
        f,
        texts.map((t) => t[i]),
      ),
    ),
  ];
  const numeric = fields.map((f, i) => ({ f, i })).filter(({ f }) => isTotalled(f));
  const totals = numeric.length > 0 && records.length > 0;
  const { ws, widths } = openSheet(
    wb,
    { name: kind.label, title: `${year}年度${kind.label}台账`, columns, printed: printedFields.length + 1, rows: records.length, totals },
    town,
    year,
  );
  const styles = cellStyles(columns);
  values.forEach((row, n) => writeRow(ws, [n + 1, ...row], [String(n + 1), ...texts[n]], widths, styles));
  // Totals of the numeric columns, as formulas with their values (shown even before a recalculation).
  if (totals) {
    const last = records.length + 1;
    const cells: ExcelJS.CellValue[] = columns.map(() => null);
    // 合计 in the 序号 column, the count beside it: each fits its cell.
    cells[0] = '合计';
    cells[1] = `${records.length}条`;
    for (const { f, i } of numeric) {
      const sum = records.reduce((n, r) => n + (typeof r.data[f.key] === 'number' ? (r.data[f.key] as number) : 0), 0);
      const col = columnLetter(i + 1);
      cells[i + 1] = { formula: `SUM(${col}2:${col}${last})`, result: f.type === 'money' ? Math.round(sum * 100) / 100 : sum };
    }
    const row = ws.addRow(cells);
    row.height = rowHeight([], widths);
    columns.forEach((c, i) => {
      row.getCell(i + 1).style = {
        font: { bold: true },
        border: { ...THIN, top: { style: 'medium' } },
        alignment: { vertical: 'middle', horizontal: i < 2 ? 'center' : c.align },
        ...(c.numFmt && i > 1 ? { numFmt: c.numFmt } : {}),
      };
    });
    row.commit();
  }
  ws.commit();
}

/** A figure's value as the report shows it: a rate rounded by the report's own rule (its display), the rest exact. */
function shownValue(f: FigureResult): number | null {
  if (!f.ok) return null;
  if (f.type !== 'rate') return f.value;
  const n = Number(f.display.replace(/%$/, ''));
  return Number.isFinite(n) ? n : null;
}

function addSummary(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Db, year: number, town: string): void {
  const figures = computeAll(db, year);
  const rows = figures.map((f, i): ExcelJS.CellValue[] => [
    i + 1,
    spreadsheetText(f.name),
    shownValue(f),
    f.unit,
    spreadsheetText(f.ok ? f.display : (f.problem ?? '')),
    f.recordCount,
  ]);
  const texts = rows.map((r) => r.map((v) => shownText(v)));
  const col = (header: string, natural: number, align: Align, least = natural): Column => ({ header, width: { natural, least }, align });
  const columns = [
    serialColumn(figures.length),
    col('指标', 40, 'left', 24),
    col('数值', 10, 'right'),
    col('单位', 8, 'center'),
    col('报告中的写法', 34, 'left', 20),
    col('依据记录数', 10, 'right'),
  ];
  const { ws, widths } = openSheet(
    wb,
    { name: '汇总', title: `${year}年度法治台账汇总`, columns, printed: columns.length, rows: rows.length, totals: false },
    town,
    year,
  );
  const styles = cellStyles(columns);
  rows.forEach((r, n) => writeRow(ws, r, texts[n], widths, styles));
  ws.commit();
}

/** Writes a workbook into `out` with fast deflate: a year's sheets compress well at level 1, and the default level costs seconds. */
async function streamWorkbook(out: Writable, fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<void> {
  const wb = new (await loadExcelJs()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: 1 } },
  } as Partial<ExcelJS.stream.xlsx.WorkbookWriterOptions>);
  wb.creator = '法治台账';
  fill(wb);
  await wb.commit();
}

/** The bytes a streamed workbook makes, for the API (workbooks travel to the screens as base64). */
async function toBytes(fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await streamWorkbook(out, fill);
  return Buffer.concat(chunks);
}

interface WorkbookPlan {
  fileName: string;
  records: number;
  fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void;
}

/** The year's workbook: 汇总 first, then a sheet per kind that has records, in the menu's order. */
function yearPlan(db: Db, year: number): WorkbookPlan {
  const { town } = getSettings(db);
  const stats = yearStats(db, year);
  const counts = KINDS.map((kind) => ({ kind, n: stats[kind.id] }));
  return {
    fileName: `${town}${year}年度法治台账.xlsx`,
    records: counts.reduce((n, c) => n + c.n, 0),
    fill: (wb) => {
      addSummary(wb, db, year, town);
      for (const { kind, n } of counts) {
        // One kind's records at a time: the sheet is streamed out before the next is read.
        if (n) addKindSheet(wb, kind, listAllRecords(db, { kind: kind.id, year, sortBy: 'date', sortDir: 'asc' }), town, year);
      }
    },
  };
}

/** One kind's records as its page shows them (filters, search, sort), on one sheet with the register's (or the chosen) columns. */
function kindPlan(db: Db, q: Omit<ListQuery, 'page' | 'pageSize'>, columns?: readonly string[]): WorkbookPlan {
  const kind = KINDS.find((k) => k.id === q.kind)!;
  const { town } = getSettings(db);
  const records = listAllRecords(db, q);
  const filtered = Object.keys(q.filters ?? {}).length || q.search?.trim() ? '（筛选）' : '';
  return {
    fileName: `${town}${q.year}年度${kind.label}台账${filtered}.xlsx`,
    records: records.length,
    fill: (wb) => addKindSheet(wb, kind, records, town, q.year, columns),
  };
}

type Exported = { bytes: Buffer; fileName: string; records: number };

async function asBytes(plan: WorkbookPlan): Promise<Exported> {
  return { bytes: await toBytes(plan.fill), fileName: plan.fileName, records: plan.records };
}

/** Streams the workbook into a temp file beside `file`, then renames it into place. */
async function toFile(plan: WorkbookPlan, file: string): Promise<{ fileName: string; records: number }> {
  await writeStreamAtomic(file, (out) => streamWorkbook(out, plan.fill));
  return { fileName: plan.fileName, records: plan.records };
}

export const exportYearWorkbook = (db: Db, year: number) => asBytes(yearPlan(db, year));
export const exportYearFile = (db: Db, year: number, file: string) => toFile(yearPlan(db, year), file);

export const exportKindWorkbook = (db: Db, q: Omit<ListQuery, 'page' | 'pageSize'>, columns?: readonly string[]) =>
  asBytes(kindPlan(db, q, columns));
export const exportKindFile = (db: Db, q: Omit<ListQuery, 'page' | 'pageSize'>, file: string) => toFile(kindPlan(db, q), file);
