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

/**
 * Several documents printed as one PDF, each from a page of its own, then measured and split
 * back: one Chromium print and one pdftotext for a whole sweep instead of one per document.
 * The documents must share their stylesheet (same 版头 geometry); a forced break before each
 * article is the only change, so each lays out as it would alone (signature.test.ts checks
 * this against documents printed alone). `lastPage` tells where one document ends.
 */
export async function renderAndMeasureMany(
  renderer: PdfRenderer,
  name: string,
  docs: ReportDocument[],
  lastPage: (page: Page) => boolean,
): Promise<Page[][]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const htmls = docs.map((d) => renderReportHtml(d));
  const article = (html: string) => html.slice(html.indexOf('<article'), html.lastIndexOf('</article>') + '</article>'.length);
  const css = new Set(htmls.map((h) => /<style>[\s\S]*<\/style>/.exec(h)![0]));
  if (css.size !== 1) throw new Error(`${name}: the documents do not share one stylesheet`);
  const html = htmls[0]
    .replace('</style>', '.doc + .doc { break-before: page; }</style>')
    .replace(article(htmls[0]), () => htmls.map(article).join('\n'));
  writeFileSync(resolve(OUT_DIR, `${name}.html`), html);
  const pdf = resolve(OUT_DIR, `${name}.pdf`);
  writeFileSync(pdf, await renderer.render(html));
  const groups: Page[][] = [[]];
  for (const page of pdfPages(pdf)) {
    groups.at(-1)!.push(page);
    if (lastPage(page)) groups.push([]);
  }
  if (groups.at(-1)!.length === 0) groups.pop();
  if (groups.length !== docs.length) throw new Error(`${name}: ${docs.length} documents printed, ${groups.length} found in the PDF`);
  return groups;
}

export const findRow = (page: Page, text: string): Row | undefined => page.rows.find((r) => r.text.replace(/\s/g, '').includes(text));
