/**
 * The year workbook as an inspector prints it: exported, converted to PDF by LibreOffice (the
 * three workbooks in one run), and measured. No text under 9 pt (pdftohtml's font sizes and the CJK words' heights), the header
 * row with 序号 on every page, every printed cell's text found whole in the PDF (a row too low
 * for its wrapped text loses the lines that do not fit), 汇总's rates as the report rounds them,
 * 是/否 one way. The first page of every sheet is rendered to test-output/excel-print/ to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKindWorkbook, exportYearFile } from '@core/excel';
import { importLedger } from '@core/ledger/exchange';
import { createRecord } from '@core/ledger/records';
import { KINDS } from '@rules/kinds';
import { planWidths } from '@core/excel/print-fit';
import { requireTools, sofficeConvert } from '../render-docx/soffice';
import { tempDir, tempLedger } from '../support/ledger';
import { sampleRecord } from '../support/samples';

const FIXTURE = path.resolve(__dirname, '../fixtures/shuangtu-2023.json');
const OUTPUT_DIR = path.resolve(__dirname, '../../test-output/excel-print');
/** 是/否 fields' headings (no unit, so the label). */
const BOOL_HEADERS = new Set(KINDS.flatMap((k) => k.fields.filter((f) => f.type === 'bool').map((f) => f.label)));

/** The PDF LibreOffice wrote beside a workbook (all three are converted in one soffice run, below). */
function pdfOf(xlsx: string): string {
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${xlsx}`);
  return pdf;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** A cell as it prints: dates yyyy-mm-dd, numbers by their format's thousands and decimals, a formula by its result. */
function printedText(cell: ExcelJS.Cell): string {
  let v = cell.value;
  if (v && typeof v === 'object' && 'formula' in v) v = v.result as ExcelJS.CellValue;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    const decimals = /0\.(0+)/.exec(cell.numFmt ?? '')?.[1].length ?? 0;
    const grouped = (cell.numFmt ?? '').includes(',');
    return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals || 10, useGrouping: grouped });
  }
  return String(v);
}

interface PrintedSheet {
  name: string;
  title: string;
  headers: string[];
  cells: string[];
  bools: unknown[];
  fits: boolean;
}

/** What each sheet prints (its print area), read back with exceljs. */
async function printedSheets(xlsx: string, year: number): Promise<PrintedSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  return wb.worksheets.map((ws) => {
    const area = /^\$?([A-Z]+)\$?1:\$?([A-Z]+)\$?(\d+)$/.exec(ws.pageSetup.printArea ?? '');
    expect(area, `${ws.name}: print area`).not.toBeNull();
    const lastCol = area![2].charCodeAt(0) - 64;
    const lastRow = Number(area![3]);
    const headers = Array.from({ length: lastCol }, (_, i) => String(ws.getRow(1).getCell(i + 1).value));
    const cells: string[] = [];
    const bools: unknown[] = [];
    for (let r = 2; r <= lastRow; r++) {
      for (let c = 1; c <= lastCol; c++) cells.push(printedText(ws.getRow(r).getCell(c)));
    }
    // 是/否 columns (every 是/否 field, printed or not): the data rows' values.
    const all = (ws.getRow(1).values as unknown[]).slice(1);
    all.forEach((h, i) => {
      if (BOOL_HEADERS.has(String(h))) {
        for (let r = 2; r <= ws.rowCount; r++) {
          if (ws.getRow(r).getCell(1).value !== '合计') bools.push(ws.getRow(r).getCell(i + 1).value);
        }
      }
    });
    expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
    expect(ws.headerFooter.oddHeader, ws.name).toContain(`年度：${year}`);
    expect(ws.headerFooter.oddHeader, ws.name).toContain('单位：');
    expect(ws.headerFooter.oddFooter, ws.name).toContain('第 &P 页，共 &N 页');
    const fits = ws.pageSetup.fitToPage === true;
    // Spread over pages across: 序号 repeats on each of them.
    if (!fits) expect(ws.pageSetup.printTitlesColumn, ws.name).toBe('A:A');
    const title = ws.name === '汇总' ? `${year}年度法治台账汇总` : `${year}年度${ws.name}台账`;
    return { name: ws.name, title, headers, cells, bools, fits };
  });
}

/** Per page: its text in drawing order (pdftotext -raw keeps a wrapped cell's lines together). */
const pageTexts = (pdf: string) =>
  execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('\f')
    .slice(0, -1);

/** The smallest font size on each page: pdftohtml's font specs, and CJK words' heights (Noto Sans CJK's box is 1.3 em). */
function smallestText(pdf: string): { spec: number; cjk: number }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-zoom', '1', '-stdout', pdf], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const sizes = new Map([...xml.matchAll(/<fontspec id="(\d+)" size="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
  const specs = xml
    .split('<page ')
    .slice(1)
    .map((p) => Math.min(...[...p.matchAll(/<text [^>]*font="(\d+)"/g)].map((m) => sizes.get(m[1])!)));
  const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const cjk = bbox
    .split('<page ')
    .slice(1)
    .map((p) =>
      Math.min(
        ...[...p.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)]
          .filter((m) => /[\u4e00-\u9fff]/.test(m[3]))
          .map((m) => (Number(m[2]) - Number(m[1])) / 1.2998),
      ),
    );
  return specs.map((spec, i) => ({ spec, cjk: cjk[i] }));
}

/** Exports, prints and checks; returns the PDF's pages per sheet. */
async function checkPrinted(xlsx: string, year: number, look: string): Promise<Map<string, number[]>> {
  const sheets = await printedSheets(xlsx, year);
  const pdf = pdfOf(xlsx);
  const pages = pageTexts(pdf);
  // Each page belongs to the sheet its page header names; the sheets come in order.
  const bySheet = new Map<string, number[]>(sheets.map((s) => [s.name, []]));
  pages.forEach((text, i) => {
    const sheet = sheets.find((s) => squash(text).includes(squash(s.title)));
    expect(sheet, `page ${i + 1} names no sheet in its header`).toBeDefined();
    bySheet.get(sheet!.name)!.push(i);
    const flat = squash(text);
    // The header row on every page: 序号 and the page's column headings.
    expect(flat, `page ${i + 1} (${sheet!.name})`).toContain('序号');
    const shown = sheet!.headers.filter((h) => flat.includes(squash(h)));
    if (sheet!.fits) expect(shown, `page ${i + 1} (${sheet!.name}) header row`).toEqual(sheet!.headers);
    else expect(shown.length, `page ${i + 1} (${sheet!.name}) header row`).toBeGreaterThan(1);
    expect(flat, `page ${i + 1}`).toContain(squash(`第${i + 1}页，共${pages.length}页`));
  });
  for (const s of sheets) {
    const own = bySheet.get(s.name)!;
    expect(own.length, `${s.name} printed`).toBeGreaterThan(0);
    const text = squash(own.map((i) => pages[i]).join(''));
    // No cut text: every printed cell whole somewhere on its sheet's pages.
    const missing = s.cells.filter((c) => c && !text.includes(squash(c)));
    expect(missing, `${s.name}: cells not (or not wholly) printed`).toEqual([]);
    expect(
      s.bools.every((b) => b === '是' || b === '否'),
      `${s.name}: 是/否 one way`,
    ).toBe(true);
  }
  // 汇总 (a year's workbook): rates as the report shows them, never 95.555555556. (6.177万元 is the
  // report's own wording of money.)
  const summary = bySheet.get('汇总');
  if (summary) {
    const text = squash(summary.map((i) => pages[i]).join(''));
    expect(text).not.toMatch(/\d\.\d{3,}(?![\d万])/);
    expect(text).toMatch(/\d%/);
  }
  const smallest = smallestText(pdf);
  smallest.forEach((s, i) => {
    expect(s.spec, `page ${i + 1}: pdftohtml font size`).toBeGreaterThanOrEqual(9);
    expect(s.cjk, `page ${i + 1}: CJK text height`).toBeGreaterThanOrEqual(9 - 0.05);
  });
  // The first page of each sheet, to look at.
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [name, own] of bySheet) {
    const n = own[0] + 1;
    execFileSync('pdftoppm', [
      '-r',
      '70',
      '-png',
      '-f',
      String(n),
      '-l',
      String(n),
      '-singlefile',
      pdf,
      path.join(OUTPUT_DIR, `${look}-${name}`),
    ]);
  }
  return bySheet;
}

/** Text long enough to wrap over several lines, with a Latin word and a line break in it. */
const long = (n: number) =>
  `关于第${n}项工作的说明：会议研究了辖区安全生产、矛盾纠纷排查化解和法治宣传教育工作，部署了下一阶段重点任务，` +
  `要求各村（社区）落实网格化管理责任（详见OA-2023-${n}号通知）。\n会后各部门按分工抓好落实并及时报送进展情况。`;

/**
 * The three workbooks, exported from two ledgers and converted to PDF in one LibreOffice run
 * (starting soffice costs more than converting a workbook): the 双土镇 fixture year, a large year of
 * every kind with long wrapped texts, and the kind with the register's most columns, all chosen.
 */
const WIDE = KINDS.find((k) => k.lifecycle)!;
let DIR: string;
let workbooks: { fixture: string; large: string; wide: string };
let largeRecords: number;

beforeAll(async () => {
  DIR = tempDir('fazhi-xlsx-print-');
  workbooks = { fixture: path.join(DIR, 'fixture.xlsx'), large: path.join(DIR, 'large.xlsx'), wide: path.join(DIR, 'wide.xlsx') };
  const fixture = tempLedger();
  const year = tempLedger();
  try {
    importLedger(fixture.ctx.db, fs.readFileSync(FIXTURE, 'utf8'));
    await exportYearFile(fixture.ctx.db, 2023, workbooks.fixture);
    const villages = ['石桥村', '河坝村', '场镇社区'];
    for (const k of KINDS) {
      const textKeys = k.fields.filter((f) => f.type === 'textarea' && !f.managed).map((f) => f.key);
      for (let n = 0; n < 40; n++) {
        // Generated samples stay within their lte rules for the first two dozen variants.
        const data = sampleRecord(k.id, n % 24, { year: 2024, everyField: { villages } });
        // Every third record with long text in its title and notes, so rows wrap to several lines.
        if (n % 3 === 0) {
          const title = k.fields.find((f) => f.key === k.titleField)!;
          data[title.key] = long(n)
            .replace(/\n/g, '')
            .slice(0, title.max ?? 200);
          for (const key of textKeys) data[key] = long(n);
        }
        createRecord(year.ctx.db, k.id, data);
      }
    }
    largeRecords = (await exportYearFile(year.ctx.db, 2024, workbooks.large)).records;
    // The 行政规范性文件 with the register's most columns (12).
    const columns = WIDE.fields.slice(0, 12).map((f) => f.key);
    const wide = await exportKindWorkbook(year.ctx.db, { kind: WIDE.id, year: 2024, sortBy: 'date', sortDir: 'asc' }, columns);
    fs.writeFileSync(workbooks.wide, wide.bytes);
  } finally {
    fixture.cleanup();
    year.cleanup();
  }
  requireTools();
  sofficeConvert(Object.values(workbooks), 'pdf', DIR);
});
afterAll(() => DIR && fs.rmSync(DIR, { recursive: true, force: true }));

describe('the year workbook printed by LibreOffice', () => {
  it('the 双土镇 fixture year: ≥ 9 pt, header row on every page, nothing cut, rates rounded, 是/否 one way', async () => {
    const pages = await checkPrinted(workbooks.fixture, 2023, 'fixture');
    expect([...pages.keys()]).toContain('矛盾纠纷');
    expect(pages.get('矛盾纠纷')!.length).toBeGreaterThan(5);
  });

  it('a large year of every kind with long wrapped texts, and a kind with every column chosen', async () => {
    expect(largeRecords).toBe(KINDS.length * 40);
    await checkPrinted(workbooks.large, 2024, 'large');
    // The kind with every column chosen: still ≥ 9 pt, fitted or spread.
    const pages = await checkPrinted(workbooks.wide, 2024, 'wide');
    expect(pages.get(WIDE.label)!.length).toBeGreaterThan(1);
  });
});

describe('planWidths', () => {
  it('keeps natural widths that fit, narrows wrapping columns to fit, and spreads when even the least would print under 9 pt', () => {
    const fixed = { natural: 12, least: 12 };
    expect(planWidths([fixed, { natural: 30, least: 16 }])).toEqual({ widths: [12, 30], fits: true });
    const tight = planWidths([fixed, ...Array.from({ length: 5 }, () => ({ natural: 40, least: 16 }))]);
    expect(tight.fits).toBe(true);
    expect(tight.widths[0]).toBe(12);
    for (const w of tight.widths.slice(1)) expect(w).toBeGreaterThanOrEqual(16);
    expect(tight.widths.slice(1).every((w) => w < 40)).toBe(true);
    const wide = planWidths(Array.from({ length: 14 }, () => ({ natural: 14, least: 12 })));
    expect(wide).toEqual({ widths: Array(14).fill(12), fits: false });
  });
});
