/**
 * Report → PDF through headless Chromium: warm (browser already running, the app's and the CLI's
 * case) held to 1.5 s, and cold (launch + render + close) for reference.
 */
import { resolve } from 'node:path';
import { renderReportHtml } from '@core/render/html';
import { PdfRenderer, type PdfRendererOptions } from '@core/render/pdf';
import { longDocument } from '../test/support/sample-document';
import { timeMedian, type BenchRow } from './row';

/** The tests' fontconfig keeps the 公文 faces resolving to the same Noto CJK fonts as in CI. */
const OPTS: PdfRendererOptions = {
  env: { FONTCONFIG_FILE: process.env.FONTCONFIG_FILE ?? resolve(__dirname, '../test/support/fonts.conf') },
};

const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

export async function run(): Promise<BenchRow[]> {
  const doc = longDocument();
  doc.header.mode = 'red';
  const htmlMs = await timeMedian(20, () => renderReportHtml(doc));

  const renderer = await PdfRenderer.launch(OPTS);
  let pages: number;
  let warmMs: number;
  try {
    pages = pageCount(await renderer.render(renderReportHtml(doc))); // first document loads the fonts
    warmMs = await timeMedian(5, () => renderer.render(renderReportHtml(doc)));
  } finally {
    await renderer.close();
  }

  const coldMs = await timeMedian(3, async () => {
    const cold = await PdfRenderer.launch(OPTS);
    try {
      await cold.render(renderReportHtml(doc));
    } finally {
      await cold.close();
    }
  });

  return [
    { name: 'render-html: 报告 → HTML', ms: htmlMs },
    { name: `render-html: 报告 → PDF, warm browser (${pages} pages)`, ms: warmMs, targetMs: 1500 },
    { name: `render-html: 报告 → PDF, cold (launch + render + close)`, ms: coldMs, note: `${pages} pages` },
  ];
}
