/**
 * The report's host methods in the browser harness: the PDF from headless Chromium (the same
 * print pipeline as Electron's printToPDF), files handed back as bytes for the page to download,
 * and printing refused with a clear message. One browser is started on first use and kept warm.
 */
import { assembleYear } from '@core/report/assemble';
import type { LedgerContext } from '@core/api';
import { LedgerError } from '@rules/errors';
import { renderReportHtml } from '@core/render/html';
import { PdfRenderer, placementOf, type PdfPrinter } from '@core/render/pdf';
import { defaultReportFileName, inProcessRenderer, outputReport, type ReportFormat } from '@core/report/export';
import { parseHostInput, REPORT_MIME } from '@rules/host-input';
import { HOST_METHOD_NAMES, type DownloadedFile, type HostMethodName } from '@rules/host-contract';

/** What a host call answers over HTTP: raw bytes to send as they are, or a JSON value. */
type HostAnswer = { bytes: DownloadedFile } | { value: unknown };

interface HarnessReportOutput {
  call(name: string, payload: unknown): Promise<HostAnswer>;
  /** Starts the printing browser now and warms it (PdfRenderer.warm): the first PDF then waits for neither. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

const PRINT_UNAVAILABLE = '浏览器版请下载PDF后打印';

const isHostMethod = (name: string): name is HostMethodName => (HOST_METHOD_NAMES as readonly string[]).includes(name);

/** Like exportReport, minus the file: the page downloads the bytes. Records the output the same way. */
async function exportBytes(ctx: LedgerContext, year: number, format: ReportFormat, pdfOf: PdfPrinter): Promise<Uint8Array> {
  let bytes = new Uint8Array();
  const renderer = inProcessRenderer(ctx, assembleYear(ctx.db, year), pdfOf);
  await outputReport(ctx.db, year, format, renderer, (out) => {
    bytes = typeof out === 'string' ? new TextEncoder().encode(out) : new Uint8Array(out);
  });
  return bytes;
}

/** `startRenderer` gives the browser to print in: by default a Chromium launched for this harness. */
export function createHarnessReportOutput(
  ctx: LedgerContext,
  startRenderer: () => Promise<PdfRenderer> = () => PdfRenderer.launch(),
): HarnessReportOutput {
  let renderer: Promise<PdfRenderer> | null = null;
  const withRenderer = async <T>(fn: (r: PdfRenderer) => Promise<T>): Promise<T> => {
    renderer ??= startRenderer();
    try {
      return await fn(await renderer);
    } catch (err) {
      // A browser that failed to start (or died) is started again next time.
      renderer = null;
      throw err;
    }
  };
  const pdfOf = (html: string) => withRenderer(async (r) => new Uint8Array(await r.render(html)));

  // The core's own PDFs (登记簿, 档案袋) and the DOCX's 版记 placement use the same warm browser.
  ctx.printPdf = pdfOf;
  ctx.measureImprint = (html) => withRenderer(async (r) => placementOf(await r.imprintFit(html)));

  return {
    warm: () => withRenderer((r) => r.warm()),
    async call(name, payload) {
      if (!isHostMethod(name)) throw new LedgerError('UNKNOWN_METHOD', `未知的操作：${name}`);
      switch (name) {
        case 'host.reportPdf': {
          const { year } = parseHostInput(name, payload);
          const bytes = await pdfOf(renderReportHtml(assembleYear(ctx.db, year).document));
          return { bytes: { fileName: defaultReportFileName(year, 'pdf'), mime: REPORT_MIME.pdf, bytes } };
        }
        case 'host.printReport':
          parseHostInput(name, payload);
          throw new LedgerError('VALIDATION', PRINT_UNAVAILABLE);
        case 'host.saveReport': {
          const { year, format } = parseHostInput(name, payload);
          const bytes = await exportBytes(ctx, year, format, pdfOf);
          return { bytes: { fileName: defaultReportFileName(year, format), mime: REPORT_MIME[format], bytes } };
        }
        case 'host.pickFolder':
        case 'host.pickBackupFile':
          // The server's stand-ins answer these before they get here (a browser has no native picker).
          throw new LedgerError('UNKNOWN_METHOD', `未知的操作：${name}`);
      }
    },
    async close() {
      const r = renderer;
      renderer = null;
      if (r) await (await r.catch(() => null))?.close();
    },
  };
}
