/**
 * A write stream on a file descriptor we keep, so the file can be fsync'd after the stream has
 * finished and closed after that. (A FileHandle stream with autoClose:false makes close() hang,
 * and without emitClose:false pipeline() waits forever for a 'close' that never comes.)
 *
 * With `syncBehind`, the bytes already written are flushed to the drive (fdatasync) while the
 * writing goes on, each time that many more have been written and no flush is under way. A large
 * file otherwise sits in memory until the final fsync, which then waits for all of it while the
 * writer has nothing left to do; flushed behind the writer, the drive works while the writer
 * computes, and the final fsync waits only for the last stretch.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { promisify } from 'node:util';

export interface FileSink {
  stream: Writable;
  sync(): Promise<void>;
  close(): Promise<void>;
}

interface SinkOptions {
  /** Flush to the drive behind the writer every this many bytes (default: only at sync()). */
  syncBehind?: number;
}

const open = promisify(fs.open);
const fsync = promisify(fs.fsync);
const close = promisify(fs.close);
/** Looked up at each call (not bound once), so a test can make the drive's flush fail. */
const fdatasync = (fd: number) => new Promise<void>((resolve, reject) => fs.fdatasync(fd, (e) => (e ? reject(e) : resolve())));

type Done = (err: NodeJS.ErrnoException | null, n: number, ...rest: unknown[]) => void;

/** flags: 'wx' for a new temp file (fails if it exists), 'w' to overwrite. */
export async function openFileSink(file: string, flags: 'wx' | 'w', options: SinkOptions = {}): Promise<FileSink> {
  const fd = await open(file, flags);
  let closed = false;
  const every = options.syncBehind;
  let unsynced = 0;
  let flushing: Promise<void> | null = null;
  // A failed flush is reported by sync(): on Linux a later fsync may no longer report that error.
  let flushError: unknown = null;
  /** Counts what a write took and starts a flush behind it when enough is waiting. */
  const counted =
    (done: Done): Done =>
    (err, n, ...rest) => {
      if (!err && every) {
        unsynced += n;
        if (unsynced >= every && !flushing && !closed) {
          unsynced = 0;
          flushing = fdatasync(fd)
            .catch((e: unknown) => void (flushError ??= e))
            .finally(() => (flushing = null));
        }
      }
      done(err, n, ...rest);
    };
  // Node's stream does the writing (partial writes included); only the completions are counted.
  const io = every && {
    open: fs.open,
    close: fs.close,
    write: (...args: unknown[]) => (fs.write as (...a: unknown[]) => void)(...args.slice(0, -1), counted(args.at(-1) as Done)),
    writev: (...args: unknown[]) => (fs.writev as (...a: unknown[]) => void)(...args.slice(0, -1), counted(args.at(-1) as Done)),
  };
  return {
    stream: fs.createWriteStream('', { fd, autoClose: false, emitClose: false, highWaterMark: 1 << 20, ...(io && { fs: io }) }),
    sync: async () => {
      await flushing;
      if (flushError) throw flushError;
      await fsync(fd);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      // A flush still under way must finish before its descriptor is closed.
      await flushing;
      await close(fd);
    },
  };
}
