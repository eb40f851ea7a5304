/**
 * One sequential pass over a backup file: the whole-file CRC-32 (for the zip comment) and, on the
 * way, the SHA-256 of every stored part whose byte range yauzl located (extracting it if asked).
 * A single reused 1 MB buffer: no second read of the attachments, no garbage per chunk.
 *
 * The pass runs in a thread of its own, so verify checks the snapshot's rows on the main thread
 * while the bytes are hashed (the two are independent, and each alone is about as long as the
 * other). The thread's code is plain JavaScript over Node's built-in modules, handed to the Worker
 * as source (`eval`): it needs no entry of its own in the build, and runs the same under tsx, in
 * tests and in the packaged app.
 */
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

/** Reads [0, length) once; posts { ok, crc, results } or { ok: false, error }. Throws 'short' on EOF. */
const SCAN_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fsp = require('node:fs/promises');
const path = require('node:path');
const zlib = require('node:zlib');
const CHUNK = 1 << 20;

async function openDest(dest) {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  return fsp.open(dest, 'w');
}

// Files are opened when their range starts and closed when it ends, so thousands of parts never
// hold thousands of descriptors.
async function finish(s) {
  const out = s.out;
  s.out = null;
  if (!out) return;
  try {
    await out.sync();
  } finally {
    await out.close();
  }
}

async function scan({ file, length, ranges, stopFlag }) {
  const stop = new Int32Array(stopFlag);
  const states = ranges.map((range) => ({ range, hash: createHash('sha256'), size: 0, out: null }));
  const order = [...states].sort((a, b) => a.range.start - b.range.start);
  const fh = await fsp.open(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let crc = 0;
  let first = 0;
  try {
    for (let pos = 0; pos < length; ) {
      if (Atomics.load(stop, 0)) throw new Error('stopped');
      const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, length - pos), pos);
      if (bytesRead === 0) throw new Error('short');
      const end = pos + bytesRead;
      crc = zlib.crc32(buf.subarray(0, bytesRead), crc);
      while (first < order.length && order[first].range.end <= pos) first++;
      for (let i = first; i < order.length && order[i].range.start < end; i++) {
        const s = order[i];
        if (s.range.end <= pos) continue;
        const slice = buf.subarray(Math.max(s.range.start, pos) - pos, Math.min(s.range.end, end) - pos);
        s.hash.update(slice);
        s.size += slice.length;
        if (s.range.dest) {
          if (!s.out) s.out = await openDest(s.range.dest);
          await s.out.write(slice, 0, slice.length);
          if (s.size === s.range.end - s.range.start) await finish(s);
        }
      }
      pos = end;
    }
    // Empty parts never see a byte; their files are still created.
    for (const s of states)
      if (s.range.dest && s.range.end === s.range.start) {
        s.out = await openDest(s.range.dest);
        await finish(s);
      }
  } finally {
    await fh.close();
    for (const s of states) if (s.out) await s.out.close().catch(() => undefined);
  }
  return { crc, results: states.map((s) => ({ sha256: s.hash.digest('hex'), size: s.size })) };
}

scan(workerData).then(
  (r) => parentPort.postMessage({ ok: true, ...r }),
  (e) => parentPort.postMessage({ ok: false, error: { message: String(e && e.message), code: e && e.code, errno: e && e.errno, syscall: e && e.syscall, path: e && e.path } }),
);
`;

/**
 * Starts the pass in its own thread and returns its outcome. An error keeps its errno code, so
 * the caller words a drive's error as it words one from the main thread. `stop()` ends the
 * thread early (verify failed on something else first).
 */
export function startScan(file: string, length: number, ranges: StoredRange[]): { done: Promise<ScanResult>; stop(): Promise<void> } {
  // Stopping is asked, not forced: the thread closes its files and ends on its own between two
  // reads. Terminating a thread that holds open file handles can take the whole process down.
  const stopFlag = new SharedArrayBuffer(4);
  const worker = new Worker(SCAN_SOURCE, { eval: true, workerData: { file, length, ranges, stopFlag } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const done = new Promise<ScanResult>((resolve, reject) => {
    worker.once('message', (m: ({ ok: true } & ScanResult) | { ok: false; error: Record<string, unknown> }) => {
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
