/** Shared by the render-html tests: where outputs go, the 版心 in mm, and render-and-measure. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHARS_PER_LINE, LINES_PER_PAGE, MARGIN, TYPE_AREA } from '@rules/layout';
import type { ReportDocument } from '@rules/report/document';
import { renderReportHtml } from '@core/render/html';
import type { PdfRenderer } from '@core/render/pdf';
import { MM_PER_PT, pdfPages, type Page, type Row } from './measure';

export const OUT_DIR = resolve(__dirname, '../../test-output/render-html');

export const AREA = {
  top: MARGIN.topMm,
  left: MARGIN.leftMm,
  right: MARGIN.leftMm + TYPE_AREA.widthMm,
  bottom: MARGIN.topMm + TYPE_AREA.heightMm,
  pitch: TYPE_AREA.heightMm / LINES_PER_PAGE,
  char: TYPE_AREA.widthMm / CHARS_PER_LINE,
};

/** Top of the ideographic em box (0.88 em above the baseline in CJK fonts): what a ruler reads as the top of a line. */
export const emTop = (row: Row, pt = 16): number => row.baseline - 0.88 * pt * MM_PER_PT;

export const bodyRows = (page: Page): Row[] => page.rows.filter((r) => r.baseline > AREA.top && r.baseline < AREA.bottom);
export const footerRows = (page: Page): Row[] => page.rows.filter((r) => r.baseline > AREA.bottom);

export interface Rendered {
  name: string;
  pdf: string;
  pages: Page[];
}

export async function renderAndMeasure(renderer: PdfRenderer, name: string, doc: ReportDocument): Promise<Rendered> {
  mkdirSync(OUT_DIR, { recursive: true });
  const html = renderReportHtml(doc);
  writeFileSync(resolve(OUT_DIR, `${name}.html`), html);
  const pdf = resolve(OUT_DIR, `${name}.pdf`);
  writeFileSync(pdf, await renderer.render(html));
  return { name, pdf, pages: pdfPages(pdf) };
}

export const findRow = (page: Page, text: string): Row | undefined => page.rows.find((r) => r.text.replace(/\s/g, '').includes(text));
