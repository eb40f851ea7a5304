/**
 * The PDF of the sample documents, measured with pdftotext: 22 lines a page, 28 characters a line,
 * the 版心 at 28/37 mm, page numbers, Chinese line breaking; and the 版头 modes on the sample's
 * first page: red 标志, 字号/签发人 line and rule; blank keeps the height; none starts with the title
 * (one print of each sample serves both). Also writes the PDFs and PNGs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { PdfRenderer } from '@core/render/pdf';
import { sharedPdfRenderer } from '../support/chromium';
import type { HeaderMode, ReportDocument } from '@rules/report/document';
import { longDocument, sampleDocument, shortDocument, veryLongDocument } from '../support/sample-document';
import { assembleYear } from '@core/report/assemble';
import { shuangtuLedger } from '../report/support';
import { widthInChars } from '@core/render/html/geometry';
import { allWide, charCount, MM_PER_PT, type Page, type Row } from './measure';
import { countPixels, horizontalLines, isRed, rasterPage, writePngs } from './raster';
import { AREA, bodyRows, emTop, findRow, footerRows, OUT_DIR, renderAndMeasure, type Rendered } from './support';

const NO_START = '。，、；：？！）》”’〕」』…';
const NO_END = '（《“‘〔「『';

const withMode = (doc: ReportDocument, mode: ReportDocument['header']['mode']): ReportDocument => ({
  ...doc,
  header: { ...doc.header, mode },
});

/** The 双土镇 2023 report assembled from test/fixtures/shuangtu-2023.json, with the red 版头. */
function fixtureDocument(): ReportDocument {
  const env = shuangtuLedger();
  try {
    return withMode(assembleYear(env.ctx.db, 2023).document, 'red');
  } finally {
    env.cleanup();
  }
}

let renderer: PdfRenderer;
const docs: Record<string, Rendered> = {};

beforeAll(async () => {
  renderer = await sharedPdfRenderer();
  const inputs: [string, ReportDocument][] = [
    ['sample-red', withMode(sampleDocument(), 'red')],
    ['sample-blank', withMode(sampleDocument(), 'blank')],
    ['sample-none', withMode(sampleDocument(), 'none')],
    ['short', shortDocument()],
    ['long', longDocument()],
    ['fixture', fixtureDocument()],
    ['very-long', withMode(veryLongDocument(), 'red')],
  ];
  for (const [name, doc] of inputs) docs[name] = await renderAndMeasure(renderer, name, doc);
  writePngs(
    docs.fixture.pdf,
    docs.fixture.pages.map((p) => p.number),
    resolve(OUT_DIR, 'fixture'),
  );
  for (const mode of ['red', 'blank', 'none']) {
    const d = docs[`sample-${mode}`];
    const n = d.pages.length;
    writePngs(d.pdf, [1, Math.ceil(n / 2), n], resolve(OUT_DIR, `sample-${mode}`));
  }
});
afterAll(() => renderer?.close());

/** Pages whose body is pure running text: not the first (版头, title) and not the last (署名). */
const middlePages = (d: Rendered) => d.pages.slice(1, -1);

/** Body text rows: on page 1 only those after the 主送 line (the 版头 and title are checked at the end of this file). */
function textRows(page: Page): Row[] {
  const rows = bodyRows(page);
  if (page.number > 1) return rows;
  return rows.slice(rows.findIndex((r) => r.text.endsWith('县政府：')) + 1);
}

/** Pages a 22 × 28 grid needs: each block's characters (ASCII counts half) plus the fixed lines around them. */
function expectedPages(doc: ReportDocument): number {
  const lines = doc.body.reduce((n, b) => n + Math.ceil((2 + widthInChars(b.runs.map((r) => r.text).join(''))) / 28), 0);
  return Math.ceil((lines + doc.title.length + 2 + 6) / 22);
}

describe('page counts', () => {
  it('matches what the 22 × 28 grid needs for each document', () => {
    console.info(
      Object.values(docs)
        .map((d) => `${d.name}: ${d.pages.length} pages`)
        .join(', '),
    );
    expect(docs.short.pages).toHaveLength(1);
    expect(docs['very-long'].pages.length).toBeGreaterThanOrEqual(10);
    for (const page of Object.values(docs).flatMap((d) => d.pages)) {
      expect(Math.abs(page.widthMm - 210)).toBeLessThan(0.5);
      expect(Math.abs(page.heightMm - 297)).toBeLessThan(0.5);
    }
    for (const [name, doc] of [
      ['sample-none', sampleDocument()],
      ['long', longDocument()],
    ] as const) {
      expect(Math.abs(docs[name].pages.length - expectedPages(doc)), name).toBeLessThanOrEqual(1);
    }
    expect(docs['sample-red'].pages.length).toBeGreaterThanOrEqual(docs['sample-none'].pages.length);
    expect(docs['sample-blank'].pages.length).toBe(docs['sample-red'].pages.length);
  });
});

describe.each(['sample-red', 'sample-blank', 'sample-none', 'long', 'fixture', 'very-long'])('%s', (name) => {
  const d = () => docs[name];

  it('holds 22 body lines on every full page, each on the 225 mm / 22 grid', () => {
    const pages = middlePages(d());
    expect(pages.length).toBeGreaterThan(0);
    // The page before the 署名 may be short: its last lines moved over to keep the 署名 company (checked in signature.test).
    for (const page of pages.slice(0, -1)) {
      const rows = bodyRows(page);
      expect(rows, `page ${page.number}`).toHaveLength(22);
      rows.forEach((r, i) => expect(emTop(r) - (AREA.top + i * AREA.pitch), `page ${page.number} line ${i + 1}`).toBeCloseTo(0, 0));
    }
  });

  it('starts the text block at 28 mm from the left and 37 mm from the top', () => {
    for (const page of middlePages(d())) {
      const rows = bodyRows(page);
      expect(Math.min(...rows.map((r) => r.xMin)), `page ${page.number}`).toBeGreaterThan(AREA.left - 1);
      expect(Math.min(...rows.map((r) => r.xMin)), `page ${page.number}`).toBeLessThan(AREA.left + 1);
      expect(Math.abs(emTop(rows[0]) - AREA.top), `page ${page.number}`).toBeLessThan(1);
    }
  });

  it('fills full lines with 28 characters edge to edge', () => {
    let exact = 0;
    for (const page of d().pages) {
      const rows = textRows(page);
      rows.forEach((row, i) => {
        expect(row.xMax, `page ${page.number}: ${row.text}`).toBeLessThan(AREA.right + 0.5);
        if (row.xMax < AREA.right - 0.5 || !allWide(row.text)) return;
        const indent = Math.round((row.xMin - AREA.left) / AREA.char);
        const chars = charCount(row.text) + indent;
        const next = rows[i + 1]?.text.replace(/\s/g, '') ?? '';
        // Line-breaking rules may push one character down: then the line holds 27, stretched to the edge.
        const pushed = NO_START.includes(next[1] ?? '') || NO_START.includes(next[0] ?? '') || NO_END.includes(row.text.at(-1)!);
        if (chars === 28) exact++;
        else expect(pushed && chars === 27, `page ${page.number}: ${chars} characters in ${row.text}`).toBe(true);
      });
    }
    expect(exact).toBeGreaterThan(20);
  });

  it('numbers pages “— N —”, 7 mm below the 版心, odd right and even left one character in', () => {
    const oneChar = 14 * (25.4 / 72);
    for (const page of d().pages) {
      const [num, ...rest] = footerRows(page);
      expect(rest, `page ${page.number}`).toHaveLength(0);
      expect(num.text).toBe(`— ${page.number} —`);
      expect(Math.abs(emTop(num, 14) - (AREA.bottom + 7)), `page ${page.number}`).toBeLessThan(1.5);
      if (page.number % 2) expect(Math.abs(num.xMax - (AREA.right - oneChar))).toBeLessThan(1.5);
      else expect(Math.abs(num.xMin - (AREA.left + oneChar))).toBeLessThan(1.5);
    }
  });
});

describe('Chinese line breaking', () => {
  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const rows: Row[] = Object.values(docs).flatMap((d) => d.pages.flatMap(textRows));
    expect(rows.length).toBeGreaterThan(200);
    for (const r of rows) {
      const text = r.text.replace(/\s/g, '');
      expect(NO_START, text).not.toContain(text[0]);
      expect(NO_END, text).not.toContain(text.at(-1));
    }
  });
});

describe('the 双土镇 2023 fixture', () => {
  it('ends with body text sharing the 署名 page, the date, then the 附注', () => {
    const rows = bodyRows(docs.fixture.pages.at(-1)!).map((r) => r.text.replace(/\s/g, ''));
    const closing = rows.indexOf('特此报告');
    const date = rows.findIndex((t) => t.endsWith('2024年1月15日'));
    expect(closing, rows.join('\n')).toBeGreaterThanOrEqual(2);
    expect(date).toBeGreaterThan(closing);
    expect(rows[date + 1]).toBe('（此件公开发布）');
  });

  it('prints every figure of the sample as the sample writes it', () => {
    const text = docs.fixture.pages.flatMap((p) => p.rows.map((r) => r.text.replace(/\s/g, ''))).join('');
    for (const phrase of [
      '党委会议11次',
      '60余次',
      '1200余人次',
      '906张',
      '6.177万元',
      '406起',
      '99%',
      '25条',
      '全年未制定行政规范性文件',
      '双土委文〔2024〕2号',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});

// The 版头 modes, measured on the first page of the sample printed in each mode.
const TITLE_PT = 22;
/** The title rows: the last title line is unique, the others are the rows just above it (the 标志 repeats the organ names). */
const title = (m: HeaderMode): Row[] => {
  const rows = docs[`sample-${m}`].pages[0].rows;
  const lines = sampleDocument().title;
  const last = rows.findIndex((r) => r.text.replace(/\s/g, '') === lines.at(-1));
  const found = rows.slice(last - lines.length + 1, last + 1);
  expect(found.map((r) => r.text.replace(/\s/g, ''))).toEqual(lines);
  return found;
};
/** Grid line (0-based, fractional) whose top the row's characters start at. */
const gridLine = (top: number) => (top - AREA.top) / AREA.pitch;
const centre = (r: { xMin: number; xMax: number }) => (r.xMin + r.xMax) / 2;

describe('red 版头', () => {
  const page = (): Page => docs['sample-red'].pages[0];

  it('puts the red 标志 35 mm below the top of the 版心, 文件 to the right, vertically centred', () => {
    const [first, second] = ['中共云阳县双土镇委员会', '云阳县双土镇人民政府'].map((t) => findRow(page(), t)!);
    const suffix = findRow(page(), '文件')!;
    const size = (first.xMax - first.xMin) / 11; // the longest name sets the size
    expect(Math.abs(first.baseline - 0.88 * size - (AREA.top + 35))).toBeLessThan(1.5);
    expect(second.xMin).toBeCloseTo(first.xMin, 0); // joint names justified to one width
    expect(second.xMax).toBeCloseTo(first.xMax, 0);
    expect(suffix.xMin).toBeGreaterThan(first.xMax);
    expect(suffix.baseline).toBeCloseTo((first.baseline + second.baseline) / 2, 0);
    // Centred, with at least one character of air at each side.
    expect(first.xMin - AREA.left).toBeCloseTo(AREA.right - suffix.xMax, 0);
    expect(first.xMin).toBeGreaterThan(AREA.left + AREA.char - 0.5);
  });

  it('sets the 发文字号 left and 签发人 right, two lines below the 标志, with the red rule 4 mm under them', () => {
    const row = findRow(page(), '双土委文〔2024〕2号')!;
    const mark = findRow(page(), '云阳县双土镇人民政府')!;
    expect(row.text.replace(/\s/g, '')).toBe('双土委文〔2024〕2号签发人：张三李四');
    expect(Math.abs(row.xMin - (AREA.left + AREA.char))).toBeLessThan(0.8);
    expect(Math.abs(row.xMax - (AREA.right - AREA.char))).toBeLessThan(0.8);
    const markBottom = mark.baseline + 0.12 * ((mark.xMax - mark.xMin) / 10);
    expect((emTop(row) - markBottom) / AREA.pitch).toBeGreaterThan(1.5);
    expect((emTop(row) - markBottom) / AREA.pitch).toBeLessThan(2.5);
    const raster = rasterPage(docs['sample-red'].pdf, 1);
    const rule = horizontalLines(raster, isRed, 100);
    expect(rule.length).toBeGreaterThan(0);
    const ruleY = rule[0].yMm;
    expect(Math.abs(ruleY - (emTop(row) + 16 * MM_PER_PT + 4))).toBeLessThan(1);
    for (const line of rule) {
      expect(Math.abs(line.x0Mm - AREA.left)).toBeLessThan(0.5);
      expect(Math.abs(line.x1Mm - AREA.right)).toBeLessThan(0.5);
      expect(line.yMm - ruleY).toBeLessThan(1);
    }
    // The title starts two lines below the rule, on the body grid.
    const top = title('red')[0].baseline - 0.88 * TITLE_PT * MM_PER_PT;
    expect((top - ruleY) / AREA.pitch).toBeGreaterThan(1.5);
    expect((top - ruleY) / AREA.pitch).toBeLessThan(2.5);
  });

  it('still shows body text on page 1', () => {
    const rows = bodyRows(page());
    const recipients = rows.findIndex((r) => r.text === '县委、县政府：');
    expect(recipients).toBeGreaterThan(0);
    expect(rows.length - recipients - 1).toBeGreaterThanOrEqual(2);
  });
});

describe('title and 主送 in every mode', () => {
  it.each(['red', 'blank', 'none'] as const)('%s: title lines centred on the grid, 主送 flush left one line below', (m) => {
    const rows = title(m);
    rows.forEach((r, i) => {
      const line = gridLine(r.baseline - 0.88 * TITLE_PT * MM_PER_PT);
      expect(Math.abs(line - Math.round(line)), r.text).toBeLessThan(0.08);
      if (i) expect(Math.round(line) - Math.round(gridLine(rows[i - 1].baseline - 0.88 * TITLE_PT * MM_PER_PT))).toBe(1);
      expect(Math.abs(centre(r) - (AREA.left + AREA.right) / 2)).toBeLessThan(1);
    });
    const recipients = findRow(docs[`sample-${m}`].pages[0], '县委、县政府：')!;
    expect(Math.abs(recipients.xMin - AREA.left)).toBeLessThan(0.5);
    expect(gridLine(emTop(recipients)) - gridLine(rows.at(-1)!.baseline - 0.88 * TITLE_PT * MM_PER_PT)).toBeCloseTo(2, 1);
  });

  it('none: the title starts at the top of the 版心', () => {
    expect(Math.abs(gridLine(title('none')[0].baseline - 0.88 * TITLE_PT * MM_PER_PT))).toBeLessThan(0.1);
  });

  it('blank: the red 版头 space is kept empty, the title exactly where red puts it', () => {
    expect(countPixels(rasterPage(docs['sample-blank'].pdf, 1), isRed)).toBe(0);
    expect(findRow(docs['sample-blank'].pages[0], '双土委文')).toBeUndefined();
    expect(findRow(docs['sample-blank'].pages[0], '文件')).toBeUndefined();
    title('blank').forEach((r, i) => expect(r.baseline).toBeCloseTo(title('red')[i].baseline, 1));
    const shift = gridLine(title('red')[0].baseline) - gridLine(title('none')[0].baseline);
    expect(shift).toBeGreaterThanOrEqual(8);
    expect(Math.abs(shift - Math.round(shift))).toBeLessThan(0.05);
  });
});
