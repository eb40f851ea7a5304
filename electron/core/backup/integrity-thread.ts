/**
 * The integrity_check thread (./integrity.ts starts it, often before the snapshot exists;
 * electron.vite.config.ts builds it as out/main/backup-integrity.js): waits to be told the file,
 * opens it read-only through the process's SQLite addon (handed over in workerData,
 * ../db/sqlite.ts) and posts integrity_check's rows once, or the error that kept SQLite from
 * checking, its code kept. Told null, it ends without checking.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { useSqliteBinding } from '../db/sqlite';
import type { IntegrityMessage, IntegrityOrder, IntegrityWork } from './integrity';
import { withReadOnly } from './snapshot';

function check(file: string): IntegrityMessage {
  try {
    useSqliteBinding((workerData as IntegrityWork).binding);
    const rows = withReadOnly(file, (db) => {
      // The whole file mapped instead of read page by page through a small cache: integrity_check
      // visits every index entry's row, and re-reading those pages was a tenth of its time. The
      // file is the check's own copy in a work folder, so nothing shrinks it while it is mapped.
      db.pragma(`mmap_size = ${fs.statSync(file).size}`);
      return db.pragma('integrity_check') as { integrity_check: string }[];
    });
    return { ok: true, msgs: rows.map((r) => r.integrity_check) };
  } catch (e) {
    const err = e as { message?: unknown; code?: string };
    return { ok: false, error: { message: String(err?.message), code: err?.code } };
  }
}

parentPort!.once('message', (file: IntegrityOrder) => {
  if (file !== null) parentPort!.postMessage(check(file));
});
