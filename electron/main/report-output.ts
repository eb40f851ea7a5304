/**
 * The report's host methods in Electron: the saved report printed to PDF in a hidden window, kept
 * for the next document (the preview shows exactly these pages), the same
 * layout in a window of its own sent to the system print dialog, and 导出 PDF/Word through a save
 * dialog. Bound with the one sender-checked wrapper, payloads checked by zod.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { LedgerError } from '@rules/errors';
import { IMPRINT_FIT_SCRIPT, type ImprintFit } from '@core/render/html';
import { defaultReportFileName, outputReport, type ReportRenderer } from '@core/report/export';
import type { ImprintMeasurer, PdfPrinter } from '@core/render/pdf';
import { printPages } from '@core/render/print-pages';
import { keptPool } from '@core/render/kept-pool';
import type { ImprintPlacement } from '@rules/layout';
import { writeFileAtomicAsync } from '@core/fs/atomic';
import { recordOutput } from '@core/report/provenance';
import type { HostMethodName, HostMethods } from '@rules/host-contract';
import type { Result } from '../preload/contract';
import type { DialogDeps } from './dialog-deps';
import { progressToWindow } from './progress';
import { parseHostInput } from '@rules/host-input';
import { handleTrusted, type IpcRegistrar } from './ipc';
import type { Trust } from './origin';

/** A4 at 96 dpi: the hidden window lays out at the paper's width. */
const A4_PX = { width: 794, height: 1123 };
/**
 * Delay before destroying a window whose print job has just been handed over: closing it at the
 * callback crashes or loses the job (electron/electron#19946, electron/electron#28192).
 */
const PRINT_WINDOW_LINGER_MS = 2000;

/** A hidden window to print in (a renderer process of its own: kept for the next document, below). */
function createPrintWindow(): BrowserWindow {
  // No preload, sandboxed, in the default session (so the shell's permission and request guards
  // cover it). JavaScript stays on only so main can await document.fonts.ready; the report's own
  // CSP (default-src 'none') forbids it any script or request. Written out here, not in a
  // constant, so electronegativity can read it.
  return new BrowserWindow({
    show: false,
    ...A4_PX,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/**
 * Loads the report HTML into `win` and waits for its fonts: printing before fonts load prints
 * fallback metrics (Joplin InteropServiceHelper; puppeteer/puppeteer#422). Then lays out the 版记.
 */
async function loadReport(win: BrowserWindow, html: string): Promise<ImprintFit | null> {
  // From a file, not a data: URL: Chromium refuses URLs past 2 MB, which a long report with
  // many tables reaches. The file sits in a private temp folder only while the page loads.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-report-'));
  const file = path.join(dir, 'report.html');
  try {
    fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
    await win.loadURL(pathToFileURL(file).href);
    await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
    const fit = (await win.webContents.executeJavaScript(IMPRINT_FIT_SCRIPT)) as unknown;
    return isImprintFit(fit) ? fit : null;
  } finally {
    // Loaded (fonts included) or failed: either way the page no longer needs the file.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The page's answer, checked: it comes back from a renderer process. */
const isImprintFit = (v: unknown): v is ImprintFit =>
  typeof v === 'object' &&
  v !== null &&
  ((v as ImprintFit).placement === 'shared' || (v as ImprintFit).placement === 'alone') &&
  ((v as ImprintFit).blankPages === 0 || (v as ImprintFit).blankPages === 1);

/** A kept print window is destroyed after this long without a document (each holds a renderer process's memory). */
const PRINT_WINDOW_IDLE_MS = 5 * 60_000;

/** The hidden print windows, kept for the next document as the harness keeps its pages (../core/render/kept-pool.ts). */
const printWindows = keptPool<BrowserWindow>({
  create: createPrintWindow,
  usable: (w) => !w.isDestroyed() && !w.webContents.isCrashed(),
  dispose: (w) => {
    if (!w.isDestroyed()) w.destroy();
  },
  size: printPages(),
  idleMs: PRINT_WINDOW_IDLE_MS,
});

/** Destroys the kept print windows (the app window closed: they must not keep the app running). */
export const closePrintWindows = (): void => void printWindows.close();

/** Where the report's pages put the 版记, laid out in a hidden window like printToPDF's (the DOCX follows it). */
export const electronImprintMeasurer: ImprintMeasurer = (html) =>
  printWindows.run(async (win) => {
    const fit = await loadReport(win, html);
    return fit && { placement: fit.placement, blankPages: fit.blankPages };
  });

/**
 * Electron's printToPDF, set like the harness's page.pdf(): the CSS @page decides size and
 * margins (A4, 37/35/28/26 mm), backgrounds print, no header or footer templates.
 */
export const electronPdfPrinter: PdfPrinter = (html) =>
  printWindows.run(async (win) => {
    await loadReport(win, html);
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    return new Uint8Array(pdf);
  });

/** The report rendered in the worker (assembly and rendering are the heavy part), with its figure uses. */
type Rendered<C> = { content: C; uses: Parameters<typeof recordOutput>[3] };
const renderInWorker = <C extends string | Uint8Array>(
  deps: DialogDeps,
  year: number,
  format: 'html' | 'docx',
  imprint?: ImprintPlacement | null,
) => deps.dispatch.value<Rendered<C>>('report.render', { year, format, imprint }, progressToWindow(deps));

/** The DOCX, its 版记 placed where the report's pages put it: laid out here first, the worker has no browser. */
async function renderDocx(deps: DialogDeps, year: number): Promise<Rendered<Uint8Array>> {
  const html = await renderInWorker<string>(deps, year, 'html');
  return renderInWorker<Uint8Array>(deps, year, 'docx', await electronImprintMeasurer(html.content));
}

export async function reportPdf(deps: DialogDeps, input: HostMethods['host.reportPdf']['input']): Promise<Uint8Array> {
  const { content } = await renderInWorker<string>(deps, input.year, 'html');
  return electronPdfPrinter(content);
}

const PRINT_FAILURES: Record<string, string> = {
  'no valid printers available': '本机没有可用的打印机，请先安装打印机，或导出PDF后打印',
};

/**
 * The system print dialog for the report window. Chromium's own print preview cannot be shown in
 * Electron (electron/electron#4890), so the app's preview is the printToPDF pages. Options: A4,
 * backgrounds, no printer margins. Electron's print path keeps honouring the CSS @page margins
 * whatever marginType says (its InitPrintSettings resets ignore_css_margins), so the 版心 stays
 * at 37/35/28/26 mm and nothing is scaled. Two-sided on the long edge by default, as offices print
 * 公文 (the 版记 page is the back of the last sheet); the clerk can switch it off in the dialog,
 * which shows these options as its defaults. The window lives until the callback and a little
 * after it: destroying it earlier crashes or loses the job (electron/electron#19946, electron/electron#28192).
 */
export async function printReport(deps: DialogDeps, input: HostMethods['host.printReport']['input']): Promise<{ printed: boolean }> {
  const report = await renderInWorker<string>(deps, input.year, 'html');
  // A window of its own, not a kept one: it must outlive the dialog's callback (below).
  const win = createPrintWindow();
  try {
    await loadReport(win, report.content);
  } catch (err) {
    win.destroy();
    throw err;
  }
  const outcome = await new Promise<{ ok: boolean; reason: string }>((resolve) => {
    win.webContents.print(
      { silent: false, printBackground: true, pageSize: 'A4', margins: { marginType: 'none' }, duplexMode: 'longEdge' },
      (ok, reason) => resolve({ ok, reason: String(reason ?? '') }),
    );
  });
  setTimeout(() => {
    if (!win.isDestroyed()) win.destroy();
  }, PRINT_WINDOW_LINGER_MS);
  if (outcome.ok) {
    recordOutput(deps.getCtx().db, input.year, 'print', report.uses);
    return { printed: true };
  }
  if (/cancel/i.test(outcome.reason)) return { printed: false };
  throw new LedgerError('IO', PRINT_FAILURES[outcome.reason.toLowerCase()] ?? `打印失败：${outcome.reason || '未知原因'}`);
}

const FILTERS: Record<'pdf' | 'docx', SaveDialogOptions['filters']> = {
  pdf: [{ name: 'PDF 文件', extensions: ['pdf'] }],
  docx: [{ name: 'Word 文档', extensions: ['docx'] }],
};

export async function saveReport(
  deps: DialogDeps,
  input: HostMethods['host.saveReport']['input'],
): Promise<HostMethods['host.saveReport']['output']> {
  const options: SaveDialogOptions = {
    title: input.format === 'pdf' ? '导出PDF' : '导出Word',
    defaultPath: path.join(deps.defaultDir, defaultReportFileName(input.year, input.format)),
    filters: FILTERS[input.format],
  };
  const win = deps.getWindow();
  const pick = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
  if (pick.canceled || !pick.filePath) return { canceled: true };
  // The extension decides the format in exportReport; a name typed without one gets it added.
  const file = path.extname(pick.filePath).toLowerCase() === `.${input.format}` ? pick.filePath : `${pick.filePath}.${input.format}`;
  // Rendered in the worker; only printToPDF (Chromium's work, awaited) and the write happen here.
  const renderer: ReportRenderer = {
    render: (year, format) => (format === 'docx' ? renderDocx(deps, year) : renderInWorker<string>(deps, year, 'html')),
    printPdf: electronPdfPrinter,
  };
  await outputReport(deps.getCtx().db, input.year, input.format, renderer, (bytes) => writeFileAtomicAsync(file, bytes));
  return { canceled: false, file };
}

/** Binds the host methods through the sender-checked wrapper; returns the names bound. */
export function bindReportOutput(ipc: IpcRegistrar, trust: Trust, deps: DialogDeps): HostMethodName[] {
  const run = <K extends HostMethodName>(name: K, fn: (input: HostMethods[K]['input']) => Promise<HostMethods[K]['output']>) =>
    handleTrusted(ipc, name, trust, async (payload): Promise<Result> => ({ ok: true, value: await fn(parseHostInput(name, payload)) }));
  run('host.reportPdf', (i) => reportPdf(deps, i));
  run('host.printReport', (i) => printReport(deps, i));
  run('host.saveReport', (i) => saveReport(deps, i));
  return ['host.reportPdf', 'host.printReport', 'host.saveReport'];
}
