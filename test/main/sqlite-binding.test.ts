/**
 * Which SQLite addon the shell loads: under plain Node the package's own build (tests, CLI,
 * harness); under Electron the Electron build `npm start` fetched (a checkout) or the one in
 * resources/native (packaged), for main and its worker alike. A wrong or missing addon stops the
 * app with a Chinese message naming the command that fixes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { app, dialog, resetStub } from './support/electron-stub';
import { devSqliteBindingDir, SQLITE_ADDON } from '@core/db/electron-binding';
import { sqliteBinding, sqliteBindingError, useSqliteBinding } from '@core/db/sqlite';
import { startShell } from '../../electron/main/shell';
import { chooseSqliteBinding, SETUP_COMMAND } from '../../electron/main/sqlite-binding';
import { removeTempDirs, tempDir } from './support/temp';

const NODE_BUILD = path.resolve(__dirname, '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const mainDir = '/opt/fazhi/out/main';
const rt = { isPackaged: false, resourcesPath: '/opt/法治台账/resources', appPath: '/src/fazhi', platform: 'win32', arch: 'x64' };

/** Runs fn as if in Electron: process.versions.electron set, as Electron sets it. */
function asElectron() {
  Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true, enumerable: true });
}

let userData: string;
beforeEach(() => {
  userData = tempDir();
  resetStub(userData);
  return () => {
    app.emit('will-quit');
    delete (process.versions as Record<string, string | undefined>).electron;
    useSqliteBinding(undefined);
  };
});
afterEach(() => vi.restoreAllMocks());
afterAll(removeTempDirs);

describe('chooseSqliteBinding', () => {
  it('keeps the package default under plain Node', () => {
    expect(chooseSqliteBinding({ ...rt, electron: undefined })).toBeUndefined();
    expect(chooseSqliteBinding({ ...rt, electron: undefined, isPackaged: true })).toBeUndefined();
  });

  it("uses the checkout's Electron build, or the packaged resources/native one, under Electron", () => {
    expect(chooseSqliteBinding({ ...rt, electron: '45.5.0' })).toBe(
      path.join(devSqliteBindingDir('/src/fazhi', 'win32', 'x64'), SQLITE_ADDON),
    );
    expect(chooseSqliteBinding({ ...rt, electron: '45.5.0' })).toContain(path.join('better-sqlite3', 'build-electron', 'win32-x64'));
    expect(chooseSqliteBinding({ ...rt, electron: '45.5.0', isPackaged: true })).toBe(
      path.join('/opt/法治台账/resources', 'native', SQLITE_ADDON),
    );
  });
});

describe('the shell opens the ledger with the chosen addon', () => {
  it('under Node: the package default', async () => {
    await startShell(mainDir);
    expect(sqliteBinding()).toBeUndefined();
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(`${userData}-dev`, 'ledger.db'))).toBe(true);
  });

  it('under Electron: the addon in the checkout, loaded by main (the built worker takes it too: test/worker/sqlite-binding.test.ts)', async () => {
    // A stand-in for the Electron build: Node's own, copied to where `npm start` puts Electron's.
    const root = tempDir('fazhi-checkout-');
    const addon = path.join(devSqliteBindingDir(root, process.platform, process.arch), SQLITE_ADDON);
    fs.mkdirSync(path.dirname(addon), { recursive: true });
    fs.copyFileSync(NODE_BUILD, addon);
    app.appPath = root;
    asElectron();
    await startShell(mainDir);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(sqliteBinding()).toBe(addon);
    expect(fs.existsSync(path.join(`${userData}-dev`, 'ledger.db'))).toBe(true);
  });

  it('a missing Electron build stops the app with the command that fetches it', async () => {
    app.appPath = tempDir('fazhi-checkout-');
    asElectron();
    await startShell(mainDir);
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    const [, message] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(message).toContain('找不到为本程序的 Electron 准备的 SQLite 组件');
    expect(message).toContain(SETUP_COMMAND);
    expect(app.quit).toHaveBeenCalled();
  });

  it('an addon that does not load (npm rebuild, copied node_modules) stops the app with the same command', async () => {
    const root = tempDir('fazhi-checkout-');
    const addon = path.join(devSqliteBindingDir(root, process.platform, process.arch), SQLITE_ADDON);
    fs.mkdirSync(path.dirname(addon), { recursive: true });
    fs.writeFileSync(addon, 'not a library');
    app.appPath = root;
    asElectron();
    await startShell(mainDir);
    const [, message] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(message).toContain('不是为本程序的 Electron 版本编译的');
    expect(message).toContain(`在项目文件夹运行 ${SETUP_COMMAND}`);
    expect(message).not.toMatch(/^\s+at /m);
    expect(app.quit).toHaveBeenCalled();
  });

  it('the packaged app asks for a reinstall instead of a command', async () => {
    app.isPackaged = true;
    Object.defineProperty(process, 'resourcesPath', { value: tempDir('fazhi-resources-'), configurable: true });
    asElectron();
    try {
      await startShell(mainDir);
    } finally {
      delete (process as { resourcesPath?: string }).resourcesPath;
    }
    const [, message] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(message).toContain('请重新安装法治台账');
  });
});

describe('one place opens SQLite', () => {
  it('no module under electron/ but core/db/sqlite.ts constructs a Database or imports better-sqlite3 as a value', () => {
    const electronDir = path.resolve(__dirname, '../../electron');
    const offenders: string[] = [];
    for (const rel of fs.readdirSync(electronDir, { recursive: true }) as string[]) {
      if (!/\.(ts|cjs|js)$/.test(rel) || rel === path.join('core', 'db', 'sqlite.ts')) continue;
      const text = fs.readFileSync(path.join(electronDir, rel), 'utf8');
      if (/new Database\(|import (?!type )[^;]*from 'better-sqlite3'|require\('better-sqlite3'\)/.test(text)) offenders.push(rel);
    }
    // A connection opened anywhere else would load Node's build inside Electron.
    expect(offenders).toEqual([]);
  });
});

describe('sqliteBindingError', () => {
  it("names Node's own wording of an ABI mismatch as a wrong build", () => {
    // What Node says when a .node built for another NODE_MODULE_VERSION is loaded.
    const err = Object.assign(
      new Error(
        "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150.",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const e = sqliteBindingError(err, '/x/better_sqlite3.node', `在项目文件夹运行 ${SETUP_COMMAND}`);
    expect(e.message).toContain('不是为本程序的 Electron 版本编译的');
    expect(e.message).toContain('npm run setup:electron');
    expect(e.message).not.toContain('NODE_MODULE_VERSION');
  });
});
