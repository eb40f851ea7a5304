/**
 * The desktop app's side of diagnostics: the log file in userData/logs (electron-log, rotated by
 * size), what only Electron knows for 关于与诊断 (its and Chromium's versions, the printers), and
 * `--self-test` — the core's checks and the sample report through Electron's printToPDF, printed
 * to stdout, exit code 0 only when all pass.
 *
 * electron-log's Node entry, not its Electron one: the Electron entry registers an
 * `__ELECTRON_LOG__` IPC handler at import (for logging from renderers) that no sender check
 * guards, and the page does not log.
 */
import path from 'node:path';
import log from 'electron-log/node';
import type { App, BrowserWindow } from 'electron';
import type { DiagnosticsHost } from '@core/diagnostics/collect';
import { errorSummary, logStart, logToFile, type Logger } from '@core/diagnostics/log';
import { runSelfTest, selfTestText } from '@core/diagnostics/self-test';
import { versionsOf } from '@core/diagnostics/collect';
import type { LedgerContext } from '@core/api';
import type { PdfPrinter } from '@core/render/pdf';

export const SELF_TEST_FLAG = '--self-test';
/** The page's route of 关于与诊断 (src/app/router.ts). */
const ABOUT_HREF = '#/about';

export const logFileFor = (userData: string): string => path.join(userData, 'logs', 'main.log');

const logUncaught = (err: Error) => log.error(`uncaught ${errorSummary(err)}`);

/** Crashes of the main process and of Chromium's processes go to the log, by reason and code only. */
export function startLog(electronApp: Pick<App, 'on'>, file: string): Logger {
  logToFile(log, file);
  // The monitor sees an uncaught exception without changing what Electron does with it.
  if (!process.listeners('uncaughtExceptionMonitor').includes(logUncaught)) process.on('uncaughtExceptionMonitor', logUncaught);
  electronApp.on('render-process-gone', (_e, _wc, d) => log.error(`renderer gone ${d.reason} exit ${d.exitCode}`));
  electronApp.on('child-process-gone', (_e, d) => log.error(`${d.type} process gone ${d.reason} exit ${d.exitCode}`));
  return log;
}

/** Electron's answers for 关于与诊断: its versions, the log file, the printers the window sees. */
export function electronHost(getWindow: () => BrowserWindow | null, logFile: string): DiagnosticsHost {
  return {
    kind: 'electron',
    electron: process.versions.electron ?? null,
    chromium: process.versions.chrome ?? null,
    logFile,
    async printers() {
      const win = getWindow();
      if (!win || win.isDestroyed()) return null;
      return (await win.webContents.getPrintersAsync()).map((p) => p.displayName || p.name);
    },
  };
}

export function logVersions(logger: Logger, ctx: LedgerContext, host: DiagnosticsHost): void {
  logStart(logger, versionsOf(ctx.db, host, ctx.appVersion), ctx.file);
}

/** 帮助 → 关于法治台账 follows the page's own 关于与诊断 link, so a form with unsaved changes asks first. */
export function openAboutPage(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.focus();
  void win.webContents.executeJavaScript(`document.querySelector('a[href="${ABOUT_HREF}"]')?.click()`).catch(() => undefined);
}

/**
 * The sample the self-test prints: the 2023 双土镇 ledger of the tests, shipped beside app.asar
 * (electron-builder.yml extraResources) and read from the source tree when unpackaged.
 */
export const selfTestSample = (mainDir: string, packaged: boolean): string =>
  packaged ? path.join(process.resourcesPath, SELF_TEST_SAMPLE_NAME) : path.join(mainDir, '../../test/fixtures/shuangtu-2023.json');

export const SELF_TEST_SAMPLE_NAME = 'self-test-ledger.json';

interface SelfTestDeps {
  ledgerFile: string;
  sampleFile: string;
  logFile: string;
  printPdf: PdfPrinter;
  logger: Logger;
  /** Where the results go (stdout in the app). */
  write(text: string): void;
}

/** Runs the checks with no window; resolves the exit code (0 = every check passed). */
export async function selfTest(d: SelfTestDeps): Promise<number> {
  // No window to ask for printers: the self-test lists none and says so.
  const host = electronHost(() => null, d.logFile);
  const r = await runSelfTest({ ledgerFile: d.ledgerFile, sampleFile: d.sampleFile, printPdf: d.printPdf, host });
  const text = selfTestText(r);
  d.write(text);
  for (const c of r.checks) if (!c.ok) d.logger.error(`self-test failed: ${c.name}`);
  d.logger.info(`self-test ${r.ok ? 'passed' : 'failed'}`);
  return r.ok ? 0 : 1;
}
