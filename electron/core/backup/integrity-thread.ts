/**
 * The integrity_check thread (./integrity.ts starts it for a large snapshot; electron.vite.config.ts
 * builds it as out/main/backup-integrity.js): opens the file read-only through the process's SQLite
 * addon (handed over in workerData, ../db/sqlite.ts) and posts integrity_check's rows once, or the
 * error that kept SQLite from checking, its code kept.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useSqliteBinding } from '../db/sqlite';
import type { IntegrityMessage, IntegrityWork } from './integrity';
import { withReadOnly } from './snapshot';

const { file, binding } = workerData as IntegrityWork;
let message: IntegrityMessage;
try {
  useSqliteBinding(binding);
  const rows = withReadOnly(file, (db) => db.pragma('integrity_check') as { integrity_check: string }[]);
  message = { ok: true, msgs: rows.map((r) => r.integrity_check) };
} catch (e) {
  const err = e as { message?: unknown; code?: string };
  message = { ok: false, error: { message: String(err?.message), code: err?.code } };
}
parentPort!.postMessage(message);
