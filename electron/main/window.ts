/**
 * The single main window: restored to its last place, isolated and sandboxed without Node,
 * shown once its first paint is ready, and its bounds saved when it closes.
 */
import fs from 'node:fs';
import { BrowserWindow, dialog, screen } from 'electron';
import type { Trust } from './origin';
import { fitToDisplays, loadWindowState, MIN_SIZE, saveWindowState } from './window-state';

interface MainWindowOptions {
  trust: Trust;
  preload: string;
  stateFile: string;
  /** Window icon for unpackaged runs; the packaged exe carries its own. */
  icon?: string;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const state = fitToDisplays(
    loadWindowState(opts.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: '法治台账',
    backgroundColor: '#ffffff',
    icon: opts.icon && fs.existsSync(opts.icon) ? opts.icon : undefined,
    // Spelled out here, not built by a helper, so static checkers (electronegativity) see them.
    webPreferences: {
      // electronegativity: PRELOAD_JS_CHECK reviewed — the preload exposes one invoker per API
      // method and nothing generic (no ipcRenderer, invoke or send); test/main/preload.test.ts.
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click must not open anything either.
      disableBlinkFeatures: 'Auxclick',
      // The spellchecker downloads Hunspell dictionaries from a Google CDN: no remote content.
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    try {
      // Normal bounds, so a maximized window comes back to its un-maximized size too.
      saveWindowState(opts.stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (err) {
      console.warn('[window] could not save window state', err);
    }
  });
  // The renderer sets beforeunload while 年度报告 has unsaved edits; Electron shows no dialog of
  // its own (the close would just be cancelled), so ask here and let the clerk leave anyway.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: '法治台账',
      message: '有修改尚未保存，确定离开吗？',
      buttons: ['离开不保存', '留在此页'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) event.preventDefault();
  });
  void win.loadURL(opts.trust.entryUrl);
  return win;
}
