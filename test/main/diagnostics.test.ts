/**
 * Main's side of diagnostics against the stubbed `electron`: the printers and the log file the
 * host answers for 关于与诊断, the log of every call bound to IPC, 帮助 → 关于法治台账 following the
 * page's own link, and `--self-test` — no window, no IPC, the sample report printed (by headless
 * Chromium standing in for printToPDF), the results on stdout and the exit code as the verdict.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));
// Electron's printToPDF cannot run here; the same HTML goes through headless Chromium instead.
vi.mock('../../electron/main/report-output', async (original) => {
  const { htmlToPdf } = await import('@core/render/pdf');
  return { ...(await original<object>()), electronPdfPrinter: (html: string) => htmlToPdf(html) };
});

import { app, BrowserWindow, ipcMain, Menu, resetStub } from './support/electron-stub';
import { startShell } from '../../electron/main/shell';
import { electronHost, selfTestSample, SELF_TEST_SAMPLE_NAME } from '../../electron/main/diagnostics';
import { removeTempDirs, tempDir } from './support/temp';
import { SCHEMA_VERSION } from '@core/db/migrations';
import type { Diagnostics } from '@rules/diagnostics';

const ROOT = path.resolve(__dirname, '../..');
const mainDir = path.join(ROOT, 'out/main');
const trusted = { senderFrame: { url: 'app://fazhi/index.html', parent: null } };

let userData: string;
beforeEach(() => {
  userData = tempDir();
  resetStub(userData);
  return () => app.emit('will-quit');
});
afterAll(removeTempDirs);

const dataDir = () => `${userData}-dev`;
const logText = () => fs.readFileSync(path.join(dataDir(), 'logs', 'main.log'), 'utf8');

describe('the host’s facts', () => {
  it('lists the printers the window sees by their shown names, none without a window', async () => {
    const win = new BrowserWindow({});
    win.webContents.printers = [
      { name: 'HP_LaserJet_1020', displayName: 'HP LaserJet 1020', description: '', options: {} },
      { name: 'Microsoft_Print_to_PDF', displayName: '', description: '', options: {} },
    ];
    const host = electronHost(() => win as never, '/data/logs/main.log');
    expect(await host.printers()).toEqual(['HP LaserJet 1020', 'Microsoft_Print_to_PDF']);
    expect(host.logFile).toBe('/data/logs/main.log');
    expect(await electronHost(() => null, 'x').printers()).toBeNull();
    win.destroyed = true;
    expect(await host.printers()).toBeNull();
  });

  it('answers diagnostics.collect with the ledger, the log file and the printers', async () => {
    await startShell(mainDir, ['electron', '.']);
    BrowserWindow.instances[0].webContents.printers = [{ name: 'p1', displayName: '党政办打印机', description: '', options: {} }];
    const r = (await ipcMain.handlers.get('api:diagnostics.collect')!(trusted, {})) as { ok: true; value: Diagnostics };
    expect(r.ok).toBe(true);
    expect(r.value.host).toBe('electron');
    expect(r.value.printers).toEqual(['党政办打印机']);
    expect(r.value.logFile).toBe(path.join(dataDir(), 'logs', 'main.log'));
    expect(r.value.ledger).toMatchObject({ path: path.join(dataDir(), 'ledger.db'), schemaVersion: SCHEMA_VERSION, integrity: null });
  });

  it('logs the versions at start and every call’s outcome', async () => {
    await startShell(mainDir, ['electron', '.']);
    await ipcMain.handlers.get('api:kinds.list')!(trusted, {});
    await ipcMain.handlers.get('api:records.get')!(trusted, { id: 'no-such-record' });
    const text = logText();
    expect(text).toMatch(/start 法治台账 \S+; electron -; chromium -; node \d+/);
    expect(text).toContain(`ledger ${path.join(dataDir(), 'ledger.db')}`);
    expect(text).toMatch(/job kinds\.list ok \d+ms/);
    expect(text).toMatch(/job records\.get failed \d+ms NOT_FOUND/);
  });

  it('帮助 → 关于法治台账 follows the page’s 关于与诊断 link', async () => {
    await startShell(mainDir, ['electron', '.']);
    const help = Menu.current!.template.find((m) => m.label.startsWith('帮助'));
    help.submenu.find((i: { label: string }) => i.label === '关于法治台账').click();
    const [code] = BrowserWindow.instances[0].webContents.executeJavaScript.mock.calls[0];
    expect(code).toBe(`document.querySelector('a[href="#/about"]')?.click()`);
  });
});

describe('--self-test', () => {
  const run = async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      await startShell(mainDir, ['fazhi-ledger.exe', '--self-test']);
    } finally {
      write.mockRestore();
    }
    return out.join('');
  };

  it('runs the checks and the sample report without a window, and exits 0', async () => {
    const out = await run();
    expect(out).toContain('[通过] 报告PDF：示例台账2023年报告');
    expect(out).toContain(`[通过] 日志文件：${path.join(dataDir(), 'logs', 'main.log')}`);
    expect(out).toContain('[通过] 台账文件：尚未创建');
    expect(out.trimEnd().endsWith('自检通过。')).toBe(true);
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(fs.existsSync(path.join(dataDir(), 'ledger.db'))).toBe(false); // only read, never created
    expect(logText()).toContain('self-test passed');
  });

  it('exits 1 with the Chinese reason when the ledger is not a ledger', async () => {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(path.join(dataDir(), 'ledger.db'), Buffer.alloc(4096, 7));
    const out = await run();
    expect(out).toMatch(/\[失败\] 台账文件：无法打开：.*不是法治台账文件/);
    expect(out).toMatch(/自检未通过：1项失败。/);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(logText()).toContain('self-test failed: 台账文件');
  });

  it('reads the packaged sample from resources', () => {
    const was = process.resourcesPath;
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/法治台账/resources', configurable: true });
    try {
      expect(selfTestSample(mainDir, true)).toBe(path.join('/opt/法治台账/resources', SELF_TEST_SAMPLE_NAME));
    } finally {
      Object.defineProperty(process, 'resourcesPath', { value: was, configurable: true });
    }
    expect(fs.existsSync(selfTestSample(mainDir, false))).toBe(true);
  });
});
