/**
 * One sequential pass over a backup file (./scan-pass.ts): the whole-file CRC-32 (for the zip
 * comment) and, on the way, the SHA-256 of every stored part whose byte range yauzl located
 * (extracting it if asked).
 *
 * For a large file the pass runs in a thread of its own (scan-thread.ts), so verify checks the
 * snapshot's rows on this thread while the bytes are hashed (the two are independent, and each
 * alone is about as long as the other). A small file is read here: starting a thread and loading
 * its code costs more than reading a few megabytes.
 */
import { BACKUP_THREADS, startBackupThread, THREAD_FROM_BYTES } from './thread-script';
import { scanPass, type ScanResult, type ScanWork, type StoredRange } from './scan-pass';

export type { ScanResult, ScanWork, StoredRange };

/** What the thread posts once: its result, or its error's message and errno fields. */
export type ScanMessage = ({ ok: true } & ScanResult) | { ok: false; error: Record<string, unknown> };

interface Scan {
  done: Promise<ScanResult>;
  stop(): Promise<void>;
}

/**
 * Starts the pass and returns its outcome: in a thread of its own when the file is large or
 * `thread` says so (false: here). An error keeps its errno code, so the caller words a drive's
 * error as it words one from this thread. `stop()` ends the pass early (verify failed on
 * something else first).
 */
export function startScan(file: string, length: number, ranges: StoredRange[], thread = length >= THREAD_FROM_BYTES): Scan {
  // Stopping is asked, not forced: the pass closes its files and ends on its own between two
  // reads. Terminating a thread that holds open file handles can take the whole process down.
  const stopFlag = new SharedArrayBuffer(4);
  const work: ScanWork = { file, length, ranges, stopFlag };
  const ask = () => Atomics.store(new Int32Array(stopFlag), 0, 1);
  if (!thread) {
    const done = scanPass(work);
    const ended = done.then(
      () => undefined,
      () => undefined,
    );
    return {
      done,
      stop: async () => {
        ask();
        await ended;
      },
    };
  }
  const worker = startBackupThread(BACKUP_THREADS.scan, { workerData: work });
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
      ask();
      await exited;
    },
  };
}
