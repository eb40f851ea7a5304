/**
 * A disk that fills up while a restore extracts a good backup is the disk's fault, not
 * the backup's. The full disk is real: the destination is a symlink to /dev/full, which the kernel
 * answers with ENOSPC on every write (the extract opens its files with 'w', which follows it).
 * The message says 空间不足, never 备份文件已损坏, and a cancelled restore changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor } from '@core/api';
import { createBackup } from '@core/backup/create';
import { SNAPSHOT_NAME, ATTACHMENT_PREFIX } from '@core/backup/format';
import { restoreBackup } from '@core/backup/restore';
import { stagedAttachment, verifyBackup } from '@core/backup/verify';
import { dataStart, openBackupZip } from '@core/backup/zip-read';
import { seedLedger, snapshotOf, tempDir, type Seeded } from './helpers';

const FULL = '/dev/full';
const SPACE = '解压备份失败：U盘（或磁盘）空间不足，请清理空间或换一个U盘后重试';

let dir: string;
let s: Seeded;
let backup: string;

beforeAll(async () => {
  dir = tempDir('fazhi-enospc-');
  s = await seedLedger(dir, { files: 3, fileBytes: 300_000 });
  fs.mkdirSync(path.join(dir, 'usb'));
  backup = (await createBackup(s.ctx, path.join(dir, 'usb'))).file;
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

/** An empty extract folder whose file at `rel` is already a symlink to /dev/full. */
function fullAt(name: string, rel: (work: string) => string): string {
  const work = path.join(dir, name);
  fs.mkdirSync(work);
  const dest = rel(work);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.symlinkSync(FULL, dest);
  return work;
}

describe('ENOSPC while extracting a good backup', () => {
  it('the device really is full, and the backup really is good', async () => {
    expect(() => fs.writeFileSync(FULL, 'x')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    await expect(verifyBackup(backup)).resolves.toBeTruthy();
  });

  it('the snapshot (deflated, through the inflating stream) fails with 空间不足, not 已损坏', async () => {
    const work = fullAt('snap', (w) => path.join(w, SNAPSHOT_NAME));
    const why = await refusal(verifyBackup(backup, { extractTo: work }));
    expect(why).toBe(SPACE);
    expect(why).not.toContain('损坏');
  });

  it('the counterpart: a snapshot whose deflate data is damaged is still 已损坏 while extracting', async () => {
    // Here the backup's stream fails first and the disk's only because it was torn down after it.
    const z = await openBackupZip(backup);
    const start = await dataStart(z.zip, z.entries.get(SNAPSHOT_NAME)!);
    z.zip.close();
    const bytes = fs.readFileSync(backup);
    bytes.fill(0xff, start + 200, start + 264);
    const bad = path.join(dir, 'damaged.ftzb');
    fs.writeFileSync(bad, bytes);
    fs.mkdirSync(path.join(dir, 'damaged'));
    const why = await refusal(verifyBackup(bad, { extractTo: path.join(dir, 'damaged') }));
    expect(why).toBe('备份文件已损坏：数据库快照无法读取（压缩数据不完整或被改动）');
  });

  it('an attachment (stored, through the one-pass scan) fails with 空间不足, not 已损坏', async () => {
    const { manifest } = await verifyBackup(backup);
    const parts = manifest.parts.filter((p) => p.path.startsWith(ATTACHMENT_PREFIX));
    expect(parts.length).toBe(3);
    // The last one in the file: the snapshot and the other attachments were extracted before it.
    const sha = parts[parts.length - 1].path.slice(ATTACHMENT_PREFIX.length);
    const work = fullAt('attachment', (w) => stagedAttachment(w, sha));
    const why = await refusal(verifyBackup(backup, { extractTo: work }));
    expect(why).toBe(SPACE);
    expect(fs.statSync(path.join(work, SNAPSHOT_NAME)).size).toBe(manifest.parts.find((p) => p.path === SNAPSHOT_NAME)!.size);
  });

  it('restoreBackup: cancelled with 空间不足, the ledger byte-for-byte unchanged, no staging or temp left', async () => {
    // The staging folder gets a random name (mkdtemp) beside the ledger; the moment it appears,
    // its snapshot file is planted as a symlink to /dev/full. The extract opens that file only
    // after reading the zip's directory and manifest, several I/O round trips later.
    const stem = `.${path.parse(s.file).name}.restore-`;
    let planted = 0;
    const watcher = fs.watch(dir, (_event, name) => {
      if (!name?.startsWith(stem)) return;
      try {
        fs.symlinkSync(FULL, path.join(dir, name, SNAPSHOT_NAME));
        planted++;
      } catch {
        /* the folder's removal is an event too */
      }
    });
    const files = (d: string) => fs.readdirSync(d, { recursive: true }).map(String).sort();
    const bytes = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f) : null);
    const tmpOurs = () => fs.readdirSync(os.tmpdir()).filter((f) => f.includes(`-p${process.pid}-`));
    const before = {
      listing: files(dir),
      db: bytes(s.file),
      wal: bytes(`${s.file}-wal`),
      store: files(attachmentsDirFor(s.file)),
      state: snapshotOf(s.ctx),
      tmp: tmpOurs(),
    };
    try {
      const why = await refusal(restoreBackup(s.ctx, backup));
      expect(planted).toBe(1);
      expect(why).toBe(`恢复已取消，台账未作任何改动：${SPACE}`);
      expect(why).not.toContain('损坏');
    } finally {
      watcher.close();
    }
    expect(files(dir)).toEqual(before.listing);
    expect(files(dir).filter((f) => f.includes('.restore-') || f.endsWith('.tmp'))).toEqual([]);
    expect(bytes(s.file)!.equals(before.db!)).toBe(true);
    expect(bytes(`${s.file}-wal`)).toEqual(before.wal);
    expect(files(attachmentsDirFor(s.file))).toEqual(before.store);
    expect(tmpOurs()).toEqual(before.tmp);
    // Still the same, still writable: query_only was never set.
    expect(snapshotOf(s.ctx)).toEqual(before.state);
    expect(s.ctx.db.pragma('query_only', { simple: true })).toBe(0);
  });
});
