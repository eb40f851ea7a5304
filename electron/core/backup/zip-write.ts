/**
 * The zip container of a backup, written straight to the output: local headers, entry data as the
 * caller hands it over, data descriptors, the central directory and the end record with its comment.
 * The records are the ones yazl writes (UTF-8 names, data descriptors, ZIP64 only where a size or
 * offset needs it), so any unzip tool reads the file as before.
 *
 * Why not yazl: it pipes every chunk through streams of its own and computes each entry's CRC-32
 * itself, and the whole-file CRC of the comment then needed a second pass over every byte. Here the
 * caller computes an entry's CRC once (it reads the bytes anyway), and the whole-file CRC is joined
 * from the entries' CRCs (crc32Combine) instead of being computed over the data again.
 */
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';

const POLY = 0xedb88320;

/** a(x) · b(x) modulo the CRC-32 polynomial (bit-reflected, as zlib's multmodp). */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31 (zlib's x2n_table). */
const X2N: number[] = [];
for (let n = 0, p = 1 << 30; n < 32; n++) {
  X2N.push(p >>> 0);
  p = multModP(p, p);
}

/** x^(n · 2^k) modulo the polynomial; n may exceed 2^32 (a part larger than 4 GB). */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000;
  while (n > 0) {
    if (n % 2) p = multModP(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** CRC-32 of A followed by B, from the CRC-32 of each and B's length in bytes (zlib's crc32_combine). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA >>> 0) ^ (crcB >>> 0)) >>> 0;
}

export const STORED = 0;
export const DEFLATED = 8;

interface Entry {
  name: Buffer;
  method: number;
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
}

const FILE_NAME_IS_UTF8 = 1 << 11;
const DATA_DESCRIPTOR_FOLLOWS = 1 << 3;
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** Unix, spec 6.3 (as yazl). */
const VERSION_MADE_BY = (3 << 8) | 63;
/** A regular file, rw-rw-r--, in the Unix half of the external attributes (as yazl). */
const EXTERNAL_ATTRIBUTES = (0o100664 << 16) >>> 0;
const MAX32 = 0xfffffffe;

function writeUInt64LE(b: Buffer, n: number, at: number): void {
  b.writeUInt32LE(n % 0x100000000, at);
  b.writeUInt32LE(Math.floor(n / 0x100000000), at + 4);
}

/** The DOS date and time of the zip headers, in local time as unzip tools show them (clamped to 1980–2107). */
function dosDateTime(d: Date): { date: number; time: number } {
  const min = new Date(1980, 0, 1);
  const max = new Date(2107, 11, 31, 23, 59, 58);
  const t = d < min ? min : d > max ? max : d;
  return {
    date: (t.getDate() & 0x1f) | (((t.getMonth() + 1) & 0xf) << 5) | (((t.getFullYear() - 1980) & 0x7f) << 9),
    time: Math.floor(t.getSeconds() / 2) | ((t.getMinutes() & 0x3f) << 5) | ((t.getHours() & 0x1f) << 11),
  };
}

export class ZipWriter {
  /** Bytes handed to the output so far. */
  size = 0;
  /** CRC-32 of every byte before the current entry's data (joined with it when the entry ends). */
  private crc = 0;
  private readonly entries: Entry[] = [];
  private current: (Entry & { dataCrc: number }) | null = null;
  private readonly dos: { date: number; time: number };
  private readonly unixTime: number;
  private failed: Error | null = null;

  constructor(
    private readonly out: Writable,
    mtime: Date,
  ) {
    this.dos = dosDateTime(mtime);
    this.unixTime = Math.max(-0x80000000, Math.min(0x7fffffff, Math.floor(mtime.getTime() / 1000)));
    // Errors arrive through each write's callback; this only keeps the emitter from throwing.
    out.on('error', (e: Error) => (this.failed ??= e));
  }

  /**
   * Hands bytes to the output; resolves when the output has taken them (the buffer may be reused
   * then). Writes keep their order; the first failure rejects this write and every later one.
   */
  private put(b: Buffer): Promise<void> {
    this.size += b.length;
    return new Promise<void>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.out.write(b, (err) => {
        if (err) this.failed ??= err;
        if (this.failed) reject(this.failed);
        else resolve();
      });
    });
  }

  /**
   * Bytes of the container itself (headers, descriptors): measured here and queued without waiting,
   * so the data before and after them keeps flowing. A failure shows in the next write awaited.
   */
  private putOwn(b: Buffer): void {
    this.crc = zlib.crc32(b, this.crc);
    this.put(b).catch(() => undefined);
  }

  /** Starts an entry with its local header; its data follows through `data`, then `end`. */
  begin(name: string, method: typeof STORED | typeof DEFLATED): void {
    if (this.current) throw new Error(`zip entry ${this.current.name.toString()} not ended`);
    const utf8 = Buffer.from(name, 'utf8');
    this.current = { name: utf8, method, offset: this.size, crc: 0, compressedSize: 0, size: 0, dataCrc: 0 };
    const h = Buffer.alloc(30 + utf8.length);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(VERSION_NEEDED, 4);
    h.writeUInt16LE(FILE_NAME_IS_UTF8 | DATA_DESCRIPTOR_FOLLOWS, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(this.dos.time, 10);
    h.writeUInt16LE(this.dos.date, 12);
    // CRC and sizes: 0 here, in the data descriptor after the data.
    h.writeUInt16LE(utf8.length, 26);
    utf8.copy(h, 30);
    this.putOwn(h);
  }

  /**
   * The current entry's data as it goes into the file. A stored entry's bytes are its content, whose
   * CRC the caller computes and gives to `end`; a deflated entry's compressed bytes are measured here.
   * The buffer must stay untouched until the returned promise resolves.
   */
  data(chunk: Buffer): Promise<void> {
    const e = this.current!;
    e.compressedSize += chunk.length;
    if (e.method !== STORED) e.dataCrc = zlib.crc32(chunk, e.dataCrc);
    return this.put(chunk);
  }

  /** Ends the current entry: `crc` and `size` are those of its content (uncompressed). */
  end(crc: number, size: number): void {
    const e = this.current!;
    this.current = null;
    if (e.method === STORED && e.compressedSize !== size)
      throw new Error(`zip entry ${e.name.toString()}: ${e.compressedSize} bytes, not ${size}`);
    e.crc = crc >>> 0;
    e.size = size;
    this.crc = crc32Combine(this.crc, e.method === STORED ? e.crc : e.dataCrc, e.compressedSize);
    this.entries.push(e);
    const zip64 = e.size > MAX32 || e.compressedSize > MAX32 || e.offset > MAX32;
    const d = Buffer.alloc(zip64 ? 24 : 16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    if (zip64) {
      writeUInt64LE(d, e.compressedSize, 8);
      writeUInt64LE(d, e.size, 16);
    } else {
      d.writeUInt32LE(e.compressedSize, 8);
      d.writeUInt32LE(e.size, 12);
    }
    this.putOwn(d);
  }

  private directoryRecord(e: Entry): Buffer {
    const zip64 = e.size > MAX32 || e.compressedSize > MAX32 || e.offset > MAX32;
    const extra = 9 + (zip64 ? 28 : 0);
    const r = Buffer.alloc(46 + e.name.length + extra);
    r.writeUInt32LE(0x02014b50, 0);
    r.writeUInt16LE(VERSION_MADE_BY, 4);
    r.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6);
    r.writeUInt16LE(FILE_NAME_IS_UTF8 | DATA_DESCRIPTOR_FOLLOWS, 8);
    r.writeUInt16LE(e.method, 10);
    r.writeUInt16LE(this.dos.time, 12);
    r.writeUInt16LE(this.dos.date, 14);
    r.writeUInt32LE(e.crc, 16);
    r.writeUInt32LE(zip64 ? 0xffffffff : e.compressedSize, 20);
    r.writeUInt32LE(zip64 ? 0xffffffff : e.size, 24);
    r.writeUInt16LE(e.name.length, 28);
    r.writeUInt16LE(extra, 30);
    r.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
    r.writeUInt32LE(zip64 ? 0xffffffff : e.offset, 42);
    let at = 46;
    at += e.name.copy(r, at);
    // Info-ZIP universal timestamp: mtime (with the atime flag set, as Info-ZIP does).
    r.writeUInt16LE(0x5455, at);
    r.writeUInt16LE(5, at + 2);
    r.writeUInt8(3, at + 4);
    r.writeInt32LE(this.unixTime, at + 5);
    at += 9;
    if (zip64) {
      r.writeUInt16LE(0x0001, at);
      r.writeUInt16LE(24, at + 2);
      writeUInt64LE(r, e.size, at + 4);
      writeUInt64LE(r, e.compressedSize, at + 12);
      writeUInt64LE(r, e.offset, at + 20);
    }
    return r;
  }

  /**
   * Writes the central directory and the end records, then the zip comment `commentFor(crc)`, where
   * crc is the CRC-32 of every byte before the comment. Resolves once the output has finished.
   * Returns that CRC, the comment and the file's size.
   */
  async finish(commentFor: (crc: number) => string): Promise<{ size: number; crc: number; comment: string }> {
    if (this.current) throw new Error(`zip entry ${this.current.name.toString()} not ended`);
    const start = this.size;
    const directory = Buffer.concat(this.entries.map((e) => this.directoryRecord(e)));
    const length = directory.length;
    const zip64 = this.entries.length >= 0xffff || length >= 0xffffffff || start >= 0xffffffff;
    const tail: Buffer[] = [];
    if (zip64) {
      const r = Buffer.alloc(56);
      r.writeUInt32LE(0x06064b50, 0);
      writeUInt64LE(r, 44, 4);
      r.writeUInt16LE(VERSION_MADE_BY, 12);
      r.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
      writeUInt64LE(r, this.entries.length, 24);
      writeUInt64LE(r, this.entries.length, 32);
      writeUInt64LE(r, length, 40);
      writeUInt64LE(r, start, 48);
      const l = Buffer.alloc(20);
      l.writeUInt32LE(0x07064b50, 0);
      writeUInt64LE(l, start + length, 8);
      l.writeUInt32LE(1, 16);
      tail.push(r, l);
    }
    const probe = Buffer.from(commentFor(0), 'latin1');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? 0xffff : this.entries.length, 8);
    end.writeUInt16LE(zip64 ? 0xffff : this.entries.length, 10);
    end.writeUInt32LE(zip64 ? 0xffffffff : length, 12);
    end.writeUInt32LE(zip64 ? 0xffffffff : start, 16);
    end.writeUInt16LE(probe.length, 20);
    tail.push(end);
    const last = Buffer.concat([directory, ...tail]);
    const crc = zlib.crc32(last, this.crc) >>> 0;
    const comment = commentFor(crc);
    if (Buffer.byteLength(comment, 'latin1') !== probe.length) throw new Error('zip comment length changed');
    await this.put(Buffer.concat([last, Buffer.from(comment, 'latin1')]));
    await new Promise<void>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.out.end((err?: Error | null) => (err || this.failed ? reject(err ?? this.failed) : resolve()));
    });
    return { size: this.size, crc, comment };
  }
}
