/**
 * The built backup threads (electron.vite.config.ts): out/main/backup-scan.js posts what the pass
 * from source gives (scan.test.ts), out/main/backup-integrity.js what integrity_check says, and the
 * bundled core finds both from its chunk folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '@core/api/dispatch';
import type { IntegrityMessage, IntegrityWork } from '@core/backup/integrity';
import type { ScanMessage, ScanWork } from '@core/backup/scan';
import { WorkerPool } from '@core/worker/pool';
import { api, seedLedger, tempDir, type Seeded } from './helpers';
import { MB, scanFixture, type ScanFixture } from './scan-fixture';
import { builtFile } from '../support/built';

let fx: ScanFixture;
beforeAll(() => void (fx = scanFixture()));
afterAll(() => fs.rmSync(fx.dir, { recursive: true, force: true }));

describe('the built scan thread (out/main/backup-scan.js)', () => {
  it('posts the same result as the source', async () => {
    const work: ScanWork = {
      file: fx.file,
      length: fx.bytes.length,
      ranges: fx.ranges.map((r) => ({ ...r, dest: null })),
      stopFlag: new SharedArrayBuffer(4),
    };
    const worker = new Worker(builtFile('out/main/backup-scan.js'), { workerData: work });
    const message = await new Promise<ScanMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(message).toEqual({ ok: true, ...fx.expected });
  });

  let seeded: Seeded;
  afterAll(() => seeded?.ctx.close());

  it('is found by the built core: the built API worker verifies a real backup with attachments', async () => {
    // Three 3 MB attachments: a backup past the size from which verify scans in a thread.
    seeded = await seedLedger(tempDir('fazhi-scan-ledger-'), { files: 3, fileBytes: 3 * MB });
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

describe('the built integrity_check thread (out/main/backup-integrity.js)', () => {
  const check = (file: string) =>
    new Promise<IntegrityMessage>((resolve, reject) => {
      const work: IntegrityWork = { binding: undefined };
      const worker = new Worker(builtFile('out/main/backup-integrity.js'), { workerData: work });
      worker.postMessage(file);
      worker.once('message', resolve);
      worker.once('error', reject);
    });

  it('says ok for a sound ledger and keeps SQLite’s code for a file that is not one', async () => {
    const sound = await seedLedger(tempDir('fazhi-integrity-built-'), { files: 1 });
    sound.ctx.close();
    expect(await check(sound.file)).toEqual({ ok: true, msgs: ['ok'] });
    const notDb = path.join(sound.dir, 'not.db');
    fs.writeFileSync(notDb, Buffer.alloc(8192, 7));
    expect(await check(notDb)).toMatchObject({ ok: false, error: { code: 'SQLITE_NOTADB' } });
  });
});
