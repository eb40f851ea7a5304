/** 版头 modes measured in the PDF: red 标志, 字号/签发人 line and rule; blank keeps the height; none starts with the title. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfRenderer } from '@core/render/pdf';
import { sharedPdfRenderer } from '../support/chromium';
import type { HeaderMode } from '@rules/report/document';
import { sampleDocument } from '../support/sample-document';
import { MM_PER_PT, type Page, type Row } from './measure';
import { countPixels, horizontalLines, isRed, rasterPage } from './raster';
import { AREA, bodyRows, emTop, findRow, renderAndMeasure, type Rendered } from './support';

let renderer: PdfRenderer;
const out = {} as Record<HeaderMode, Rendered>;

beforeAll(async () => {
  renderer = await sharedPdfRenderer();
  for (const mode of ['red', 'blank', 'none'] as const) {
    const doc = sampleDocument();
    doc.header.mode = mode;
    out[mode] = await renderAndMeasure(renderer, `header-${mode}`, doc);
  }
});
afterAll(() => renderer?.close());

const TITLE_PT = 22;
/** The title rows: the last title line is unique, the others are the rows just above it (the 标志 repeats the organ names). */
const title = (m: HeaderMode): Row[] => {
  const rows = out[m].pages[0].rows;
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
  const page = (): Page => out.red.pages[0];

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
    const raster = rasterPage(out.red.pdf, 1);
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
    const recipients = findRow(out[m].pages[0], '县委、县政府：')!;
    expect(Math.abs(recipients.xMin - AREA.left)).toBeLessThan(0.5);
    expect(gridLine(emTop(recipients)) - gridLine(rows.at(-1)!.baseline - 0.88 * TITLE_PT * MM_PER_PT)).toBeCloseTo(2, 1);
  });

  it('none: the title starts at the top of the 版心', () => {
    expect(Math.abs(gridLine(title('none')[0].baseline - 0.88 * TITLE_PT * MM_PER_PT))).toBeLessThan(0.1);
  });

  it('blank: the red 版头 space is kept empty, the title exactly where red puts it', () => {
    expect(countPixels(rasterPage(out.blank.pdf, 1), isRed)).toBe(0);
    expect(findRow(out.blank.pages[0], '双土委文')).toBeUndefined();
    expect(findRow(out.blank.pages[0], '文件')).toBeUndefined();
    title('blank').forEach((r, i) => expect(r.baseline).toBeCloseTo(title('red')[i].baseline, 1));
    const shift = gridLine(title('red')[0].baseline) - gridLine(title('none')[0].baseline);
    expect(shift).toBeGreaterThanOrEqual(8);
    expect(Math.abs(shift - Math.round(shift))).toBeLessThan(0.05);
  });
});
