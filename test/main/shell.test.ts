/**
 * The whole shell started against the stubbed `electron`: scheme and sandbox before ready,
 * one instance only, the ledger in userData, every method bound, the Chinese menu, the
 * guarded session and the window on app://.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { app, BrowserWindow, dialog, FakeSession, ipcMain, Menu, protocol, resetStub, session } from './support/electron-stub';
import { rendererMethodNames } from '@core/api/gate';
import { MAIN_METHOD_NAMES } from '../../electron/preload/contract';
import { startShell } from '../../electron/main/shell';
import { electronPdfPrinter } from '../../electron/main/report-output';
import { removeTempDirs, tempDir } from './support/temp';

let userData: string;
beforeEach(() => {
  userData = tempDir();
  resetStub(userData);
  return () => app.emit('will-quit'); // closes the ledger
});
afterAll(removeTempDirs);

const mainDir = '/opt/fazhi/out/main';

describe('startShell', () => {
  it('registers the scheme and enables the sandbox before the app is ready', async () => {
    const ready = app.whenReady;
    let atReady: { schemes: number; sandbox: number } | null = null;
    ready.mockImplementationOnce(() => {
      atReady = { schemes: protocol.registerSchemesAsPrivileged.mock.calls.length, sandbox: app.enableSandbox.mock.calls.length };
      return Promise.resolve();
    });
    await startShell(mainDir);
    expect(atReady).toEqual({ schemes: 1, sandbox: 1 });
  });

  it('opens the ledger in userData and binds every method', async () => {
    await startShell(mainDir);
    expect(fs.existsSync(path.join(`${userData}-dev`, 'ledger.db'))).toBe(true);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...rendererMethodNames(), ...MAIN_METHOD_NAMES].map((n) => `api:${n}`).sort());
    const r = (await ipcMain.handlers.get('api:kinds.list')!({ senderFrame: { url: 'app://fazhi/index.html', parent: null } }, {})) as {
      ok: boolean;
    };
    expect(r.ok).toBe(true);
  });

  it('uses the packaged userData as is when packaged', async () => {
    app.isPackaged = true;
    await startShell(mainDir);
    expect(fs.existsSync(path.join(userData, 'ledger.db'))).toBe(true);
  });

  it('hardens the session and every future webContents, serves app://', async () => {
    await startShell(mainDir);
    const s = session.defaultSession;
    expect(s.permissionRequest && s.permissionCheck && s.devicePermission && s.beforeRequest).toBeTruthy();
    expect(app.has('web-contents-created')).toBe(true);
    // A session made later (the print window's partition) gets the same handlers.
    const later = new FakeSession();
    app.emit('session-created', later);
    expect(later.permissionRequest && later.permissionCheck && later.beforeRequest).toBeTruthy();
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('creates one secure window on app:// with the built preload', async () => {
    await startShell(mainDir);
    expect(BrowserWindow.instances).toHaveLength(1);
    const [win] = BrowserWindow.instances;
    expect(win.loadedUrl).toBe('app://fazhi/index.html');
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join('/opt/fazhi/out/preload/index.js'),
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('destroys the kept hidden print windows when the app window closes, so they never keep the app running', async () => {
    await startShell(mainDir);
    const [main] = BrowserWindow.instances;
    await electronPdfPrinter('<p>登记簿</p>');
    const printWindow = BrowserWindow.instances[1];
    expect(printWindow.options.show).toBe(false);
    expect(printWindow.isDestroyed()).toBe(false);
    main.emit('closed');
    expect(printWindow.isDestroyed()).toBe(true);
  });

  it('sets a Chinese menu: 文件, 编辑, 视图, 帮助, with roles for editing', async () => {
    await startShell(mainDir);
    const menu = Menu.current!.template;
    expect(menu.map((m) => m.label.replace(/\(&\w\)$/, ''))).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(menu[1].submenu.map((i: { role?: string }) => i.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    const roles = menu.flatMap((m) => m.submenu.map((i: { role?: string }) => i.role));
    expect(roles).not.toContain('toggleDevTools'); // no dev server → production menu
  });

  it('quits with a Chinese message when the ledger cannot be opened', async () => {
    fs.mkdirSync(path.join(`${userData}-dev`, 'ledger.db'), { recursive: true }); // a folder where the file should be
    await startShell(mainDir);
    expect(dialog.showErrorBox).toHaveBeenCalledWith('法治台账无法打开台账', expect.any(String));
    expect(app.quit).toHaveBeenCalled();
    expect(ipcMain.handlers.size).toBe(0);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('leaves at once when another instance holds the lock', async () => {
    app.singleInstance = false;
    await startShell(mainDir);
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
