/**
 * The end of the report measured in the PDF: sealed and unsealed 署名, 附注, 版记, and a sweep that
 * moves the end of the body across a whole page to prove the 署名 never stands alone. Documents
 * that share a stylesheet are printed together, each from a page of its own (docs/testing.md): the
 * three 署名 layouts in one PDF, the three sweeps' 66 documents in another; the sweep checks that
 * documents printed alone lay out the same. The 版记 document is printed alone (its placement is
 * laid out over the whole document).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfRenderer } from '@core/render/pdf';
import { sharedPdfRenderer } from '../support/chromium';
import type { Block, ReportDocument } from '@rules/report/document';
import { lengthenedDocument, sampleDocument, shortDocument } from '../support/sample-document';
import { MM_PER_PT, type Page, type Row } from './measure';
import { horizontalLines, isDark, rasterPage } from './raster';
import { AREA, bodyRows, emTop, findRow, renderAndMeasure, renderAndMeasureMany } from './support';

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await sharedPdfRenderer();
});
afterAll(() => renderer?.close());

const DATE = '2024年1月15日';
const NOTE = '（此件公开发布）';
const [PARTY, GOV] = ['中共云阳县双土镇委员会', '云阳县双土镇人民政府'];
const centre = (r: { xMin: number; xMax: number }) => (r.xMin + r.xMax) / 2;
const lines = (a: Row, b: Row) => (b.baseline - a.baseline) / AREA.pitch;
const wordOf = (row: Row, text: string) => row.words.find((w) => w.text.replace(/\s/g, '') === text)!;

/** The rows of the last page with the indexes of 特此报告 and the date; body rows precede 特此报告. */
function ending(page: Page) {
  const rows = bodyRows(page);
  const closing = rows.findIndex((r) => r.text === '特此报告');
  const date = rows.findIndex((r) => r.text.replace(/\s/g, '').endsWith(DATE));
  return { rows, closing, date, bodyBefore: closing };
}

/** A print made once, by the first test that needs it. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** The three 署名 layouts, each document ending on the page with its date. */
const layouts = once(async () => {
  const sealed = sampleDocument();
  const single = shortDocument();
  single.signature = { organs: [GOV], date: DATE, layout: 'sealed' };
  const unsealed = sampleDocument();
  unsealed.signature = { ...unsealed.signature, layout: 'unsealed' };
  const [a, b, c] = await renderAndMeasureMany(renderer, 'sig-layouts', [sealed, single, unsealed], (page) => ending(page).date >= 0);
  return { sealed: a, single: b, unsealed: c };
});

describe('sealed joint 署名 (一左一右)', () => {
  it('leaves room for two 42 mm seals, names side by side, date under the last organ, 附注 after it', async () => {
    const { rows, closing, date, bodyBefore } = ending((await layouts()).sealed.at(-1)!);
    expect(bodyBefore).toBeGreaterThanOrEqual(2);
    const names = rows[date - 1];
    // Two blank lines between the text and the names: with the name and date lines, 4 lines ≈ 40.9 mm for the seal,
    // whose top is within one line of the text and whose bottom stays above the 附注.
    expect(lines(rows[closing], names)).toBeCloseTo(3, 1);
    expect(lines(names, rows[date])).toBeCloseTo(1, 1);
    const [party, gov] = [wordOf(names, PARTY), wordOf(names, GOV)];
    expect(Math.abs(centre(party) - (AREA.left + 39))).toBeLessThan(2);
    expect(Math.abs(centre(gov) - (AREA.left + 117))).toBeLessThan(2);
    expect(Math.abs(centre(rows[date]) - centre(gov))).toBeLessThan(1);
    // Seals centred on the names stay inside the 版心 and apart.
    expect(centre(party) - 21).toBeGreaterThan(AREA.left);
    expect(centre(gov) + 21).toBeLessThan(AREA.right);
    expect(centre(gov) - centre(party)).toBeGreaterThan(42);
    const note = rows[date + 1];
    expect(note.text.replace(/\s/g, '')).toBe(NOTE);
    expect(lines(rows[date], note)).toBeCloseTo(1, 1);
    expect(Math.abs(note.xMin - (AREA.left + 2 * AREA.char))).toBeLessThan(0.6);
  });

  it('single organ: name centred over the date, date four characters in from the right', async () => {
    const single = (await layouts()).single;
    expect(single).toHaveLength(1);
    const { rows, closing, date } = ending(single[0]);
    expect(Math.abs(rows[date].xMax - (AREA.right - 4 * AREA.char))).toBeLessThan(0.8);
    expect(Math.abs(centre(rows[date - 1]) - centre(rows[date]))).toBeLessThan(1);
    expect(lines(rows[closing], rows[date - 1])).toBeCloseTo(3, 1);
  });
});

describe('unsealed 署名', () => {
  it('one blank line, organs stacked two characters in from the right, date two characters further in', async () => {
    const { rows, closing, date } = ending((await layouts()).unsealed.at(-1)!);
    const [party, gov] = [rows[date - 2], rows[date - 1]];
    expect([party.text, gov.text]).toEqual([PARTY, GOV]);
    expect(lines(rows[closing], party)).toBeCloseTo(2, 1);
    expect(Math.abs(party.xMax - (AREA.right - 2 * AREA.char))).toBeLessThan(0.8);
    expect(gov.xMin).toBeCloseTo(party.xMin, 0);
    expect(Math.abs(rows[date].xMin - (party.xMin + 2 * AREA.char))).toBeLessThan(0.8);
    expect(rows[date + 1].text.replace(/\s/g, '')).toBe(NOTE);
  });
});

describe('版记', () => {
  it('sits on the last page with its last rule on the bottom of the 版心', async () => {
    // Text ending on an even page with room for it; the other endings: imprint-page.test.ts.
    const d = await renderAndMeasure(renderer, 'imprint', lengthenedDocument(12, true));
    const last = d.pages.at(-1)!;
    const cc = findRow(last, '抄送：县委依法治县办。')!;
    const issue = findRow(last, '双土镇党政办公室')!;
    const oneChar = 14 * MM_PER_PT;
    expect(Math.abs(cc.xMin - (AREA.left + oneChar))).toBeLessThan(0.8);
    expect(Math.abs(issue.xMin - (AREA.left + oneChar))).toBeLessThan(0.8);
    expect(Math.abs(issue.xMax - (AREA.right - oneChar))).toBeLessThan(0.8);
    expect(issue.text.replace(/\s/g, '')).toBe('双土镇党政办公室2024年1月15日印发');
    expect(findRow(last, NOTE)!.baseline).toBeLessThan(cc.baseline);
    const rules = horizontalLines(rasterPage(d.pdf, last.number, 200), isDark, 150);
    const bottom = Math.max(...rules.map((r) => r.yMm));
    expect(Math.abs(bottom - AREA.bottom)).toBeLessThan(0.6);
    for (const r of rules) expect([Math.abs(r.x0Mm - AREA.left), Math.abs(r.x1Mm - AREA.right)].every((e) => e < 0.5)).toBe(true);
  });
});

interface Sweep {
  layout: 'sealed' | 'unsealed';
  closing: boolean;
  heading: boolean;
}

/** Last paragraph of 1–4 lines, after a heading or after a long paragraph. */
const lastLines = (filler: number) => (filler % 4) + 1;

/** A document whose body ends `filler` lines further down each time. */
function sweepDocument(filler: number, s: Sweep): ReportDocument {
  const doc = shortDocument();
  const text = '依法行政水平持续提升法治政府建设稳步推进'.repeat(60);
  const para = (chars: number): Block => ({ type: 'paragraph', runs: [{ text: text.slice(0, chars) + '。' }] });
  const heading: Block[] = s.heading ? [{ type: 'heading', level: 1, runs: [{ text: '四、下一步工作安排' }] }] : [];
  doc.body = [...doc.body, para(28 * filler - 4), ...heading, para(28 * lastLines(filler) - 6)];
  doc.signature = { ...doc.signature, layout: s.layout };
  if (!s.closing) doc.closing = '';
  return doc;
}

/** Body rows of each page, to compare two prints of one document. */
const layoutOf = (pages: Page[]) => pages.map((p) => bodyRows(p).map((r) => ({ text: r.text, baseline: r.baseline, xMin: r.xMin })));

function expectSameLayout(alone: Page[], together: Page[], name: string): void {
  const [a, b] = [layoutOf(alone), layoutOf(together)];
  expect(
    b.map((rows) => rows.map((r) => r.text)),
    `${name}: rows per page, printed with the others vs alone`,
  ).toEqual(a.map((rows) => rows.map((r) => r.text)));
  a.forEach((rows, p) =>
    rows.forEach((r, i) => {
      expect(Math.abs(b[p][i].baseline - r.baseline), `${name}: page ${p + 1} row ${i + 1} baseline`).toBeLessThan(0.05);
      expect(Math.abs(b[p][i].xMin - r.xMin), `${name}: page ${p + 1} row ${i + 1} left edge`).toBeLessThan(0.05);
    }),
  );
}

const SWEEPS: Sweep[] = [
  { layout: 'sealed', closing: true, heading: false },
  { layout: 'sealed', closing: true, heading: true },
  { layout: 'unsealed', closing: false, heading: false },
];
const fillers = Array.from({ length: 22 }, (_, i) => 8 + i);

/** All three sweeps' documents in one print, 22 per sweep in SWEEPS' order; each ends on the page with its 署名 date. */
const sweepPrint = once(() =>
  renderAndMeasureMany(
    renderer,
    'sweeps',
    SWEEPS.flatMap((s) => fillers.map((filler) => sweepDocument(filler, s))),
    (page) => ending(page).date >= 0,
  ),
);

describe('the 署名 never stands alone', () => {
  it.each<Sweep>(SWEEPS)('%o: wherever the body ends, text shares the 署名 page', async (s) => {
    const label = `sweep-${s.layout}${s.closing ? '' : '-noclosing'}${s.heading ? '-heading' : ''}`;
    const from = SWEEPS.findIndex((x) => JSON.stringify(x) === JSON.stringify(s)) * fillers.length;
    expect(from).toBeGreaterThanOrEqual(0);
    const printed = (await sweepPrint()).slice(from, from + fillers.length);
    let pushed = 0;
    let firstPushed: number | undefined;
    for (const [i, filler] of fillers.entries()) {
      const name = `${label}-${filler}`;
      const d = { pages: printed[i] };
      const { rows, closing, date } = ending(d.pages.at(-1)!);
      expect(date, name).toBeGreaterThan(0);
      // Text rows above the 署名, 特此报告 included: at least two; and two of the body itself unless
      // the last paragraph is a single line without 特此报告 after it (Chromium cannot do better, see blocks.ts).
      const sigStart = date - (s.layout === 'sealed' ? 1 : 2);
      expect(sigStart, `${name}: text lines before the 署名`).toBeGreaterThanOrEqual(s.closing || lastLines(filler) > 1 ? 2 : 1);
      if (s.closing) expect(closing, name).toBe(sigStart - 1);
      if (s.closing && lastLines(filler) > 1) expect(closing, `${name}: body lines before 特此报告`).toBeGreaterThanOrEqual(2);
      if (s.heading) {
        for (const page of d.pages)
          expect(bodyRows(page).at(-1)?.text, `${name}: heading left at a page foot`).not.toBe('四、下一步工作安排');
      }
      if (d.pages.length < 2) continue;
      // The page before gives up lines only when the group could not have stayed with two lines on it.
      const before = bodyRows(d.pages.at(-2)!).length;
      if (before < 22) {
        pushed++;
        firstPushed ??= i;
      }
      const usedOnLast = Math.round((emTop(rows.at(-1)!) - AREA.top) / AREA.pitch) + 1;
      expect(before + usedOnLast, name).toBeGreaterThan(22);
    }
    expect(pushed).toBeGreaterThan(3);
    // Printed alone, the shortest document and the first whose lines were pushed lay out exactly as in the sweep's print.
    for (const i of [0, firstPushed!]) {
      const alone = await renderAndMeasure(renderer, `${label}-${fillers[i]}`, sweepDocument(fillers[i], s));
      expectSameLayout(alone.pages, printed[i], `${label}-${fillers[i]}`);
    }
  });
});
