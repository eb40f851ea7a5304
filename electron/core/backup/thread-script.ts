/**
 * Where a backup thread's code is. Built (electron.vite.config.ts), each thread is a file of its
 * own in out/main, beside the entry that bundled the calling code or one folder up when the
 * bundler placed it in a shared chunk (out/main/chunks). From source (tests, tsx, the bench) a
 * CommonJS shim loads the TypeScript module through tsx (thread-dev-entry.cjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * From this many bytes of work on, a backup thread pays for itself: below it, starting a thread and
 * loading its code (tens of milliseconds) costs more than hashing or checking the file here.
 */
export const THREAD_FROM_BYTES = 8 * 1024 * 1024;

/** Each backup thread: its module in this folder, and the file the build makes of it in out/main (electron.vite.config.ts). */
export const BACKUP_THREADS = {
  scan: { source: 'scan-thread.ts', built: 'backup-scan.js' },
  integrity: { source: 'integrity-thread.ts', built: 'backup-integrity.js' },
} as const;

/** Starts a backup thread: from its source under tsx, else the built file beside this code. */
export function startBackupThread({ source, built }: (typeof BACKUP_THREADS)[keyof typeof BACKUP_THREADS], options: WorkerOptions): Worker {
  if (__filename.endsWith('.ts'))
    return new Worker(path.join(__dirname, 'thread-dev-entry.cjs'), { ...options, argv: [path.join(__dirname, source)] });
  const file = [__dirname, path.dirname(__dirname)].map((d) => path.join(d, built)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`${built} not found beside ${__dirname}`);
  return new Worker(file, options);
}
