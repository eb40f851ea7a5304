/**
 * PRAGMA integrity_check of a snapshot in a thread of its own (./integrity-thread.ts), so this
 * thread goes on meanwhile: a backup writes its zip, a verify checks the same file's schema and
 * rows (independent of it, and together with it most of a verify's time). The thread opens the file
 * read-only with its own connection (trusted_schema off, as ./snapshot.ts withReadOnly), through the
 * same SQLite addon as this process (../db/sqlite.ts).
 */
import fs from 'node:fs';
import { sqliteBinding } from '../db/sqlite';
import { integrityProblem, integrityVerdict, withReadOnly } from './snapshot';
import { startBackupThread, THREAD_FROM_BYTES } from './thread-script';

/** What the thread is handed. */
export interface IntegrityWork {
  file: string;
  /** The SQLite addon this process uses (undefined: better-sqlite3's own build). */
  binding: string | undefined;
}

/** What the thread posts once. */
export type IntegrityMessage = { ok: true; msgs: string[] } | { ok: false; error: { message: string; code?: string } };

/**
 * Resolves to null when the file passes integrity_check, else the first problems SQLite reports
 * (integrityVerdict), or to the Error that kept SQLite from checking (its code kept,
 * e.g. SQLITE_NOTADB). Never rejects.
 */
export function integrityInThread(file: string): Promise<string | null | Error> {
  return new Promise((resolve) => {
    const work: IntegrityWork = { file, binding: sqliteBinding() };
    let worker;
    try {
      worker = startBackupThread('integrity-thread.ts', 'backup-integrity.js', { workerData: work });
    } catch (e) {
      return resolve(e as Error);
    }
    let answer: string | null | Error | undefined;
    worker.once('message', (m: IntegrityMessage) => {
      answer = m.ok ? integrityVerdict(m.msgs) : Object.assign(new Error(m.error.message), { code: m.error.code });
    });
    worker.once('error', (e) => (answer ??= e));
    // Answered only once the thread has ended: a thread still closing its connection when the
    // process exits can take the process down with it.
    worker.once('exit', (code) => resolve(answer === undefined ? new Error(`integrity_check thread exited (${code})`) : answer));
  });
}

/** integrity_check of `file` as integrityInThread answers it: in a thread of its own when the file is large. */
export function checkIntegrity(file: string): Promise<string | null | Error> {
  if (fs.statSync(file).size >= THREAD_FROM_BYTES) return integrityInThread(file);
  try {
    return Promise.resolve(withReadOnly(file, integrityProblem));
  } catch (err) {
    return Promise.resolve(err as Error);
  }
}
