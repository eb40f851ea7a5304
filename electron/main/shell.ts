/**
 * App lifecycle: one instance, the app:// scheme and the security guards before anything
 * loads, the ledger opened from userData/ledger.db, every API method bound, then the window.
 * Kept apart from index.ts so tests can start it against a stubbed `electron`.
 */
import path from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { openContext, type LedgerContext } from '@core/api';
import { PathGrants } from '@core/api/grants';
import { Dispatcher } from '@core/api/dispatch';
import { WorkerPool } from '@core/worker/pool';
import { toErrorPayload } from '@rules/errors';
import type { Logger } from '@core/diagnostics/log';
import { bindMainMethods, exportLedger } from './dialogs';
import type { DialogDeps } from './dialog-deps';
import { bindApiTable } from './ipc';
import { buildMenuTemplate } from './menu';
import { createTrust } from './origin';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { hardenSession, installContentsGuards } from './security';
import { createMainWindow } from './window';
import { closePrintWindows, electronImprintMeasurer, electronPdfPrinter } from './report-output';
import { electronHost, logFileFor, logVersions, openAboutPage, SELF_TEST_FLAG, selfTest, selfTestSample, startLog } from './diagnostics';
import { checkElectronSqlite, chooseElectronSqlite } from './sqlite-binding';

const APP_USER_MODEL_ID = 'cn.fazhi-ledger.app';

/** Built layout: out/main/index.js beside out/preload/index.js and out/renderer/. */
const shellPaths = (mainDir: string) => ({
  preload: path.join(mainDir, '../preload/index.js'),
  renderer: path.join(mainDir, '../renderer'),
  icon: path.join(mainDir, '../../resources/icon.png'),
});

export function startShell(mainDir: string, argv: readonly string[] = process.argv): Promise<void> {
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const trust = createTrust(devUrl);
  const paths = shellPaths(mainDir);
  chooseElectronSqlite(app);

  app.enableSandbox();
  // An unpackaged run (electron-vite dev) keeps its own ledger, never the installed app's.
  if (!app.isPackaged) app.setPath('userData', `${app.getPath('userData')}-dev`);
  const logFile = logFileFor(app.getPath('userData'));
  const logger = startLog(app, logFile);
  if (argv.includes(SELF_TEST_FLAG)) return startSelfTest(mainDir, trust, logFile, logger);
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    // A second copy would open the same SQLite file; hand over to the first and leave.
    app.quit();
    return Promise.resolve();
  }
  app.setAppUserModelId(APP_USER_MODEL_ID);
  installContentsGuards(app, trust);

  let ctx: LedgerContext | null = null;
  let win: BrowserWindow | null = null;
  const getCtx = () => {
    if (!ctx) throw new Error('台账尚未打开');
    return ctx;
  };
  // Heavy methods run in a worker thread (out/main/worker.js, built beside index.js) so the window never freezes.
  const pool = new WorkerPool(path.join(mainDir, 'worker.js'));
  const deps: DialogDeps = {
    getCtx,
    dispatch: new Dispatcher(getCtx, pool, logger),
    grants: new PathGrants(),
    getWindow: () => win,
    defaultDir: app.getPath('documents'),
  };

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void pool.close();
    ctx?.close();
  });

  return app.whenReady().then(() => {
    hardenSession(session.defaultSession, trust);
    serveAppProtocol(paths.renderer);
    const userData = app.getPath('userData');
    try {
      checkElectronSqlite(app);
      ctx = openContext(path.join(userData, 'ledger.db'));
      // The core's own PDFs (登记簿, 档案袋) print through the same printToPDF as the report.
      ctx.printPdf = electronPdfPrinter;
      ctx.measureImprint = electronImprintMeasurer;
      ctx.host = electronHost(() => win, logFile);
      logVersions(logger, ctx, ctx.host);
    } catch (err) {
      logger.error(`ledger not opened ${toErrorPayload(err).code}`);
      dialog.showErrorBox('法治台账无法打开台账', toErrorPayload(err).message);
      app.quit();
      return;
    }
    bindApiTable(ipcMain, trust, deps);
    bindMainMethods(ipcMain, trust, deps);
    const template = buildMenuTemplate({
      isDev: !!devUrl,
      exportLedger: () => void menuExport(deps),
      openDataFolder: () => void shell.openPath(userData),
      showAbout: () => openAboutPage(win),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    win = createMainWindow({ trust, preload: paths.preload, stateFile: path.join(userData, 'window-state.json'), icon: paths.icon });
    win.on('closed', () => {
      win = null;
      // The kept hidden print windows would otherwise hold the app open (window-all-closed never fires).
      closePrintWindows();
    });
  });
}

/**
 * `--self-test`: no window, no single-instance lock (it may run beside the open app, the ledger is
 * only read), the same guards on the hidden print window; the exit code is the verdict.
 */
function startSelfTest(mainDir: string, trust: ReturnType<typeof createTrust>, logFile: string, logger: Logger): Promise<void> {
  installContentsGuards(app, trust);
  // The print window closing must not end the run before the results are written.
  app.on('window-all-closed', () => undefined);
  return app.whenReady().then(async () => {
    hardenSession(session.defaultSession, trust);
    const code = await selfTest({
      ledgerFile: path.join(app.getPath('userData'), 'ledger.db'),
      sampleFile: selfTestSample(mainDir, app.isPackaged),
      logFile,
      printPdf: electronPdfPrinter,
      logger,
      write: (text) => process.stdout.write(text),
    }).catch((err: unknown) => {
      process.stdout.write(`自检未能完成：${toErrorPayload(err).message}\n`);
      return 1;
    });
    app.exit(code);
  });
}

/** Export started from the menu: same code as the IPC method, result shown in a message box. */
async function menuExport(deps: DialogDeps): Promise<void> {
  const r = await exportLedger(deps).catch((err: unknown) => ({ ok: false as const, error: toErrorPayload(err) }));
  if (r.ok && r.value.canceled) return;
  await dialog.showMessageBox({
    type: r.ok ? 'info' : 'error',
    title: '导出台账',
    message: r.ok ? '台账已导出' : '导出失败',
    detail: r.ok ? (r.value as { file: string }).file : r.error.message,
  });
}
