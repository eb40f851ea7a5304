/**
 * A backup taken while another connection keeps writing: every record committed before the
 * backup started is in it, and the snapshot is one consistent state (integrity_check, counts
 * equal to the manifest, verify passes), never a mixture.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { verifyBackup } from '@core/backup/verify';
import { bulkRecords, integrityOk, seedLedger, tempDir, type Seeded } from './helpers';

let dir: string;
let s: Seeded;

beforeAll(async () => {
  dir = tempDir();
  s = await seedLedger(dir, { files: 2 });
  bulkRecords(s.ctx.db, 4000); // well over one backup step of 100 pages
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Inserts records on its own connection, one small transaction after another, until told to stop. */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const ins = db.prepare("INSERT INTO records (id, kind, date, year, data, created_at, updated_at) VALUES (?, 'meeting', '2024-06-01', 2024, ?, ?, ?)");
let n = 0, stop = false;
parentPort.on('message', () => { stop = true; });
function burst() {
  if (stop) { db.close(); parentPort.postMessage({ done: n }); return; }
  db.transaction(() => { for (let i = 0; i < 5; i++) { const t = new Date().toISOString(); ins.run('w-' + (n++), JSON.stringify({ meetingType: '党委会议', date: '2024-06-01', title: '并发写入' + n }), t, t); } })();
  if (n % 50 === 0) parentPort.postMessage({ n });
  setImmediate(burst);
}
burst();
`;

describe('backup while another connection writes', () => {
  it('contains everything committed before it started, and is consistent', async () => {
    const worker = new Worker(WRITER, { eval: true, workerData: { file: s.file, sqlite: require.resolve('better-sqlite3') } });
    await new Promise<void>((resolve) => worker.on('message', (m: { n?: number }) => (m.n ?? 0) >= 200 && resolve()));
    const committed = new Set((s.ctx.db.prepare('SELECT id FROM records').all() as { id: string }[]).map((r) => r.id));
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    const made = await createBackup(s.ctx, usb);
    const done = new Promise<number>((resolve) => worker.on('message', (m: { done?: number }) => m.done !== undefined && resolve(m.done)));
    worker.postMessage('stop');
    const written = await done;
    await worker.terminate();

    const { manifest } = await verifyBackup(made.file);
    const restored = openContext(path.join(dir, 'restored', 'x.db'));
    try {
      await (await import('@core/backup/restore')).restoreBackup(restored, made.file);
      const ids = new Set((restored.db.prepare('SELECT id FROM records').all() as { id: string }[]).map((r) => r.id));
      for (const id of committed) expect(ids.has(id)).toBe(true);
      expect(integrityOk(restored.db)).toBe(true);
      // The writer kept going during the backup; whatever the snapshot holds is whole transactions.
      const concurrent = [...ids].filter((id) => id.startsWith('w-')).length;
      expect(concurrent % 5).toBe(0);
      expect(concurrent).toBeLessThanOrEqual(written);
      // …and it really was writing while the backup ran.
      expect(written).toBeGreaterThan([...committed].filter((id) => id.startsWith('w-')).length);
      const total = Object.values(manifest.counts.records).reduce((a, b) => a + b, 0) + manifest.counts.trash;
      expect(total).toBe(ids.size);
    } finally {
      restored.close();
    }
    const live = new Database(s.file, { readonly: true });
    expect((live.prepare("SELECT count(*) AS n FROM records WHERE id LIKE 'w-%'").get() as { n: number }).n).toBe(written);
    live.close();
  });
});
