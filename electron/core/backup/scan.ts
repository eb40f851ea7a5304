/**
 * One sequential pass over a backup file: the whole-file CRC-32 (for the zip comment) and, on the
 * way, the SHA-256 of every stored part whose byte range yauzl located (extracting it if asked).
 * A single reused 1 MB buffer: no second read of the attachments, no garbage per chunk.
 *
 * The pass runs in a thread of its own (scan-thread.ts), so verify checks the snapshot's rows on
 * the main thread while the bytes are hashed (the two are independent, and each alone is about as
 * long as the other).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface StoredRange {
  /** Byte offsets of the part's data in the file: [start, end). */
  start: number;
  end: number;
  /** Extract the part to this file (fsync'd), or only hash it. */
  dest: string | null;
}

interface RangeResult {
  sha256: string;
  size: number;
}

export interface ScanResult {
  crc: number;
  results: RangeResult[];
}

/** What the thread is handed (its workerData). */
export interface ScanWork {
  file: string;
  length: number;
  ranges: StoredRange[];
  /** One Int32: set to 1 to ask the thread to stop between two reads. */
  stopFlag: SharedArrayBuffer;
}

/** What the thread posts once: its result, or its error's message and errno fields. */
export type ScanMessage = ({ ok: true } & ScanResult) | { ok: false; error: Record<string, unknown> };

/**
 * The thread's script. From source (tests, tsx) a CommonJS shim loads scan-thread.ts through tsx;
 * built, it is out/main/backup-scan.js (electron.vite.config.ts), beside the entry that bundled
 * this code or one folder up when the bundler placed it in a shared chunk (out/main/chunks).
 */
function threadEntry(): string {
  if (__filename.endsWith('.ts')) return path.join(__dirname, 'scan-dev-entry.cjs');
  const built = [__dirname, path.dirname(__dirname)].map((d) => path.join(d, 'backup-scan.js')).find((f) => fs.existsSync(f));
  if (!built) throw new Error(`backup-scan.js not found beside ${__dirname}`);
  return built;
}

/**
 * Starts the pass in its own thread and returns its outcome. An error keeps its errno code, so
 * the caller words a drive's error as it words one from the main thread. `stop()` ends the
 * thread early (verify failed on something else first).
 */
export function startScan(file: string, length: number, ranges: StoredRange[]): { done: Promise<ScanResult>; stop(): Promise<void> } {
  // Stopping is asked, not forced: the thread closes its files and ends on its own between two
  // reads. Terminating a thread that holds open file handles can take the whole process down.
  const stopFlag = new SharedArrayBuffer(4);
  const work: ScanWork = { file, length, ranges, stopFlag };
  const worker = new Worker(threadEntry(), { workerData: work });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const done = new Promise<ScanResult>((resolve, reject) => {
    worker.once('message', (m: ScanMessage) => {
      if (m.ok) resolve({ crc: m.crc, results: m.results });
      else reject(Object.assign(new Error(String(m.error.message)), m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`scan thread exited (${code})`)));
  });
  // A verify that fails before it awaits the pass must not leave an unhandled rejection behind.
  done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
      await exited;
    },
  };
}
