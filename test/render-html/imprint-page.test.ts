/**
 * The 版记 on an even page (GB/T 9704 7.4, 7.5), measured in the PDF: it stays under the text when the
 * text ends on an even page with room for it; it moves to the next page when the text ends on an odd
 * page; after an unnumbered blank page when the text fills an even page. The page holding only the 版记
 * and the blank page carry no page number; without a 版记 nothing is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '@core/render/html';
import type { PdfRenderer } from '@core/render/pdf';
import { sharedPdfRenderer } from '../support/chromium';
import { lengthenedDocument } from '../support/sample-document';
import type { Page } from './measure';
import { horizontalLines, isDark, rasterPage } from './raster';
import { AREA, bodyRows, findRow, footerRows, renderAndMeasure } from './support';

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await sharedPdfRenderer();
});
afterAll(() => renderer?.close());

const CC = '抄送：县委依法治县办。';
const ISSUE = '双土镇党政办公室2024年1月15日印发';
const DATE = '2024年1月15日';
const text = (page: Page) => page.rows.map((r) => r.text.replace(/\s/g, '')).join('\n');
const pageNumberOf = (page: Page) =>
  footerRows(page)
    .map((r) => r.text.replace(/\s/g, ''))
    .join('');
/** The page whose body carries the 署名's date (the text's last page). */
const textEnd = (pages: Page[]) => pages.filter((p) => bodyRows(p).some((r) => r.text.replace(/\s/g, '') === DATE)).at(-1)!.number;

function expectImprintAtFoot(pdf: string, page: Page) {
  const rows = bodyRows(page).map((r) => r.text.replace(/\s/g, ''));
  expect(rows.slice(-2)).toEqual([CC, ISSUE]);
  const rules = horizontalLines(rasterPage(pdf, page.number, 200), isDark, 150);
  expect(Math.abs(Math.max(...rules.map((r) => r.yMm)) - AREA.bottom)).toBeLessThan(0.6);
}

// Filler lengths chosen by measuring (each case re-checks where the text ends before anything else).
const EVEN_WITH_ROOM = 12;
const EVEN_FULL = 22;
const ODD = 30;

describe('版记 on an even page', () => {
  it('text ending on an even page with room: the 版记 shares its last page, numbered as before', async () => {
    const d = await renderAndMeasure(renderer, 'imprint-even-room', lengthenedDocument(EVEN_WITH_ROOM, true));
    expect(d.pages).toHaveLength(2);
    expect(textEnd(d.pages)).toBe(2);
    expectImprintAtFoot(d.pdf, d.pages[1]);
    expect(pageNumberOf(d.pages[1])).toBe('—2—');
  });

  it('text ending on an odd page: the 版记 alone on the next, even, page, without a page number', async () => {
    const d = await renderAndMeasure(renderer, 'imprint-odd', lengthenedDocument(ODD, true));
    expect(textEnd(d.pages)).toBe(3);
    expect(d.pages).toHaveLength(4);
    expect(findRow(d.pages[2], CC)).toBeUndefined();
    expect(pageNumberOf(d.pages[2])).toBe('—3—');
    const last = d.pages[3];
    expect(text(last)).toBe(`${CC}\n${ISSUE}`);
    expectImprintAtFoot(d.pdf, last);
  });

  it('text filling an even page: an unnumbered blank page, then the 版记 alone on the next even page', async () => {
    const d = await renderAndMeasure(renderer, 'imprint-even-full', lengthenedDocument(EVEN_FULL, true));
    expect(textEnd(d.pages)).toBe(2);
    expect(d.pages).toHaveLength(4);
    expect(pageNumberOf(d.pages[1])).toBe('—2—');
    expect(d.pages[2].rows).toEqual([]);
    // Nothing printed at all on the blank page, not even a rule.
    expect(horizontalLines(rasterPage(d.pdf, 3, 100), isDark, 5)).toEqual([]);
    expect(text(d.pages[3])).toBe(`${CC}\n${ISSUE}`);
    expectImprintAtFoot(d.pdf, d.pages[3]);
  });

  it.each([
    ['even page', EVEN_FULL, 2],
    ['odd page', ODD, 3],
  ])('without a 版记 nothing is added (text ending on an %s)', async (_, filler, pages) => {
    const d = await renderAndMeasure(renderer, `no-imprint-${filler}`, lengthenedDocument(filler, false));
    expect(d.pages).toHaveLength(pages);
    expect(pageNumberOf(d.pages.at(-1)!)).toBe(`—${pages}—`);
  });

  it('reports where the 版记 went, without printing', async () => {
    const html = renderReportHtml(lengthenedDocument(EVEN_FULL, true));
    const fit = await renderer.imprintFit(html);
    expect(fit).toMatchObject({ placement: 'alone', page: 4, blankPages: 1 });
    expect(await renderer.imprintFit(renderReportHtml(lengthenedDocument(EVEN_WITH_ROOM, true)))).toMatchObject({
      placement: 'shared',
      page: 2,
      blankPages: 0,
    });
    expect(await renderer.imprintFit(renderReportHtml(lengthenedDocument(ODD, false)))).toBeNull();
  });
});
