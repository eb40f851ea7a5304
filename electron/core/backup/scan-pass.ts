/**
 * One sequential pass over a backup file (./scan.ts runs it, in a thread of its own for a large
 * file): reads [0, length) once, computing the whole-file CRC-32 and the SHA-256 of each stored
 * part's byte range, extracting a part where asked. One reused 1 MB buffer, no garbage per chunk.
 *
 * It stops when asked (the shared flag, between two reads), closing its files itself: terminating
 * a thread that holds open file handles can take the whole process down.
 */
import { createHash, type Hash } from 'node:crypto';
import fsp, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

/** Byte range of a stored part in the backup file. */
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

/** What the pass is handed (the thread's workerData). */
export interface ScanWork {
  file: string;
  length: number;
  ranges: StoredRange[];
  /** One Int32: set to 1 to ask the pass to stop between two reads. */
  stopFlag: SharedArrayBuffer;
}

const CHUNK = 1 << 20;

interface RangeState {
  range: StoredRange;
  hash: Hash;
  size: number;
  out: FileHandle | null;
}

async function openDest(dest: string): Promise<FileHandle> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  return fsp.open(dest, 'w');
}

// Files are opened when their range starts and closed when it ends, so thousands of parts never
// hold thousands of descriptors.
async function finish(s: RangeState): Promise<void> {
  const out = s.out;
  s.out = null;
  if (!out) return;
  try {
    await out.sync();
  } finally {
    await out.close();
  }
}

/**
 * The pass. Throws 'short' when the file ends before `length`, 'stopped' when the flag is raised
 * (checked between two reads).
 */
export async function scanPass({ file, length, ranges, stopFlag }: ScanWork): Promise<ScanResult> {
  const stop = new Int32Array(stopFlag);
  const states: RangeState[] = ranges.map((range) => ({ range, hash: createHash('sha256'), size: 0, out: null }));
  const order = [...states].sort((a, b) => a.range.start - b.range.start);
  const fh = await fsp.open(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let crc = 0;
  let first = 0;
  try {
    for (let pos = 0; pos < length;) {
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
