/** Main-only methods: export through the save dialog (atomic write), import after a confirmation. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { dialog, ipcMain } from './support/electron-stub';
import { callApi, openContext, type LedgerContext } from '@core/api';
import { bindMainMethods, exportLedger, importLedger } from '../../electron/main/dialogs';
import type { DialogDeps } from '../../electron/main/dialog-deps';
import { createTrust } from '../../electron/main/origin';
import { removeTempDirs } from './support/temp';
import { freshDialogEnv } from './support/dialog-env';
import { PROGRESS_CHANNEL } from '@rules/api/methods';

let dir: string;
let ctx: LedgerContext;
let deps: DialogDeps;

beforeEach(() => {
  ({ dir, ctx, deps } = freshDialogEnv());
  return () => ctx.close();
});
afterAll(removeTempDirs);

const settingsOf = async (c: LedgerContext) => ((await callApi(c, 'settings.get', {})) as { ok: true; value: unknown }).value;

describe('file.exportLedger', () => {
  it('does nothing when the clerk cancels', async () => {
    expect(await exportLedger(deps)).toEqual({ ok: true, value: { canceled: true } });
  });

  it('writes the exchange file where the clerk chose, with no temp file left', async () => {
    const target = path.join(dir, 'out', '导出.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await exportLedger(deps)).toEqual({ ok: true, value: { canceled: false, file: target } });
    expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toMatchObject({ format: 'fazhi-ledger-exchange' });
    expect(fs.readdirSync(path.dirname(target))).toEqual(['导出.json']);
    const opts = dialog.showSaveDialog.mock.calls[0][0] as { defaultPath: string; filters: unknown[] };
    expect(opts.defaultPath.startsWith(dir)).toBe(true);
    expect(opts.filters).toEqual([{ name: '法治台账交换文件', extensions: ['json'] }]);
  });
});

describe('file.importLedger', () => {
  const exchangeFile = async () => {
    const other = openContext(path.join(dir, 'other.db'));
    const text = (await callApi(other, 'exchange.export', {})) as { ok: true; value: string };
    other.close();
    const file = path.join(dir, '交换.json');
    fs.writeFileSync(file, text.value);
    return file;
  };

  it('asks before replacing the ledger, and leaves it alone when the clerk says 取消', async () => {
    const file = await exchangeFile();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await importLedger(deps)).toEqual({ ok: true, value: { canceled: true } });
    const box = dialog.showMessageBox.mock.calls[0][0] as { buttons: string[]; cancelId: number };
    expect(box.buttons).toEqual(['导入并替换', '取消']);
    expect(box.cancelId).toBe(1);
  });

  it('imports after 导入并替换 and reports the record count', async () => {
    const file = await exchangeFile();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await importLedger(deps)).toEqual({ ok: true, value: { canceled: false, file, records: 0 } });
    expect(await settingsOf(ctx)).toBeTruthy();
  });

  it('sends the import’s progress to the window’s corner note, on the renderer jobs’ channel', async () => {
    const file = await exchangeFile();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    const send = vi.fn();
    const withWindow: DialogDeps = { ...deps, getWindow: () => ({ isDestroyed: () => false, webContents: { send } }) as never };
    const call = vi.spyOn(deps.dispatch, 'call');
    await importLedger(withWindow);
    const onProgress = call.mock.calls[0][2];
    expect(call.mock.calls[0][0]).toBe('exchange.importFile');
    onProgress!({ method: 'exchange.importFile', label: '写入中', done: 1, total: 2 });
    expect(send).toHaveBeenCalledWith(PROGRESS_CHANNEL, { method: 'exchange.importFile', label: '写入中', done: 1, total: 2 });
  });

  it('passes the core’s Chinese error through for a file that is not an exchange file', async () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{"hello":1}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    const r = await importLedger(deps);
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(r.ok || r.error.message).toMatch(/不是法治台账交换文件/);
  });
});

describe('IPC binding', () => {
  it('binds every main-only method under api:<name> with the same sender check and input validation', async () => {
    const names = bindMainMethods(ipcMain, createTrust(), deps);
    expect(names).toEqual([
      'file.exportLedger',
      'file.importLedger',
      'host.reportPdf',
      'host.printReport',
      'host.saveReport',
      'host.pickFolder',
      'host.pickBackupFile',
    ]);
    const ours = { senderFrame: { url: 'app://fazhi/index.html', parent: null } };
    const h = ipcMain.handlers.get('api:file.exportLedger')!;
    expect(await h(ours, {})).toEqual({ ok: true, value: { canceled: true } });
    expect(await h(ours, 'not an object')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });
});
