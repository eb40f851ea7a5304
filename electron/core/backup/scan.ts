/**
 * One sequential pass over a backup file: the whole-file CRC-32 (for the zip comment) and, on the
 * way, the SHA-256 of every stored part whose byte range yauzl located (extracting it if asked).
 * A single reused 1 MB buffer: no second read of the attachments, no garbage per chunk.
 */
import { createHash, type Hash } from 'node:crypto';
import fsp, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

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

interface Open {
  range: StoredRange;
  hash: Hash;
  size: number;
  out: FileHandle | null;
}

const CHUNK = 1 << 20;

async function openDest(dest: string): Promise<FileHandle> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  return fsp.open(dest, 'w');
}

/** Files are opened when their range starts and closed when it ends, so thousands of parts never hold thousands of descriptors. */
async function finish(s: Open): Promise<void> {
  const out = s.out;
  s.out = null;
  if (!out) return;
  try {
    await out.sync();
  } finally {
    await out.close();
  }
}

/** Reads [0, length) once; returns its CRC-32 and each range's SHA-256, in the order given. Throws 'short' on EOF. */
export async function scanFile(file: string, length: number, ranges: StoredRange[]): Promise<{ crc: number; results: RangeResult[] }> {
  const states: Open[] = ranges.map((range) => ({ range, hash: createHash('sha256'), size: 0, out: null }));
  const order = [...states].sort((a, b) => a.range.start - b.range.start);
  const fh = await fsp.open(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let crc = 0;
  let first = 0;
  try {
    for (let pos = 0; pos < length;) {
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
          s.out ??= await openDest(s.range.dest);
          await s.out.write(slice, 0, slice.length);
          if (s.size === s.range.end - s.range.start) await finish(s);
        }
      }
      pos = end;
    }
    // Empty parts never see a byte; their files are still created.
    for (const s of states)
      if (s.range.dest && s.range.end === s.range.start) await finish(Object.assign(s, { out: await openDest(s.range.dest) }));
  } finally {
    await fh.close();
    for (const s of states) await s.out?.close().catch(() => undefined);
  }
  return { crc, results: states.map((s) => ({ sha256: s.hash.digest('hex'), size: s.size })) };
}
