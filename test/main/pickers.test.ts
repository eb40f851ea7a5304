/** The backup pickers (host.pickFolder, host.pickBackupFile) on a stubbed Electron: options, cancel, the path, the sender check and zod. */
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { BrowserWindow, dialog, ipcMain } from './support/electron-stub';
import type { LedgerContext } from '@core/api';
import type { DialogDeps } from '../../electron/main/dialog-deps';
import { createTrust } from '../../electron/main/origin';
import { bindPickers, pickBackupFile, pickFolder } from '../../electron/main/pickers';
import { removeTempDirs } from './support/temp';
import { freshDialogEnv } from './support/dialog-env';

let dir: string;
let ctx: LedgerContext;
let deps: DialogDeps;

beforeEach(() => {
  ({ dir, ctx, deps } = freshDialogEnv());
  return () => ctx.close();
});
afterAll(removeTempDirs);

const ours = { senderFrame: { url: 'app://fazhi/index.html', parent: null } };

describe('host.pickFolder', () => {
  it('opens a folder dialog in the Documents folder and answers canceled when the clerk cancels', async () => {
    expect(await pickFolder(deps, {})).toEqual({ canceled: true });
    const opts = dialog.showOpenDialog.mock.calls[0][0] as { properties: string[]; defaultPath: string; title: string };
    expect(opts.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(opts.defaultPath).toBe(dir);
    expect(opts.title).toBe('选择备份保存到的文件夹');
  });

  it('answers the chosen folder, the dialog modal to the main window', async () => {
    const win = new BrowserWindow({});
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/金士顿'] });
    expect(await pickFolder({ ...deps, getWindow: () => win as never }, { defaultPath: '/media' })).toEqual({
      canceled: false,
      path: '/media/金士顿',
    });
    expect(dialog.showOpenDialog.mock.calls[0][0]).toBe(win);
    expect((dialog.showOpenDialog.mock.calls[0][1] as { defaultPath: string }).defaultPath).toBe('/media');
  });
});

describe('host.pickBackupFile', () => {
  it('filters to .ftzb and answers the chosen file', async () => {
    const file = path.join(dir, '法治台账备份_双土镇_2024-01-15_0930.ftzb');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    expect(await pickBackupFile(deps, {})).toEqual({ canceled: false, path: file });
    const opts = dialog.showOpenDialog.mock.calls[0][0] as { properties: string[]; filters: unknown[] };
    expect(opts.properties).toEqual(['openFile']);
    expect(opts.filters).toEqual([{ name: '法治台账备份文件', extensions: ['ftzb'] }]);
  });

  it('treats an empty selection as canceled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [] });
    expect(await pickBackupFile(deps, {})).toEqual({ canceled: true });
  });
});

describe('IPC binding', () => {
  it('binds both behind the sender check, validating the payload with zod', async () => {
    expect(bindPickers(ipcMain, createTrust(), deps)).toEqual(['host.pickFolder', 'host.pickBackupFile']);
    const folder = ipcMain.handlers.get('api:host.pickFolder')!;
    const file = ipcMain.handlers.get('api:host.pickBackupFile')!;
    expect(await folder(ours, {})).toEqual({ ok: true, value: { canceled: true } });
    expect(await file(ours, undefined)).toEqual({ ok: true, value: { canceled: true } });
    expect(await folder(ours, { defaultPath: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await file(ours, { defaultPath: 'x'.repeat(5000) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await file({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(2);
  });
});
