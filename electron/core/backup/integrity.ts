/**
 * PRAGMA integrity_check of a snapshot in a thread of its own (./integrity-thread.ts), so this
 * thread goes on meanwhile: a backup writes its zip, a verify checks the same file's schema and
 * rows (independent of it, and together with it most of a verify's time). The thread opens the file
 * read-only with its own connection (trusted_schema off, as ./snapshot.ts withReadOnly), through the
 * same SQLite addon as this process (../db/sqlite.ts).
 *
 * The thread can be started before the file exists (integrityAhead): it loads its code while the
 * caller is still making the snapshot, and is told the file once there is one.
 */
import fs from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { sqliteBinding } from '../db/sqlite';
import { integrityProblem, integrityVerdict, withReadOnly } from './snapshot';
import { BACKUP_THREADS, startBackupThread, THREAD_FROM_BYTES } from './thread-script';

/** What the thread is handed when it starts. */
export interface IntegrityWork {
  /** The SQLite addon this process uses (undefined: better-sqlite3's own build). */
  binding: string | undefined;
}

/** What the thread is sent next: the file to check, or null to end unused. */
export type IntegrityOrder = string | null;

/** What the thread posts once. */
export type IntegrityMessage = { ok: true; msgs: string[] } | { ok: false; error: { message: string; code?: string } };

/** null when the file passes integrity_check, else the first problems SQLite reports (integrityVerdict), or the Error that kept SQLite from checking (its code kept, e.g. SQLITE_NOTADB). */
type Verdict = string | null | Error;

export interface IntegrityCheck {
  /** Checks `file` (call once); resolves to its Verdict, never rejects. */
  check(file: string): Promise<Verdict>;
  /** Ends a check never asked for; resolves once its thread has exited. */
  cancel(): Promise<void>;
}

function checkHere(file: string): Verdict {
  try {
    return withReadOnly(file, integrityProblem);
  } catch (err) {
    return err as Error;
  }
}

/** Starts the thread now; it waits for the file. */
function threadAhead(): IntegrityCheck {
  let worker: Worker | null = null;
  const answer = new Promise<Verdict>((resolve) => {
    const work: IntegrityWork = { binding: sqliteBinding() };
    try {
      worker = startBackupThread(BACKUP_THREADS.integrity, { workerData: work });
    } catch (e) {
      return resolve(e as Error);
    }
    let verdict: Verdict | undefined;
    worker.once('message', (m: IntegrityMessage) => {
      verdict = m.ok ? integrityVerdict(m.msgs) : Object.assign(new Error(m.error.message), { code: m.error.code });
    });
    worker.once('error', (e) => (verdict ??= e));
    // Answered only once the thread has ended: a thread still closing its connection when the
    // process exits can take the process down with it.
    worker.once('exit', (code) => resolve(verdict === undefined ? new Error(`integrity_check thread exited (${code})`) : verdict));
  });
  const order = (o: IntegrityOrder) => worker?.postMessage(o);
  return {
    check: (file) => (order(file), answer),
    cancel: () => (order(null), answer.then(() => undefined)),
  };
}

/**
 * An integrity check for a file of about `bytes` bytes that is still being made: in a thread
 * started now when the file is large (THREAD_FROM_BYTES), else on this thread when asked.
 */
export function integrityAhead(bytes: number): IntegrityCheck {
  if (bytes >= THREAD_FROM_BYTES) return threadAhead();
  return { check: (file) => Promise.resolve(checkHere(file)), cancel: () => Promise.resolve() };
}

/** integrity_check of `file` in a thread of its own, whatever its size. */
export function integrityInThread(file: string): Promise<Verdict> {
  return threadAhead().check(file);
}

/** integrity_check of `file` as integrityInThread answers it: in a thread of its own when the file is large. */
export function checkIntegrity(file: string): Promise<Verdict> {
  return integrityAhead(fs.statSync(file).size).check(file);
}
