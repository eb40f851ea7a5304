/**
 * Writes a file under a temporary name in the same folder, flushes it, then renames it into place,
 * so a reader never sees half a file and a failed write leaves the old file as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { LedgerError } from '@rules/errors';
import type { Writable } from 'node:stream';
import { ioReason } from './io-reason';
import { openFileSink, type FileSink } from './file-sink';

export function tempNameFor(target: string): string {
  const p = path.parse(path.resolve(target));
  return path.join(p.dir, `.${p.base}.${randomBytes(4).toString('hex')}.tmp`);
}

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const tmp = tempNameFor(target);
  try {
    fs.mkdirSync(path.dirname(tmp), { recursive: true });
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new LedgerError('IO', `无法写入文件“${target}”：${ioReason(err)}`);
  }
}

/** writeFileAtomic without blocking the thread: for the Electron main process, where a sync write of a big file freezes the window. */
export async function writeFileAtomicAsync(target: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempNameFor(target);
  try {
    await fs.promises.mkdir(path.dirname(tmp), { recursive: true });
    const fh = await fs.promises.open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, target);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw new LedgerError('IO', `无法写入文件“${target}”：${ioReason(err)}`);
  }
}

/**
 * writeFileAtomic for content produced as a stream (a workbook written row by row): `write` writes
 * into the temp file's stream and resolves when it has finished; then flush, rename. On any failure
 * the temp file is removed and the target is left as it was.
 */
export async function writeStreamAtomic<T>(target: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const tmp = tempNameFor(target);
  let sink: FileSink | undefined;
  try {
    await fs.promises.mkdir(path.dirname(tmp), { recursive: true });
    sink = await openFileSink(tmp, 'wx');
    const result = await write(sink.stream);
    await sink.sync();
    await sink.close();
    await fs.promises.rename(tmp, target);
    return result;
  } catch (err) {
    await sink?.close();
    await fs.promises.rm(tmp, { force: true });
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('IO', `无法写入文件“${target}”：${ioReason(err)}`);
  }
}
