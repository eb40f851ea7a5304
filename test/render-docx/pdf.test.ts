/**
 * Page geometry of the DOCX as LibreOffice lays it out, measured on its PDF with `pdftotext -bbox-layout`:
 * 22 lines a page on the 579-twip pitch, the 版心's left and top edges, page numbers odd-right/even-left
 * 7 mm below the 版心, the 版头, signature and 版记. Writes the files, PNG previews of the first, a middle
 * and the last page, and measurements.json to test-output/render-docx/.
 *
 * LibreOffice (7.4 here) follows Word's line grid but not its character grid: with docGrid linesAndChars
 * and a 15.79 pt character pitch it gives each 16 pt character two grid cells, so the default ('grid')
 * file shows 14 characters a line there, while Word and WPS show 28. The 'condensed' variant (line grid,
 * characters at 98 %) lays 28 a line in LibreOffice too, so it stands in for Word's pagination.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LINE_PITCH_PT, MARGIN, PAGE, PAGE_NUMBER_OFFSET_MM, PAGE_NUMBER_PT, TYPE_AREA } from '@rules/layout';
import { renderReportDocx, type RenderDocxOptions } from '@core/render/docx';
import type { ReportDocument } from '@rules/report/document';
import { longDocument, sampleDocument, shortDocument } from '../support/sample-document';
import { charCount, pageNumberRow, readPdf, rows, type PdfPage, type TextLine } from './measure';
import { OUTPUT_DIR, convertToPdf, pageCount, previewPages, requireTools } from './soffice';

const MM_PER_PT = 25.4 / 72;
const PITCH = LINE_PITCH_PT * MM_PER_PT; // 10.214 mm
const TOP = MARGIN.topMm;
const LEFT = MARGIN.leftMm;
const RIGHT = MARGIN.leftMm + TYPE_AREA.widthMm;
const BOTTOM = MARGIN.topMm + TYPE_AREA.heightMm;
/** One 4号 character, the page number's indent. */
const SMALL_CHAR = PAGE_NUMBER_PT * MM_PER_PT;
/** One body character in the condensed variant (16 pt × 98 %). */
const CONDENSED_CHAR = 16 * 0.98 * MM_PER_PT;

interface Case {
  name: string;
  doc: ReportDocument;
  options: RenderDocxOptions;
}

const imprint = { cc: '县委依法治县办', issuer: '双土镇党政办公室', issueDate: '2024年1月15日' };

function cases(): Case[] {
  const red = sampleDocument();
  red.header.mode = 'red';
  red.imprint = imprint;
  const blank = sampleDocument();
  blank.header.mode = 'blank';
  const unsealed = shortDocument();
  unsealed.signature.layout = 'unsealed';
  unsealed.imprint = imprint;
  const escaped = shortDocument();
  escaped.recipients = '<县委>&县政府';
  return [
    { name: 'sample-grid', doc: sampleDocument(), options: {} },
    { name: 'sample-condensed', doc: sampleDocument(), options: { charGrid: 'condensed' } },
    { name: 'red-imprint', doc: red, options: { charGrid: 'condensed' } },
    { name: 'blank-header', doc: blank, options: { charGrid: 'condensed' } },
    { name: 'short-unsealed', doc: unsealed, options: { charGrid: 'condensed' } },
    { name: 'long-condensed', doc: longDocument(), options: { charGrid: 'condensed' } },
    { name: 'long-grid', doc: longDocument(), options: {} },
    { name: 'escaped', doc: escaped, options: {} },
  ];
}

const pdfs: Record<string, PdfPage[]> = {};
const measurements: Record<string, unknown> = {};

const centre = (l: TextLine) => (l.yMin + l.yMax) / 2;
/** Rows inside the 版心, page number left out. */
const bodyRows = (page: PdfPage) => rows(page).filter((l) => centre(l) > TOP - 2 && centre(l) < BOTTOM + 1);
/**
 * A full body line: starts at the left edge and ends at the right one. Lines whose last punctuation
 * mark hangs into the margin (LibreOffice and Word both allow it) are left out: they hold one more.
 */
const fullRows = (page: PdfPage) => bodyRows(page).filter((l) => Math.abs(l.xMin - LEFT) < 1 && l.xMax > RIGHT - 3 && l.xMax < RIGHT + 0.5);

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? NaN;
}

beforeAll(() => {
  requireTools();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
});

beforeAll(async () => {
  const all = cases();
  const files: string[] = [];
  for (const c of all) {
    const file = path.join(OUTPUT_DIR, `${c.name}.docx`);
    fs.writeFileSync(file, await renderReportDocx(c.doc, c.options));
    files.push(file);
  }
  const out = convertToPdf(files, OUTPUT_DIR);
  out.forEach((pdf, i) => {
    const name = all[i].name;
    pdfs[name] = readPdf(pdf);
    const n = pageCount(pdf);
    previewPages(pdf, [1, Math.ceil(n / 2), n]);
  });
  for (const [name, pages] of Object.entries(pdfs)) {
    const full = pages.flatMap(fullRows).map((l) => charCount(l));
    measurements[name] = {
      pages: pages.length,
      rowsPerPage: pages.map((p) => bodyRows(p).length),
      charsPerFullLine: mode(full.map((n) => Math.round(n))),
      firstRowGlyphTopMm: pages.slice(1).map((p) => +(bodyRows(p)[0]?.yMin ?? NaN).toFixed(2)),
    };
  }
  fs.writeFileSync(path.join(OUTPUT_DIR, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
  console.log('render-docx LibreOffice measurements:', JSON.stringify(measurements));
});

describe('pages', () => {
  it('are A4', () => {
    for (const pages of Object.values(pdfs)) {
      for (const p of pages) {
        expect(p.widthMm).toBeCloseTo(PAGE.widthMm, 0);
        expect(p.heightMm).toBeCloseTo(PAGE.heightMm, 0);
      }
    }
  });

  it.each(['sample-grid', 'sample-condensed', 'red-imprint', 'long-condensed', 'long-grid'])(
    '%s: 22 lines on every full page, on the 579-twip pitch, filling the 版心 top to bottom',
    (name) => {
      const pages = pdfs[name];
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages.slice(1, -1)) {
        const rs = bodyRows(page);
        const next = pages[page.number];
        // The page before 特此报告 may end early: 特此报告 is kept with the signature below it.
        const beforeClosing = bodyRows(next)[0]?.compact === '特此报告';
        if (!beforeClosing) expect(rs.length, `page ${page.number}`).toBe(22);
        // Text sits at the bottom of its exact-height line, so a glyph box ends within a millimetre
        // above its line's bottom: the first line's box ends one pitch below the 版心 top (37 mm),
        // the 22nd on the 版心 bottom.
        expect(rs[0].yMax, `page ${page.number} top`).toBeGreaterThan(TOP + PITCH - 1.2);
        expect(rs[0].yMax, `page ${page.number} top`).toBeLessThan(TOP + PITCH + 0.2);
        if (!beforeClosing) {
          expect(rs[21].yMax).toBeGreaterThan(BOTTOM - 1.2);
          expect(rs[21].yMax).toBeLessThan(BOTTOM + 0.2);
        }
        for (let i = 1; i < rs.length; i++) {
          const steps = (rs[i].yMax - rs[0].yMax) / PITCH;
          expect(Math.abs(steps - Math.round(steps)), `page ${page.number} row ${i}`).toBeLessThan(0.05);
        }
      }
    },
  );

  it.each(['sample-grid', 'sample-condensed', 'long-condensed'])('%s: text block starts 28 mm from the left edge', (name) => {
    for (const page of pdfs[name].slice(0, -1)) {
      const left = Math.min(...bodyRows(page).map((l) => l.xMin));
      expect(Math.abs(left - LEFT), `page ${page.number}`).toBeLessThan(1);
    }
  });

  it('condensed: full lines end at the right edge of the 版心 and hold 28 characters', () => {
    const full = pdfs['sample-condensed'].flatMap(fullRows);
    expect(full.length).toBeGreaterThan(20);
    for (const l of full) expect(Math.abs(l.xMax - RIGHT)).toBeLessThan(1);
    expect(mode(full.map((l) => Math.round(charCount(l))))).toBe(28);
  });

  it('grid: LibreOffice keeps the line grid but not the 28-character grid (recorded, not held to 28)', () => {
    const full = pdfs['sample-grid'].flatMap(fullRows).map((l) => Math.round(charCount(l)));
    const perLine = mode(full);
    expect(perLine).toBeGreaterThanOrEqual(14);
    expect(perLine).toBeLessThanOrEqual(28);
  });
});

describe('page numbers', () => {
  it.each(['sample-grid', 'sample-condensed', 'long-condensed', 'long-grid', 'short-unsealed'])(
    '%s: “— N —” on every page, odd right / even left one character in, 7 mm below the 版心',
    (name) => {
      for (const page of pdfs[name]) {
        const pn = pageNumberRow(page);
        expect(pn, `page ${page.number}`).not.toBeNull();
        expect(pn!.n).toBe(page.number);
        if (page.number % 2 === 1) expect(Math.abs(pn!.line.xMax - (RIGHT - SMALL_CHAR)), `page ${page.number}`).toBeLessThan(1);
        else expect(Math.abs(pn!.line.xMin - (LEFT + SMALL_CHAR)), `page ${page.number}`).toBeLessThan(1);
        // The dashes sit at the middle of the em box, which is the middle of the glyph box here.
        expect(Math.abs(centre(pn!.line) - (BOTTOM + PAGE_NUMBER_OFFSET_MM)), `page ${page.number}`).toBeLessThan(1.5);
      }
    },
  );
});

describe('版头', () => {
  it('red: 发文机关标志 35 mm below the 版心 top, 字号 two lines under it, title below the rule', () => {
    const rs = bodyRows(pdfs['red-imprint'][0]);
    const mark = rs.find((l) => l.compact.startsWith('中共云阳县双土镇委员会'))!;
    expect(mark).toBeDefined();
    expect(Math.abs(mark.yMin - (TOP + 35))).toBeLessThan(2);
    const suffix = rs.find((l) => l.compact === '文件')!;
    const second = rs.find((l) => l.compact.startsWith('云阳县双土镇人民政府') && l.yMin < 120)!;
    // 文件 centred on the two organ lines, to their right.
    expect(Math.abs(centre(suffix) - (centre(mark) + centre(second)) / 2)).toBeLessThan(1);
    expect(suffix.xMin).toBeGreaterThan(Math.max(mark.xMax, second.xMax));
    // Organ lines as wide as each other (分散对齐) and inside the 版心.
    expect(Math.abs(mark.xMax - mark.xMin - (second.xMax - second.xMin))).toBeLessThan(3);
    expect(mark.xMin).toBeGreaterThan(LEFT);
    expect(suffix.xMax).toBeLessThan(RIGHT);
    const number = rs.find((l) => l.compact.startsWith('双土委文〔2024〕2号'))!;
    expect(number.compact).toContain('签发人：张三李四');
    expect(number.yMin - second.yMax).toBeGreaterThan(2 * PITCH - 3);
    expect(number.yMin - second.yMax).toBeLessThan(3 * PITCH);
    // 字号 one character in from the left, 签发人 one in from the right.
    expect(Math.abs(number.xMin - (LEFT + 16 * MM_PER_PT))).toBeLessThan(1.5);
    expect(Math.abs(number.xMax - (RIGHT - 16 * MM_PER_PT))).toBeLessThan(2);
    const title = rs.find((l) => l.compact.startsWith('中共云阳县双土镇委员会') && l.yMin > number.yMax)!;
    // Rule 4 mm below the 字号 line, then two blank lines.
    expect(title.yMin - number.yMax).toBeGreaterThan(2 * PITCH);
    expect(title.yMin - number.yMax).toBeLessThan(3 * PITCH);
  });

  it('blank leaves the same height: the title starts where it does under the red 版头', () => {
    const titleTop = (name: string) => bodyRows(pdfs[name][0]).find((l) => l.compact === '关于2023年法治政府建设情况的报告')!.yMin;
    expect(Math.abs(titleTop('blank-header') - titleTop('red-imprint'))).toBeLessThan(0.3);
    const blankRows = bodyRows(pdfs['blank-header'][0]);
    expect(blankRows[0].compact).toBe('中共云阳县双土镇委员会');
    expect(blankRows[0].yMin).toBeGreaterThan(TOP + 80);
  });

  it('none: the title starts on the first line of the 版心', () => {
    const first = bodyRows(pdfs['sample-condensed'][0])[0];
    expect(first.compact).toBe('中共云阳县双土镇委员会');
    // A 22 pt line fills its 10.2 mm exact line; its glyph box may reach a little past it.
    expect(first.yMin).toBeGreaterThan(TOP - 1);
    expect(first.yMax).toBeLessThan(TOP + PITCH + 1);
  });
});

describe('signature, 附注, 版记', () => {
  it('sealed: organs side by side, date under the last one four characters in from the right, 附注 next', () => {
    const last = bodyRows(pdfs['sample-condensed'].at(-1)!);
    const organs = last.find((l) => l.compact === '中共云阳县双土镇委员会云阳县双土镇人民政府')!;
    expect(organs).toBeDefined();
    const i = last.indexOf(organs);
    const date = last[i + 1];
    expect(date.compact).toBe('2024年1月15日');
    // 署名 lines are not snapped to the grid (snapToGrid 0); LibreOffice then sets their glyphs ~0.65 mm
    // lower in the same exact line, hence the looser tolerance around them.
    expect(Math.abs(date.yMax - organs.yMax - PITCH)).toBeLessThan(0.3);
    expect(Math.abs(date.xMax - (RIGHT - 4 * CONDENSED_CHAR))).toBeLessThan(3);
    // The date is centred under the right-hand organ.
    const right = organs.words.filter((w) => w.xMin > (organs.xMin + organs.xMax) / 2);
    const rightCentre = (Math.min(...right.map((w) => w.xMin)) + Math.max(...right.map((w) => w.xMax))) / 2;
    expect(Math.abs((date.xMin + date.xMax) / 2 - rightCentre)).toBeLessThan(3);
    // Two blank lines for the seals after 特此报告.
    const closing = last.find((l) => l.compact === '特此报告')!;
    expect(Math.abs((organs.yMax - closing.yMax) / PITCH - 3)).toBeLessThan(0.1);
    const note = last[i + 2];
    expect(note.compact).toBe('（此件公开发布）');
    expect(Math.abs(note.yMax - date.yMax - PITCH)).toBeLessThan(1);
    expect(Math.abs(note.xMin - (LEFT + 2 * CONDENSED_CHAR))).toBeLessThan(1.5);
  });

  it('unsealed: organs stacked two characters in from the right, one blank line below the body', () => {
    const last = bodyRows(pdfs['short-unsealed'].at(-1)!);
    const a = last.findLastIndex((l) => l.compact === '中共云阳县双土镇委员会');
    expect(a).toBeGreaterThan(0);
    expect(last[a + 1].compact).toBe('云阳县双土镇人民政府');
    expect(last[a + 2].compact).toBe('2024年1月15日');
    for (const l of [last[a], last[a + 1]]) expect(Math.abs(l.xMax - (RIGHT - 2 * CONDENSED_CHAR))).toBeLessThan(2.5);
    expect(Math.abs(last[a + 2].xMin - (last[a + 1].xMin + 2 * CONDENSED_CHAR))).toBeLessThan(2.5);
    const closing = last.find((l) => l.compact === '特此报告')!;
    expect(Math.abs((last[a].yMax - closing.yMax) / PITCH - 2)).toBeLessThan(0.1);
  });

  it('版记 sits at the bottom of the last page: 印发 on the last line of the 版心, 抄送 above', () => {
    for (const name of ['red-imprint', 'short-unsealed']) {
      const last = bodyRows(pdfs[name].at(-1)!);
      const issued = last.find((l) => l.compact.startsWith('双土镇党政办公室'))!;
      expect(issued.compact).toBe('双土镇党政办公室2024年1月15日印发');
      expect(issued.yMax).toBeGreaterThan(BOTTOM - PITCH);
      expect(issued.yMax).toBeLessThan(BOTTOM);
      // 印发机关 one 4号 character in from the left, 日期 one in from the right.
      expect(Math.abs(issued.xMin - (LEFT + SMALL_CHAR))).toBeLessThan(1);
      expect(Math.abs(issued.xMax - (RIGHT - SMALL_CHAR))).toBeLessThan(1);
      const cc = last.find((l) => l.compact.startsWith('抄送'))!;
      expect(cc.compact).toBe('抄送：县委依法治县办。');
      expect(Math.abs(issued.yMax - cc.yMax - PITCH)).toBeLessThan(1);
      // Body text stays above the 版记.
      const others = last.filter((l) => l !== cc && l !== issued);
      expect(Math.max(...others.map((l) => l.yMax))).toBeLessThan(cc.yMin);
    }
  });

  it('prints what the clerk typed, markup characters included', () => {
    const text = pdfs.escaped.flatMap((p) => rows(p).map((l) => l.compact)).join('\n');
    expect(text).toContain('<县委>&县政府：');
  });
});
