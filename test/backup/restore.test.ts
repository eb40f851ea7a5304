/**
 * Restore: a safety copy of the current ledger is written first and restoring it brings the
 * previous state back; damaged or newer-schema backups are refused before anything changes;
 * a failure after the swap rolls back to exactly the previous ledger and attachments.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor, callApi } from '@core/api';
import { createBackup } from '@core/backup/create';
import { COMMENT_PLACEHOLDER } from '@core/backup/format';
import { CommentStamper } from '@core/backup/hash-stream';
import { restoreBackup } from '@core/backup/restore';
import { listSafetyCopies, preMigrationCopy, safetyDirFor } from '@core/backup/safety';
import { SCHEMA_VERSION } from '@core/db/migrations';
import { exportLedger } from '@core/ledger/exchange';
import { api, integrityOk, meeting, seedLedger, snapshotOf, tempDir, type Seeded } from './helpers';
import Database from 'better-sqlite3';

let dir: string;
let s: Seeded;
let backupS1: string;
let stateS1: ReturnType<typeof snapshotOf>;
let stateS2: ReturnType<typeof snapshotOf>;

const storeFiles = (file: string) => {
  const d = attachmentsDirFor(file);
  return fs.existsSync(d)
    ? fs
        .readdirSync(d, { recursive: true })
        .map(String)
        .filter((f) => /[0-9a-f]{64}$/.test(f))
        .sort()
    : [];
};

beforeAll(async () => {
  dir = tempDir();
  s = await seedLedger(dir);
  fs.mkdirSync(path.join(dir, 'usb'));
  stateS1 = snapshotOf(s.ctx);
  backupS1 = (await createBackup(s.ctx, path.join(dir, 'usb'))).file;
  // Change the ledger: a new record with a new attachment, one attachment removed, a record edited.
  const rec = await api<{ id: string }>(s.ctx, 'records.create', { kind: 'meeting', data: meeting(42) });
  fs.writeFileSync(path.join(dir, 'new.pdf'), 'new attachment');
  await api(s.ctx, 'attachments.add', { recordId: rec.id, sourcePath: path.join(dir, 'new.pdf') });
  const first = (await api<{ id: string }[]>(s.ctx, 'attachments.list', { recordId: s.recordIds[2] }))[0];
  await api(s.ctx, 'attachments.remove', { id: first.id });
  await api(s.ctx, 'records.update', { id: s.recordIds[0], data: { ...meeting(0), title: '改过的会议' } });
  stateS2 = snapshotOf(s.ctx);
  expect(stateS2.ledger).not.toBe(stateS1.ledger);
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('restore', () => {
  it('refuses a damaged backup before changing anything (no safety copy either)', async () => {
    const bad = path.join(dir, 'bad.ftzb');
    const b = fs.readFileSync(backupS1);
    b[Math.floor(b.length / 2)] ^= 0xff;
    fs.writeFileSync(bad, b);
    const r = await callApi(s.ctx, 'backup.restore', { file: bad });
    expect(r.ok ? '' : r.error.message).toMatch(/^恢复已取消，台账未作任何改动：备份文件已损坏/);
    expect(snapshotOf(s.ctx)).toEqual(stateS2);
    expect(listSafetyCopies(s.file)).toEqual([]);
  });

  it('refuses a newer-schema backup with 需要升级程序, ledger untouched', async () => {
    const z = new yazl.ZipFile();
    const m = {
      format: 'fazhi-ledger-backup',
      formatVersion: 1,
      schemaVersion: SCHEMA_VERSION + 5,
      appVersion: '3.0.0',
      createdAt: new Date().toISOString(),
      town: '双土镇',
      counts: { records: {}, trash: 0, attachments: 0, attachmentFiles: 0, reports: 0 },
      parts: [],
    };
    z.addBuffer(Buffer.from(JSON.stringify(m)), 'manifest.json');
    z.end({ comment: COMMENT_PLACEHOLDER } as yazl.EndOptions);
    const newer = path.join(dir, 'newer.ftzb');
    await pipeline(z.outputStream as NodeJS.ReadableStream, new CommentStamper(), fs.createWriteStream(newer));
    const r = await callApi(s.ctx, 'backup.restore', { file: newer });
    expect(r.ok ? null : r.error.code).toBe('SCHEMA_TOO_NEW');
    expect(r.ok ? '' : r.error.message).toContain('需要升级程序');
    expect(snapshotOf(s.ctx)).toEqual(stateS2);
  });

  it('rolls back to the previous ledger and attachments when the swapped-in ledger fails', async () => {
    const files = storeFiles(s.file);
    await expect(
      restoreBackup(s.ctx, backupS1, {
        afterSwap: () => {
          throw new Error('simulated failure after the swap');
        },
      }),
    ).rejects.toThrow(/^恢复失败，台账已还原为恢复前的状态/);
    expect(snapshotOf(s.ctx)).toEqual(stateS2);
    expect(storeFiles(s.file)).toEqual(files);
    expect(integrityOk(s.ctx.db)).toBe(true);
    // The ledger is open and writable again.
    await api(s.ctx, 'settings.get');
  });

  it('restores, keeps a safety copy, and restoring the safety copy brings back the previous state', async () => {
    fs.rmSync(safetyDirFor(s.file), { recursive: true, force: true });
    const last = await api<{ lastBackupAt: string }>(s.ctx, 'backup.status');
    const r = await api<{ safetyCopy: string; info: { town: string } }>(s.ctx, 'backup.restore', { file: backupS1 });
    expect(snapshotOf(s.ctx)).toEqual(stateS1);
    expect(path.dirname(r.safetyCopy)).toBe(safetyDirFor(s.file));
    expect(path.basename(r.safetyCopy)).toMatch(/^法治台账备份_双土镇_.*_恢复前\.ftzb$/);
    // Files only the replaced ledger used are gone from the store (they live on in the safety copy).
    expect(storeFiles(s.file).length).toBe(3);
    // The restored ledger remembers the newest backup time, not the one inside the backup.
    expect((await api<{ lastBackupAt: string }>(s.ctx, 'backup.status')).lastBackupAt).toBe(last.lastBackupAt);
    const copies = await api<{ copies: { file: string }[] }>(s.ctx, 'backup.safetyCopies');
    expect(copies.copies.map((c) => c.file)).toEqual([r.safetyCopy]);

    const back = await api<{ safetyCopy: string }>(s.ctx, 'backup.restore', { file: r.safetyCopy });
    expect(snapshotOf(s.ctx)).toEqual(stateS2);
    expect(back.safetyCopy).not.toBe(r.safetyCopy);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.restore-'))).toEqual([]);
  });

  it('refuses to start a second backup while a restore runs', async () => {
    const running = callApi(s.ctx, 'backup.restore', { file: backupS1 });
    const second = await callApi(s.ctx, 'backup.create', { targetDir: path.join(dir, 'usb') });
    expect(second.ok ? '' : second.error.message).toContain('正在恢复');
    expect((await running).ok).toBe(true);
    expect(snapshotOf(s.ctx)).toEqual(stateS1);
  });
});

describe('pre-migration safety copy', () => {
  it('copies the ledger as it is, checked, into the safety folder', () => {
    const d = tempDir();
    const file = path.join(d, 'old.db');
    const db = new Database(file);
    db.exec("CREATE TABLE records (id TEXT); INSERT INTO records VALUES ('a'); PRAGMA user_version = 1;");
    db.close();
    const copy = preMigrationCopy(file, 1, new Date('2024-05-06T07:08:00'));
    expect(path.basename(copy)).toBe('升级前备份_v1_2024-05-06_0708.sqlite');
    expect(path.dirname(copy)).toBe(safetyDirFor(file));
    const c = new Database(copy, { readonly: true });
    expect(c.pragma('user_version', { simple: true })).toBe(1);
    expect(c.prepare('SELECT id FROM records').all()).toEqual([{ id: 'a' }]);
    c.close();
    expect(path.basename(preMigrationCopy(file, 1, new Date('2024-05-06T07:08:00')))).toBe('升级前备份_v1_2024-05-06_0708_2.sqlite');
    fs.rmSync(d, { recursive: true, force: true });
  });

  it('refuses to let the migration run when the copy cannot be written', () => {
    const d = tempDir();
    const file = path.join(d, 'old.db');
    new Database(file).close();
    fs.writeFileSync(safetyDirFor(file), 'a file where the folder should be');
    expect(() => preMigrationCopy(file, 1)).toThrow(/无法保存安全副本.*台账未升级也未打开/);
    fs.rmSync(d, { recursive: true, force: true });
  });
});

describe('export check', () => {
  it('export of the restored ledger is the exchange format', () => {
    expect(JSON.parse(exportLedger(s.ctx.db)).format).toBe('fazhi-ledger-exchange');
  });
});
