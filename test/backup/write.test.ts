/**
 * A backup file as written (./write.ts): a zip every tool reads (unzip tests each entry's CRC), its
 * comment holding the CRC-32 of every byte before it; and the snapshot's integrity_check, which runs
 * beside the writing (in a thread of its own for a large snapshot), still refuses a damaged ledger
 * and leaves nothing behind.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { COMMENT_MARKER } from '@core/backup/format';
import { hex8 } from '@core/backup/hash-stream';
import { verifyBackup } from '@core/backup/verify';
import { integrityInThread } from '@core/backup/integrity';
import { seedLedger, tempDir, type Seeded } from './helpers';

let dir: string;
let s: Seeded;

beforeAll(async () => {
  dir = tempDir();
  s = await seedLedger(dir, { files: 3, fileBytes: 9 * 1024 * 1024 + 17 });
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a backup file', () => {
  it('is a zip unzip reads and tests entry by entry, with the CRC of every byte before the comment in the comment', async () => {
    const t = path.join(dir, 'zip');
    fs.mkdirSync(t);
    const made = await createBackup(s.ctx, t);
    const r = spawnSync('unzip', ['-t', made.file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/No errors detected/);
    // ledger.sqlite, 3 attachments, manifest.json, each tested against its CRC.
    expect(r.stdout.match(/ OK$/gm)).toHaveLength(5);
    const bytes = fs.readFileSync(made.file);
    const comment = `${COMMENT_MARKER}${hex8(zlib.crc32(bytes.subarray(0, bytes.length - COMMENT_MARKER.length - 8)))}`;
    expect(bytes.subarray(bytes.length - comment.length).toString('latin1')).toBe(comment);
    await expect(verifyBackup(made.file)).resolves.toBeTruthy();
  });

  it('of a damaged ledger is refused by its integrity_check, with nothing left in the target', async () => {
    const sub = path.join(dir, 'damaged');
    fs.mkdirSync(sub);
    const d = await seedLedger(sub, { files: 2, fileBytes: 300_000 });
    d.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    d.ctx.close();
    // The header's freelist count (bytes 36–39) says 3 pages where there are none: every query
    // still works and the online backup copies it as it is; only integrity_check sees it.
    const fd = fs.openSync(d.file, 'r+');
    const n = Buffer.alloc(4);
    n.writeUInt32BE(3);
    fs.writeSync(fd, n, 0, 4, 36);
    fs.closeSync(fd);
    // The check a large snapshot gets in a thread of its own answers as the one run here does.
    const copy = path.join(sub, 'copy.db');
    fs.copyFileSync(d.file, copy);
    expect(await integrityInThread(copy)).toMatch(/Freelist: size is 0 but should be 3/);
    expect(await integrityInThread(s.file)).toBeNull();
    const notDb = path.join(sub, 'not.db');
    fs.writeFileSync(notDb, Buffer.alloc(8192, 7));
    expect(await integrityInThread(notDb)).toMatchObject({ code: 'SQLITE_NOTADB' });
    const ctx = openContext(d.file);
    try {
      const t = path.join(sub, 'out');
      fs.mkdirSync(t);
      await expect(createBackup(ctx, t)).rejects.toThrow(/^备份失败：当前台账数据库已损坏（完整性检查未通过：[^]*Freelist/);
      expect(fs.readdirSync(t)).toEqual([]);
    } finally {
      ctx.close();
    }
  });
});
