/**
 * The DOCX puts the 版记 where the report's pages do (GB/T 9704 7.4, 7.5): under the text when it ends on
 * an even page with room; alone on the next page when it ends on an odd one; after a blank page when it
 * fills an even one. Rendered through renderReport with the placement measured in Chromium, laid out by
 * LibreOffice (the condensed variant, which paginates as Word does) and measured on its PDF: page count
 * equal to the Chromium PDF's, the 版记 on the last page, which is even, its last rule on the bottom of the
 * 版心, the blank page and the 版记's own page without text or page number. Without a 版记 nothing is added.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARGIN, TYPE_AREA, type ImprintPlacement } from '@rules/layout';
import { renderReportDocx } from '@core/render/docx';
import { renderReportHtml } from '@core/render/html';
import { type PdfRenderer, placementOf } from '@core/render/pdf';
import { sharedPdfRenderer } from '../support/chromium';
import { renderReport } from '@core/report/export';
import type { AssembledReport } from '@core/report/assemble';
import { lengthenedDocument } from '../support/sample-document';
import { pdfPages } from '../render-html/measure';
import { horizontalLines, isDark, rasterPage } from '../render-html/raster';
import { loadDocx } from './docx-parts';
import { pageNumberRow, readPdf, rows, rowsWithin, type PdfPage } from './measure';
import { OUTPUT_DIR, convertToPdf, previewPages } from './soffice';

const BOTTOM = MARGIN.topMm + TYPE_AREA.heightMm;
const CC = '抄送：县委依法治县办。';
const ISSUE = '双土镇党政办公室2024年1月15日印发';
const DATE = '2024年1月15日';

interface Case {
  name: string;
  filler: number;
  imprint: boolean;
  /** Where the text ends, and the pages in all. */
  textEnd: number;
  pages: number;
}
// Filler lengths as in test/render-html/imprint-page.test.ts.
const CASES: Case[] = [
  { name: 'even-room', filler: 12, imprint: true, textEnd: 2, pages: 2 },
  { name: 'odd', filler: 30, imprint: true, textEnd: 3, pages: 4 },
  { name: 'even-full', filler: 22, imprint: true, textEnd: 2, pages: 4 },
  { name: 'odd-none', filler: 30, imprint: false, textEnd: 3, pages: 3 },
  { name: 'even-none', filler: 22, imprint: false, textEnd: 2, pages: 2 },
];

const dir = path.join(OUTPUT_DIR, 'imprint-page');
const laidOut: Record<string, { pdf: string; pages: PdfPage[]; chromiumPages: number }> = {};

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await sharedPdfRenderer();
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const chromiumPages: Record<string, number> = {};
  for (const c of CASES) {
    const doc = lengthenedDocument(c.filler, c.imprint);
    const html = renderReportHtml(doc);
    const chromiumPdf = path.join(dir, `${c.name}-chromium.pdf`);
    fs.writeFileSync(chromiumPdf, await renderer.render(html));
    chromiumPages[c.name] = pdfPages(chromiumPdf).length;
    // The production path: renderReport lays the HTML out to place the 版记, then writes the DOCX.
    let placement: ImprintPlacement | null = null;
    const measure = async (h: string) => (placement = placementOf(await renderer.imprintFit(h)));
    const made = await renderReport({ document: doc } as AssembledReport, 'docx', undefined, measure);
    expect(placement === null).toBe(!c.imprint);
    // It writes the Word grid; LibreOffice needs the condensed variant to paginate like Word.
    const expected = await renderReportDocx(doc, { imprint: placement ?? undefined });
    expect((await loadDocx(Buffer.from(made as Uint8Array))).document).toBe((await loadDocx(expected)).document);
    const file = path.join(dir, `${c.name}.docx`);
    fs.writeFileSync(file, await renderReportDocx(doc, { charGrid: 'condensed', imprint: placement ?? undefined }));
    files.push(file);
  }
  convertToPdf(files, dir).forEach((pdf, i) => {
    const c = CASES[i];
    const pages = readPdf(pdf);
    laidOut[c.name] = { pdf, pages, chromiumPages: chromiumPages[c.name] };
    previewPages(
      pdf,
      pages.map((p) => p.number),
    );
  });
});
afterAll(() => renderer?.close());

const texts = (page: PdfPage) => rows(page).map((r) => r.compact);
const pageNumber = (page: PdfPage) => pageNumberRow(page)?.n ?? null;

describe('DOCX: the 版记 on an even page, as in the PDF', () => {
  it.each(CASES)('$name: text ends on page $textEnd, $pages pages, as many as the Chromium PDF', (c) => {
    const { pages, chromiumPages } = laidOut[c.name];
    expect(pages).toHaveLength(c.pages);
    expect(chromiumPages).toBe(c.pages);
    const end = pages.filter((p) => texts(p).includes(DATE)).at(-1)!;
    expect(end.number).toBe(c.textEnd);
    expect(pageNumber(end)).toBe(c.textEnd);
  });

  it.each(CASES.filter((c) => c.imprint))(
    '$name: the 版记 ends the last page, an even one, its last rule on the bottom of the 版心',
    (c) => {
      const { pdf, pages } = laidOut[c.name];
      const last = pages.at(-1)!;
      expect(last.number % 2).toBe(0);
      // Page number left out: the 版记's rows are the last ones in the 版心.
      expect(
        rowsWithin(last, 0, BOTTOM + 1)
          .map((r) => r.compact)
          .slice(-2),
      ).toEqual([CC, ISSUE]);
      const rules = horizontalLines(rasterPage(pdf, last.number, 200), isDark, 150);
      expect(Math.abs(Math.max(...rules.map((r) => r.yMm)) - BOTTOM)).toBeLessThan(1);
      for (const p of pages.slice(0, -1)) expect(texts(p), `page ${p.number}`).not.toContain(CC);
    },
  );

  it('alone on its page: no page number there, nor text other than the 版记', () => {
    for (const name of ['odd', 'even-full']) {
      const last = laidOut[name].pages.at(-1)!;
      expect(texts(last), name).toEqual([CC, ISSUE]);
      expect(pageNumber(last), name).toBeNull();
    }
    expect(pageNumber(laidOut['even-room'].pages[1])).toBe(2);
  });

  it('the blank page before it: no text, no page number, nothing drawn', () => {
    const { pdf, pages } = laidOut['even-full'];
    expect(pages[2].lines).toEqual([]);
    expect(horizontalLines(rasterPage(pdf, 3, 100), isDark, 5)).toEqual([]);
    expect(laidOut['odd'].pages.every((p) => p.lines.length > 0)).toBe(true);
  });

  it('without a 版记: one section, the last page numbered', () => {
    for (const name of ['odd-none', 'even-none']) {
      const last = laidOut[name].pages.at(-1)!;
      expect(pageNumber(last), name).toBe(last.number);
    }
  });
});
