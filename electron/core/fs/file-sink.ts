/**
 * A write stream on a file descriptor we keep, so the file can be fsync'd after the stream has
 * finished and closed after that. (A FileHandle stream with autoClose:false makes close() hang,
 * and without emitClose:false pipeline() waits forever for a 'close' that never comes.)
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { promisify } from 'node:util';

export interface FileSink {
  stream: Writable;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const open = promisify(fs.open);
const fsync = promisify(fs.fsync);
const close = promisify(fs.close);

/** flags: 'wx' for a new temp file (fails if it exists), 'w' to overwrite. */
export async function openFileSink(file: string, flags: 'wx' | 'w'): Promise<FileSink> {
  const fd = await open(file, flags);
  let closed = false;
  return {
    stream: fs.createWriteStream('', { fd, autoClose: false, emitClose: false, highWaterMark: 1 << 20 }),
    sync: () => fsync(fd),
    close: async () => {
      if (closed) return;
      closed = true;
      await close(fd);
    },
  };
}
