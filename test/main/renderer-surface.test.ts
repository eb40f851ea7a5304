/**
 * The renderer reaches only what the screens use, and only paths the main process
 * handed out. A compromised page (any script in it) holds exactly window.api; these tests call
 * the IPC handlers as such a page would, on a stubbed Electron with a real ledger and real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { dialog, ipcMain } from './support/electron-stub';
import { apiTable, callApi, type LedgerContext } from '@core/api';
import { RENDERER_METHOD_NAMES } from '@rules/api/methods';
import { EXPOSED_METHOD_NAMES } from '../../electron/preload/contract';
import { bindMainMethods } from '../../electron/main/dialogs';
import type { DialogDeps } from '../../electron/main/dialog-deps';
import { bindApiTable } from '../../electron/main/ipc';
import { createTrust } from '../../electron/main/origin';
import { removeTempDirs, tempDir } from './support/temp';
import { freshDialogEnv } from './support/dialog-env';

const trust = createTrust();
const ours = { senderFrame: { url: 'app://fazhi/index.html', parent: null } };
let dir: string;
let ctx: LedgerContext;
let deps: DialogDeps;

beforeEach(() => {
  ({ dir, ctx, deps } = freshDialogEnv());
  bindApiTable(ipcMain, trust, deps);
  bindMainMethods(ipcMain, trust, deps);
  return () => ctx.close();
});
afterAll(removeTempDirs);

/** What the page gets back from window.api.<name>(payload). */
function page(name: string, payload: unknown = {}): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
  const h = ipcMain.handlers.get(`api:${name}`);
  if (!h) return Promise.resolve({ ok: false, error: { code: 'NO_CHANNEL', message: '' } });
  return h(ours, payload) as Promise<any>;
}

/** Every `call('name'` and host method the screens use, read from the source. */
function namesTheScreensCall(): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bcall\(\s*'([\w.]+)'/g)) out.add(m[1]);
    }
  };
  walk(path.resolve(__dirname, '../../src'));
  return out;
}

describe('the surface', () => {
  it('window.api carries the methods some screen calls, and no other core method', () => {
    const called = namesTheScreensCall();
    expect([...RENDERER_METHOD_NAMES].sort()).toEqual([...called].filter((n) => Object.hasOwn(apiTable, n)).sort());
    for (const n of ['exchange.import', 'exchange.export', 'attachments.add']) {
      expect(EXPOSED_METHOD_NAMES as readonly string[]).not.toContain(n);
      expect(ipcMain.handlers.has(`api:${n}`), n).toBe(false);
    }
  });

  it('the CLI keeps every method', async () => {
    expect((await callApi(ctx, 'exchange.export', {})).ok).toBe(true);
  });

  it('attachments.add {sourcePath: a system file} has no channel, so attachments.download has nothing to return', async () => {
    const secret = path.join(dir, 'shadow');
    fs.writeFileSync(secret, 'root:$6$secret');
    const rec = await callApi(ctx, 'records.create', {
      kind: 'meeting',
      data: { meetingType: '党委会议', date: '2024-01-10', title: '会', attendees: 9 },
    });
    const r = await page('attachments.add', { recordId: (rec as any).value.id, sourcePath: secret });
    expect(r.ok).toBe(false);
    expect(((await callApi(ctx, 'attachments.list', { recordId: (rec as any).value.id })) as any).value).toEqual([]);
  });
});

describe('paths come only from main', () => {
  it.each([
    ['backup.create', { targetDir: '/tmp' }],
    ['backup.list', { dir: '/etc' }],
    ['backup.inspect', { file: '/etc/passwd' }],
    ['backup.verify', { file: '/etc/passwd' }],
    ['backup.restore', { file: '/etc/passwd' }],
  ])('%s with a path the page made up is refused in Chinese', async (name, payload) => {
    const r = await page(name, payload);
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('FORBIDDEN');
    expect(r.error!.message).toMatch(/请通过本程序选择/);
  });

  it('a folder from the folder picker may be backed up to, listed, and its backups inspected and restored', async () => {
    const target = tempDir();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [target] });
    const picked = await page('host.pickFolder', {});
    expect(picked.value).toEqual({ canceled: false, path: target });
    const made = await page('backup.create', { targetDir: target });
    expect(made.ok, made.error?.message).toBe(true);
    const listed = await page('backup.list', { dir: target });
    expect(listed.value.map((b: { file: string }) => b.file)).toEqual([made.value.file]);
    expect((await page('backup.inspect', { file: made.value.file })).ok).toBe(true);
    expect((await page('backup.verify', { file: made.value.file })).value.sound).toBe(true);
    // A sibling of a granted file is not granted.
    expect((await page('backup.inspect', { file: path.join(target, 'other.ftzb') })).error?.code).toBe('FORBIDDEN');
    // A folder grant is not a file grant, and a file grant is not a folder grant.
    expect((await page('backup.restore', { file: target })).error?.code).toBe('FORBIDDEN');
    expect((await page('backup.list', { dir: made.value.file })).error?.code).toBe('FORBIDDEN');
  });

  it('a backup file from the open dialog may be inspected; a canceled dialog grants nothing', async () => {
    const target = tempDir();
    const made = await callApi(ctx, 'backup.create', { targetDir: target });
    const file = (made as any).value.file as string;
    expect((await page('backup.inspect', { file })).error?.code).toBe('FORBIDDEN');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [file] });
    await page('host.pickBackupFile', {});
    expect((await page('backup.inspect', { file })).error?.code).toBe('FORBIDDEN');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    await page('host.pickBackupFile', {});
    expect((await page('backup.inspect', { file })).ok).toBe(true);
  });

  it("dossier.export writes only into a granted folder; `out` (a file to write) is the CLI's", async () => {
    const target = tempDir();
    expect((await page('dossier.export', { year: 2024, folder: target })).error?.code).toBe('FORBIDDEN');
    expect((await page('dossier.export', { year: 2024, out: path.join(target, 'x.zip') })).error?.code).toBe('FORBIDDEN');
    expect(fs.readdirSync(target)).toEqual([]);
    expect(ipcMain.handlers.has('api:register.export')).toBe(false);
  });

  it('the drive list grants its drives', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'U盘'));
    vi.stubEnv('FAZHI_DRIVES_DIR', root);
    try {
      const drives = await page('backup.drives', {});
      const drive = drives.value.drives[0].path as string;
      expect((await page('backup.list', { dir: drive })).ok).toBe(true);
      expect((await page('backup.list', { dir: root })).error?.code).toBe('FORBIDDEN');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
