/**
 * Writes the assembled report to a file, choosing the format by extension (.html, .pdf, .docx),
 * atomically, and records what the output was computed from. The PDF step is injectable:
 * Electron passes its own printToPDF, the CLI and tests use headless Chromium.
 */
import path from 'node:path';
import { LedgerError } from '@rules/errors';
import { writeFileAtomic } from '../fs/atomic';
import type { LedgerContext } from '../context';
import type { ImprintMeasurer, PdfPrinter } from '../render/pdf';
import { assembleYear } from './assemble';
import { renderReportHtml } from '../render/html';
import { renderReportDocx } from '../render/docx';
import { recordOutput } from './provenance';
import type { AssembledReport } from './assemble';

export const REPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatOf(file: string): ReportFormat {
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
    const measure = measureImprint ?? (await import('../render/pdf')).measureImprint;
    return renderReportDocx(report.document, { imprint: (await measure(html)) ?? undefined });
  }
  if (format === 'html') return html;
  if (!printPdf) {
    const { htmlToPdf } = await import('../render/pdf');
    return htmlToPdf(html);
  }
  return printPdf(html);
}

export async function exportReport(ctx: LedgerContext, year: number, file: string, printPdf?: PdfPrinter): Promise<AssembledReport> {
  const format = formatOf(file);
  const report = assembleYear(ctx.db, year);
  writeFileAtomic(file, await renderReport(report, format, printPdf, ctx.measureImprint));
  recordOutput(ctx.db, year, format, report.uses);
  return report;
}
