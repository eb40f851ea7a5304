/**
 * PRAGMA integrity_check of a snapshot in a thread of its own, so this thread goes on meanwhile: a
 * backup writes its zip, a verify checks the same file's schema and rows (independent of it, and
 * together with it most of a verify's time). The thread opens the file read-only with its own connection (trusted_schema off,
 * as ./snapshot.ts withReadOnly), through the same SQLite addon as this process (../db/sqlite.ts).
 * Its code is a few lines of plain JavaScript handed to the Worker as source (`eval`), so it needs
 * no entry of its own in the build.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sqliteBinding } from '../db/sqlite';
import { integrityProblem, integrityVerdict, withReadOnly } from './snapshot';

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.binding ? { nativeBinding: workerData.binding } : {}) });
  db.pragma('trusted_schema = OFF');
  parentPort.postMessage({ ok: true, msgs: db.pragma('integrity_check').map((r) => r.integrity_check) });
} catch (e) {
  parentPort.postMessage({ ok: false, error: { message: String(e && e.message), code: e && e.code } });
} finally {
  if (db) db.close();
}
`;

/**
 * Resolves to null when the file passes integrity_check, else the first problems SQLite reports
 * (integrityVerdict), or to the Error that kept SQLite from checking (its code kept,
 * e.g. SQLITE_NOTADB). Never rejects.
 */
export function integrityInThread(file: string): Promise<string | null | Error> {
  return new Promise((resolve) => {
    const worker = new Worker(SOURCE, {
      eval: true,
      workerData: { file, module: createRequire(__filename).resolve('better-sqlite3'), binding: sqliteBinding() },
    });
    let answer: string | null | Error | undefined;
    worker.once('message', (m: { ok: true; msgs: string[] } | { ok: false; error: { message: string; code?: string } }) => {
      answer = m.ok ? integrityVerdict(m.msgs) : Object.assign(new Error(m.error.message), { code: m.error.code });
    });
    worker.once('error', (e) => (answer ??= e));
    // Answered only once the thread has ended: a thread still closing its connection when the
    // process exits can take the process down with it.
    worker.once('exit', (code) => resolve(answer === undefined ? new Error(`integrity_check thread exited (${code})`) : answer));
  });
}

/**
 * Below this size the check takes less time than starting a thread and loading SQLite into it
 * (tens of milliseconds), so it runs here, at once.
 */
const IN_THREAD_FROM = 8 * 1024 * 1024;

/** integrity_check of `file` as integrityInThread answers it: in a thread of its own when the file is large. */
export function checkIntegrity(file: string): Promise<string | null | Error> {
  if (fs.statSync(file).size >= IN_THREAD_FROM) return integrityInThread(file);
  try {
    return Promise.resolve(withReadOnly(file, integrityProblem));
  } catch (err) {
    return Promise.resolve(err as Error);
  }
}
