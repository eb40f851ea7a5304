/**
 * The backup scan's thread (./scan.ts starts it for a large file; electron.vite.config.ts builds
 * it as out/main/backup-scan.js): runs the pass (./scan-pass.ts) on its workerData and posts
 * { ok, crc, results } once, or { ok: false, error } with the error's errno fields, so the caller
 * words a drive's error as it words one from its own thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScanMessage } from './scan';
import { scanPass, type ScanWork } from './scan-pass';

const post = (m: ScanMessage) => parentPort!.postMessage(m);

scanPass(workerData as ScanWork).then(
  (r) => post({ ok: true, ...r }),
  (e: NodeJS.ErrnoException) =>
    post({ ok: false, error: { message: String(e?.message), code: e?.code, errno: e?.errno, syscall: e?.syscall, path: e?.path } }),
);
