/**
 * Opens a backup zip with yauzl and reads its whole central directory before any data, refusing
 * unsafe entry names (zip-slip) and entries that do not belong to a backup. Entry data is only
 * ever streamed, never held whole in memory.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { LedgerError } from '@rules/errors';
import { damaged } from './messages';
import { COMMENT_MARKER, knownEntryName, unsafeEntryName } from './format';

export interface OpenedZip {
  zip: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
  size: number;
  comment: string;
  /** True when the zip comment carries our marker (the file claims to be a backup). */
  ours: boolean;
}

export const FOREIGN = '不是法治台账备份文件（格式不符），请选择由本程序生成的 .ftzb 备份文件';
const TRUNCATED = '备份文件不完整（文件被截断或末尾有多余内容，可能复制时中断或U盘拔出过早）';
const foreign = (detail = '') => new LedgerError('BAD_FILE', FOREIGN + detail);

function zipSlip(name: string): LedgerError {
  return new LedgerError('BAD_FILE', `备份文件包含不安全的路径“${name}”，已拒绝（可能是被篡改的文件），未解压任何内容`);
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(4);
    fs.readSync(fd, b, 0, 4, 0);
    return b;
  } finally {
    fs.closeSync(fd);
  }
}

function mapOpenError(err: Error, head: Buffer): LedgerError {
  const looksZip = head.readUInt32LE(0) === 0x04034b50;
  if (/signature not found|Invalid comment length/i.test(err.message)) return looksZip ? new LedgerError('BAD_FILE', TRUNCATED) : foreign();
  const slip = /^(?:invalid characters in fileName|absolute path|invalid relative path): (.*)$/.exec(err.message);
  if (slip) return zipSlip(slip[1]);
  return looksZip ? damaged(`无法读取文件目录（${err.message}）`) : foreign();
}

/**
 * yauzl's own file reader reads 16 KB at a time (2.8 s per GB here, against 0.13 s for 1 MB reads);
 * this reader hands yauzl 1 MB-chunk streams through its documented RandomAccessReader hook.
 * Closing is idempotent, so the descriptor can never be closed twice (and hit a reused number).
 */
const KEEP_FD = { open: fs.open, read: fs.read, close: (_fd: number, cb: (err: null) => void) => cb(null) };

class FileReader extends (yauzl.RandomAccessReader as unknown as new () => yauzl.RandomAccessReader) {
  private closed = false;
  constructor(private readonly fd: number) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (end <= start) return Readable.from([]);
    // yauzl destroys each range stream when done, and destroying an fs stream closes its fd even with
    // autoClose:false; the shared descriptor is closed only by close() below.
    return fs.createReadStream('', { fd: this.fd, start, end: end - 1, highWaterMark: 1 << 20, fs: KEEP_FD });
  }

  override close(cb: (err: Error | null) => void): void {
    if (this.closed) return cb(null);
    this.closed = true;
    fs.close(this.fd, (e) => cb(e ?? null));
  }
}

function openWithReader(file: string, size: number): Promise<yauzl.ZipFile> {
  const fd = fs.openSync(file, 'r');
  const reader = new FileReader(fd);
  const options = { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true };
  return new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(reader, size, options, (e, z) => {
      if (e) reader.close(() => reject(e));
      else resolve(z);
    }),
  );
}

export async function openBackupZip(file: string): Promise<OpenedZip> {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new LedgerError('NOT_FOUND', `“${file}”不是文件`);
    size = st.size;
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('NOT_FOUND', `找不到备份文件：${file}`);
  }
  if (size < 22) throw new LedgerError('BAD_FILE', size === 0 ? `${TRUNCATED}：文件为空` : TRUNCATED);
  const head = readHead(file);
  let zip: yauzl.ZipFile;
  try {
    zip = await openWithReader(file, size);
  } catch (err) {
    throw mapOpenError(err as Error, head);
  }
  try {
    const entries = await readDirectory(zip);
    const comment = zip.comment ?? '';
    return { zip, entries, size, comment, ours: comment.startsWith(COMMENT_MARKER) };
  } catch (err) {
    zip.close();
    throw err instanceof LedgerError ? err : mapOpenError(err as Error, head);
  }
}

function readDirectory(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (e: yauzl.Entry) => {
      const name = e.fileName;
      if (unsafeEntryName(name)) return reject(zipSlip(name));
      if (!knownEntryName(name)) return reject(foreign(`：含有不属于备份的内容“${name}”`));
      if (entries.has(name)) return reject(damaged(`“${name}”出现了两次`));
      if (e.isEncrypted()) return reject(foreign('：含有加密内容'));
      entries.set(name, e);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

export function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));
}

type WithHeader = {
  readLocalFileHeader(e: yauzl.Entry, o: { minimal: true }, cb: (err: Error | null, h: { fileDataStart: number }) => void): void;
};

/** Where an entry's data starts in the file (yauzl reads and checks its local header). */
export function dataStart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  return new Promise((resolve, reject) =>
    (zip as unknown as WithHeader).readLocalFileHeader(entry, { minimal: true }, (e, h) => (e ? reject(e) : resolve(h.fileDataStart))),
  );
}

/** Reads a small entry (the manifest) into memory, refusing anything larger than limit. */
export async function readSmallEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw damaged(`“${entry.fileName}”大小异常`);
  const chunks: Buffer[] = [];
  for await (const c of await openEntry(zip, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
