/**
 * The backup scan thread (electron/core/backup/scan-thread.ts): one pass over a file gives the
 * whole-file CRC-32 and each range's SHA-256, extracting ranges where asked; it stops when asked,
 * between two reads, with its files closed. The same module runs from source (through tsx) and
 * built (out/main/backup-scan.js, found by the bundled core from its chunk folder).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '@core/api/dispatch';
import { startScan, type ScanMessage, type ScanWork, type StoredRange } from '@core/backup/scan';
import { WorkerPool } from '@core/worker/pool';
import { api, seedLedger, tempDir, type Seeded } from './helpers';
import { builtFile } from '../support/built';

const MB = 1 << 20;
let dir: string;
let file: string;
let bytes: Buffer;
let ranges: StoredRange[];

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(() => {
  dir = tempDir('fazhi-scan-');
  file = path.join(dir, 'data.bin');
  bytes = randomBytes(3 * MB + 123);
  fs.writeFileSync(file, bytes);
  ranges = [
    { start: 0, end: 10, dest: null },
    // Across the thread's 1 MB read boundary, extracted into a folder that does not exist yet.
    { start: MB - 5, end: MB + 5, dest: path.join(dir, 'out', 'a', 'across') },
    { start: 2 * MB, end: 2 * MB, dest: path.join(dir, 'out', 'empty') },
    { start: 2 * MB + 7, end: 3 * MB + 100, dest: null },
  ];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const expected = () => ({
  crc: zlib.crc32(bytes),
  results: ranges.map((r) => ({ sha256: sha(bytes.subarray(r.start, r.end)), size: r.end - r.start })),
});

describe('the scan thread from source', () => {
  it('reads the file once for its CRC and every range’s hash, and extracts the ranges asked for', async () => {
    const scan = startScan(file, bytes.length, ranges);
    expect(await scan.done).toEqual(expected());
    expect(fs.readFileSync(path.join(dir, 'out', 'a', 'across'))).toEqual(bytes.subarray(MB - 5, MB + 5));
    expect(fs.readFileSync(path.join(dir, 'out', 'empty')).length).toBe(0);
  });

  it('stops when asked before its next read, leaving no file of its own behind', async () => {
    const dest = path.join(dir, 'stopped', 'part');
    const scan = startScan(file, bytes.length, [{ start: 0, end: bytes.length, dest }]);
    await scan.stop();
    await expect(scan.done).rejects.toThrow('stopped');
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('fails with “short” when the file ends before the length it was given', async () => {
    await expect(startScan(file, bytes.length + 10, []).done).rejects.toThrow('short');
  });

  it('keeps the errno code of a file that cannot be opened', async () => {
    await expect(startScan(path.join(dir, 'missing.bin'), 10, []).done).rejects.toMatchObject({ code: 'ENOENT', syscall: 'open' });
  });
});

describe('the built scan thread (out/main/backup-scan.js)', () => {
  it('posts the same result as the source', async () => {
    const work: ScanWork = {
      file,
      length: bytes.length,
      ranges: ranges.map((r) => ({ ...r, dest: null })),
      stopFlag: new SharedArrayBuffer(4),
    };
    const worker = new Worker(builtFile('out/main/backup-scan.js'), { workerData: work });
    const message = await new Promise<ScanMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(message).toEqual({ ok: true, ...expected() });
  });

  let seeded: Seeded;
  afterAll(() => seeded?.ctx.close());

  it('is found by the built core: the built API worker verifies a real backup with attachments', async () => {
    seeded = await seedLedger(tempDir('fazhi-scan-ledger-'), { files: 3 });
    const usb = path.join(seeded.dir, 'usb');
    fs.mkdirSync(usb);
    const { file: backup } = await api<{ file: string }>(seeded.ctx, 'backup.create', { targetDir: usb });
    const pool = new WorkerPool(builtFile('out/main/worker.js'));
    try {
      const r = await new Dispatcher(() => seeded.ctx, pool).call('backup.verify', { file: backup });
      expect(r).toMatchObject({ ok: true, value: { sound: true } });
      // A changed attachment byte is caught by the built thread's hash.
      const copy = path.join(seeded.dir, 'changed.ftzb');
      const b = fs.readFileSync(backup);
      const at = b.indexOf(fs.readFileSync(path.join(seeded.dir, 'src', '照片1.jpg')).subarray(0, 64));
      expect(at).toBeGreaterThan(0);
      b[at + 100] ^= 0xff;
      fs.writeFileSync(copy, b);
      expect(await new Dispatcher(() => seeded.ctx, pool).call('backup.verify', { file: copy })).toMatchObject({
        ok: true,
        value: { sound: false },
      });
    } finally {
      await pool.close();
    }
  });
});
