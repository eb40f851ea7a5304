/**
 * Writes the assembled report to a file, choosing the format by extension (.html, .pdf, .docx),
 * atomically, and records what the output was computed from. The PDF step is injectable:
 * Electron passes its own printToPDF, the CLI and tests use headless Chromium.
 */
import path from 'node:path';
import { LedgerError } from '@rules/errors';
import { writeFileAtomic } from '../fs/atomic';
import type { LedgerContext } from '../context';
import { htmlToPdf, measureImprint as chromiumImprint, type ImprintMeasurer, type PdfPrinter } from '../render/pdf';
import { assembleYear } from './assemble';
import { renderReportHtml } from '../render/html';
import { renderReportDocx } from '../render/docx';
import { recordOutput } from './provenance';
import type { AssembledReport, FigureUse } from './assemble';
import type { Db } from '../db/open';

const REPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

function formatOf(file: string): ReportFormat {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(ext)) {
    throw new LedgerError('VALIDATION', `不支持的输出格式“.${ext}”，请使用 .html、.pdf 或 .docx`);
  }
  return ext as ReportFormat;
}

export const defaultReportFileName = (year: number, format: ReportFormat) => `关于${year}年法治政府建设情况的报告.${format}`;

/**
 * The DOCX puts the 版记 where the PDF's pages do (an even page, after a blank page if need be), so
 * its HTML is laid out first: by `measureImprint`, else in headless Chromium like the PDF.
 */
export async function renderReport(
  report: AssembledReport,
  format: ReportFormat,
  printPdf?: PdfPrinter,
  measureImprint?: ImprintMeasurer,
): Promise<Uint8Array | string> {
  const html = renderReportHtml(report.document);
  if (format === 'docx') {
    if (!report.document.imprint) return renderReportDocx(report.document);
    const measure = measureImprint ?? chromiumImprint;
    return renderReportDocx(report.document, { imprint: (await measure(html)) ?? undefined });
  }
  if (format === 'html') return html;
  return (printPdf ?? htmlToPdf)(html);
}

/** The year's report rendered (HTML text or DOCX bytes) with the figure uses it was made from. */
type RenderedReport = { content: string | Uint8Array; uses: FigureUse[] };

/**
 * How one shell renders: in this process, or in the worker with the 版记 laid out in its own
 * window first. `printPdf` is the shell's printer (headless Chromium, Electron's printToPDF).
 */
export interface ReportRenderer {
  render(year: number, format: 'html' | 'docx'): Promise<RenderedReport>;
  printPdf: PdfPrinter;
}

/**
 * The one order every saved output follows: render (the PDF printed from the HTML), hand the
 * content to `deliver` (a file, the page's download), and only then record what it was made from,
 * so a failed write leaves no record of an output that does not exist.
 */
export async function outputReport(
  db: Db,
  year: number,
  format: ReportFormat,
  renderer: ReportRenderer,
  deliver: (content: string | Uint8Array) => Promise<void> | void,
): Promise<void> {
  const rendered = await renderer.render(year, format === 'pdf' ? 'html' : format);
  await deliver(format === 'pdf' ? await renderer.printPdf(rendered.content as string) : rendered.content);
  recordOutput(db, year, format, rendered.uses);
}

/** Renders in this process: assembles once, the 版记 laid out by the context's measurer (else headless Chromium). */
export function inProcessRenderer(ctx: LedgerContext, report: AssembledReport, printPdf?: PdfPrinter): ReportRenderer {
  return {
    render: async (_year, format) => ({ content: await renderReport(report, format, printPdf, ctx.measureImprint), uses: report.uses }),
    printPdf: printPdf ?? htmlToPdf,
  };
}

export async function exportReport(ctx: LedgerContext, year: number, file: string, printPdf?: PdfPrinter): Promise<AssembledReport> {
  const format = formatOf(file);
  const report = assembleYear(ctx.db, year);
  await outputReport(ctx.db, year, format, inProcessRenderer(ctx, report, printPdf), (content) => writeFileAtomic(file, content));
  return report;
}
