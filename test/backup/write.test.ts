/**
 * The backup's own zip writer: the whole-file CRC is joined from the parts' CRCs (crc32Combine)
 * instead of a second pass, so the join must equal zlib's CRC of the bytes themselves; the file
 * must be a zip every tool reads (unzip tests each entry's CRC); and the snapshot's integrity_check,
 * which now runs beside the writing (in a thread of its own for a large snapshot), must still refuse
 * a damaged ledger and leave nothing behind. The check's thread is started before the snapshot
 * exists and told the file later (or told to end unused). The backup file is flushed to the drive
 * behind the writer, and those flushes must not change a byte.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { COMMENT_MARKER } from '@core/backup/format';
import { hex8 } from '@core/backup/hash-stream';
import { verifyBackup } from '@core/backup/verify';
import { crc32Combine } from '@core/backup/zip-write';
import { integrityAhead, integrityInThread } from '@core/backup/integrity';
import { THREAD_FROM_BYTES } from '@core/backup/thread-script';
import { openFileSink } from '@core/fs/file-sink';
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

describe('crc32Combine', () => {
  it('equals the CRC-32 of the two pieces together, for any split and any length', () => {
    const lengths = [0, 1, 3, 4, 255, 4096, 65_537, 3 * 1024 * 1024 + 5];
    for (const a of lengths)
      for (const b of lengths) {
        const x = randomBytes(a);
        const y = randomBytes(b);
        expect(crc32Combine(zlib.crc32(x), zlib.crc32(y), b), `${a}+${b}`).toBe(zlib.crc32(Buffer.concat([x, y])));
      }
  });

  it('carries lengths past 4 GB (a part that large is joined the same way)', () => {
    // A followed by 5 GB of zeros, joined 64 MB at a time (each step below 4 GB), must equal A
    // joined with the CRC of all 5 GB at once (a length past 32 bits).
    const a = randomBytes(100);
    const block = Buffer.alloc(64 << 20);
    const blockCrc = zlib.crc32(block);
    const steps = 80;
    let stepwise = zlib.crc32(a);
    let zeros = 0;
    for (let i = 0; i < steps; i++) {
      stepwise = crc32Combine(stepwise, blockCrc, block.length);
      zeros = crc32Combine(zeros, blockCrc, block.length);
    }
    expect(steps * block.length).toBeGreaterThan(2 ** 32);
    expect(crc32Combine(zlib.crc32(a), zeros, steps * block.length)).toBe(stepwise);
  });
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

describe('the integrity_check started ahead of its file', () => {
  it('answers for the file it is told later, and ends unused when told to', async () => {
    const sub = path.join(dir, 'ahead');
    fs.mkdirSync(sub);
    const damaged = path.join(sub, 'damaged.db');
    fs.copyFileSync(s.file, damaged);
    const fd = fs.openSync(damaged, 'r+');
    const n = Buffer.alloc(4);
    n.writeUInt32BE(3);
    fs.writeSync(fd, n, 0, 4, 36);
    fs.closeSync(fd);
    // The thread is started before the files exist as the backup starts it before its snapshot.
    const sound = integrityAhead(THREAD_FROM_BYTES);
    const bad = integrityAhead(THREAD_FROM_BYTES);
    expect(await sound.check(s.file)).toBeNull();
    expect(await bad.check(damaged)).toMatch(/Freelist: size is 0 but should be 3/);
    // Cancelled, its thread exits without an answer (otherwise this would never resolve).
    await expect(integrityAhead(THREAD_FROM_BYTES).cancel()).resolves.toBeUndefined();
    // Below the threshold it is checked on this thread, with the same verdicts.
    expect(await integrityAhead(0).check(damaged)).toMatch(/Freelist: size is 0 but should be 3/);
    await expect(integrityAhead(0).cancel()).resolves.toBeUndefined();
  });
});

describe('a file flushed behind its writer', () => {
  it('is flushed while it is being written, and holds exactly the bytes written', async () => {
    const file = path.join(dir, 'behind.bin');
    const flushes: number[] = [];
    const real = fs.fdatasync;
    const spy = vi.spyOn(fs, 'fdatasync').mockImplementation(((f: number, cb: fs.NoParamCallback) => {
      flushes.push(f);
      real(f, cb);
    }) as typeof fs.fdatasync);
    try {
      const sink = await openFileSink(file, 'wx', { syncBehind: 256 * 1024 });
      const data = randomBytes(4 * 1024 * 1024 + 3);
      for (let at = 0; at < data.length; at += 100_000)
        await new Promise<void>((resolve, reject) =>
          sink.stream.write(data.subarray(at, at + 100_000), (e) => (e ? reject(e) : resolve())),
        );
      await new Promise<void>((resolve) => sink.stream.end(resolve));
      // Flushed behind the writer before the final fsync was asked for.
      expect(flushes.length).toBeGreaterThan(1);
      await sink.sync();
      await sink.close();
      expect(fs.readFileSync(file).equals(data)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
