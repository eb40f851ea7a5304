/**
 * Writes the parts of a backup into a zip (./zip-write.ts), each part's bytes read once: its SHA-256
 * and CRC-32 are taken from the buffer that then goes to the file, and the whole-file CRC of the zip
 * comment is joined from those CRCs. The manifest (which needs the hashes) goes last.
 *
 * Stored parts (attachments: photos and PDFs are compressed already) are read in large chunks into
 * a few buffers used in turn, never allocated per chunk: the next chunk is read while this one is
 * hashed, and a buffer is read into again only once the file has taken its bytes. The snapshot is
 * deflated (zlib works off the main thread). The first error anywhere ends the whole archive.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LedgerError } from '@rules/errors';
import { COMMENT_MARKER, MANIFEST_NAME, type Part } from './format';
import { HashCounter, hex8 } from './hash-stream';
import { openFileSink, type FileSink } from '../fs/file-sink';
import { NotRegularFile, openRegularFileSync, regularFileStream } from '../fs/regular-file';
import { DEFLATED, STORED, ZipWriter } from './zip-write';

/** Where the archive bytes go; tests inject one that fails midway (a pulled drive, a full disk). */
type OutputFile = FileSink;
export type OpenOutput = (tmpPath: string) => Promise<OutputFile>;

/** A file on the target that is flushed to the drive behind the writer every `syncBehind` bytes (../fs/file-sink.ts). */
export const fileOutputSyncing =
  (syncBehind: number): OpenOutput =>
  (tmpPath) =>
    openFileSink(tmpPath, 'wx', { syncBehind });

/**
 * 64 MB: a 1 GB backup's final fsync waited 0.7 s for the drive after the writing had ended, and now
 * waits about 0.04 s; the flushes meanwhile cost the writing under 0.2 s (npm run bench -- backup).
 */
export const openFileOutput: OpenOutput = fileOutputSyncing(64 << 20);

/** Level 1: the 85 MB snapshot of a 200,000-record ledger deflates in 0.6 s instead of 1.6 s (level 6), 9 % larger. */
const DEFLATE_LEVEL = 1;
/**
 * Stored parts are read and written in chunks this large, through this many buffers. 1 MB rather
 * than 4 MB: each chunk is hashed, CRC'd and written while it is still in the CPU's cache, and the
 * zip stage of a 1 GB backup took 1.8–2.1 s instead of 2.2–2.5 s, its system time 0.6–0.8 s instead
 * of 1.1–1.6 s (five alternating runs each, same load).
 */
const CHUNK = 1 << 20;
const BUFFERS = 3;

const read = promisify(fs.read);
const close = promisify(fs.close);

export interface SourcePart {
  /** Name inside the zip. */
  path: string;
  /** File on disk to read it from. */
  file: string;
  size: number;
  /** Deflate it (the SQLite snapshot) or store it as is (photos and PDFs are already compressed). */
  compress: boolean;
  /** Content-addressed files must hash to their own name; a mismatch means the live copy is damaged. */
  expectSha?: string;
  /** How the clerk knows this part, for messages (e.g. the attachment's file name). */
  label: string;
}

/** What went into the file, for the read-back to compare with what the drive returns. */
export interface Written {
  size: number;
  /** CRC-32 of every byte before the zip comment. */
  crc: number;
  comment: string;
}

/** A part's source file is missing, not a regular file, or not the bytes it should be. */
function sourceError(p: SourcePart, e: unknown): unknown {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT' && p.expectSha)
    return new LedgerError('IO', `附件文件缺失：“${p.label}”（${p.file}），请重新添加该附件后再备份`);
  if (e instanceof NotRegularFile)
    return new LedgerError(
      'IO',
      `附件文件“${p.label}”（${p.file}）不是普通文件（被替换成了管道、链接或文件夹），备份未生成，请重新添加该附件后再备份`,
    );
  return e;
}

const changed = (p: SourcePart) => new LedgerError('IO', `附件文件已损坏或被改动：“${p.label}”（${p.file}），请重新添加该附件后再备份`);

/** A chunk buffer and the write that last took its bytes (it is read into again only after that). */
interface Slot {
  buf: Buffer;
  taken: Promise<void>;
}

/** A stored part: read, hashed and written chunk by chunk; returns its SHA-256 and size. */
async function storePart(zip: ZipWriter, p: SourcePart, slots: Slot[], turn: { n: number }, onBytes?: (n: number) => void): Promise<Part> {
  let fd: number;
  try {
    // Only a regular file: a pipe in the store would block the backup forever.
    fd = openRegularFileSync(p.file);
  } catch (e) {
    throw sourceError(p, e);
  }
  zip.begin(p.path, STORED);
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  let reading: Promise<{ bytesRead: number }> | null = null;
  try {
    let slot = slots[turn.n++ % slots.length];
    await slot.taken;
    reading = read(fd, slot.buf, 0, CHUNK, null);
    for (;;) {
      const { bytesRead } = await reading;
      reading = null;
      if (bytesRead === 0) break;
      // A file that grew would otherwise be read on and on; it is refused below either way.
      if (size + bytesRead > p.size) throw changed(p);
      const chunk = slot.buf.subarray(0, bytesRead);
      const next = slots[turn.n++ % slots.length];
      await next.taken;
      reading = read(fd, next.buf, 0, CHUNK, null);
      hash.update(chunk);
      crc = zlib.crc32(chunk, crc);
      size += bytesRead;
      slot.taken = zip.data(chunk);
      slot.taken.catch(() => undefined);
      onBytes?.(bytesRead);
      slot = next;
    }
  } finally {
    // A read still under way must finish before its descriptor is closed.
    await reading?.catch(() => undefined);
    await close(fd);
  }
  const sha256 = hash.digest('hex');
  if ((p.expectSha && sha256 !== p.expectSha) || size !== p.size) throw changed(p);
  zip.end(crc, size);
  return { path: p.path, size, sha256 };
}

/** Hashes what passes on its way to deflate, and takes its CRC-32 (the zip entry's). */
class Measure extends HashCounter {
  crc = 0;
  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, enc: BufferEncoding, cb: TransformCallback): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.onBytes?.(chunk.length);
    super._transform(chunk, enc, cb);
  }
}

/** A deflated part (the snapshot): streamed through zlib, hashed on the way in. */
async function deflatePart(zip: ZipWriter, p: SourcePart, onBytes?: (n: number) => void): Promise<Part> {
  let src: fs.ReadStream;
  try {
    src = regularFileStream(p.file);
  } catch (e) {
    throw sourceError(p, e);
  }
  zip.begin(p.path, DEFLATED);
  const m = new Measure(onBytes);
  const into = new Writable({ highWaterMark: 1 << 20, write: (chunk: Buffer, _e, cb) => zip.data(chunk).then(() => cb(), cb) });
  try {
    await pipeline(src, m, zlib.createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: 1 << 20 }), into);
  } catch (e) {
    throw sourceError(p, e);
  }
  if ((p.expectSha && m.digest !== p.expectSha) || m.size !== p.size) throw changed(p);
  zip.end(m.crc, m.size);
  return { path: p.path, size: m.size, sha256: m.digest };
}

export async function writeArchive(
  out: OutputFile,
  parts: SourcePart[],
  makeManifest: (parts: Part[]) => Buffer,
  mtime: Date,
  /** Told the size of each chunk read from the parts, for a progress figure. */
  onBytes?: (n: number) => void,
): Promise<Written> {
  const zip = new ZipWriter(out.stream, mtime);
  const slots: Slot[] = Array.from({ length: BUFFERS }, () => ({ buf: Buffer.allocUnsafe(CHUNK), taken: Promise.resolve() }));
  const turn = { n: 0 };
  try {
    const hashed: Part[] = [];
    for (const p of parts) hashed.push(await (p.compress ? deflatePart(zip, p, onBytes) : storePart(zip, p, slots, turn, onBytes)));
    const manifest = makeManifest(hashed);
    zip.begin(MANIFEST_NAME, DEFLATED);
    await zip.data(zlib.deflateRawSync(manifest, { level: DEFLATE_LEVEL }));
    zip.end(zlib.crc32(manifest), manifest.length);
    return await zip.finish((crc) => `${COMMENT_MARKER}${hex8(crc)}`);
  } catch (err) {
    out.stream.destroy();
    throw err;
  } finally {
    // No buffer may be written from after this returns (the caller closes the file).
    await Promise.all(slots.map((s) => s.taken.catch(() => undefined)));
  }
}
