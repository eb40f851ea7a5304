/**
 * Opens a stored file for reading only when it is a regular file. Opening a named pipe for reading
 * blocks until something writes to it (forever, in an attachment store), and a symbolic link would
 * hand out a file from anywhere: so the last path component is never followed (O_NOFOLLOW), the
 * open never waits (O_NONBLOCK, which changes nothing for a regular file), and what was opened is
 * checked with fstat before a byte is read. Windows has neither flag and no pipes in a folder.
 */
import fs from 'node:fs';

const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/** Thrown for a pipe, a device, a folder or a link where a regular file should be (code ENOTREG). */
export class NotRegularFile extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly file: string) {
    super(`not a regular file: ${file}`);
  }
}

const notRegular = (err: unknown, file: string) => ((err as NodeJS.ErrnoException).code === 'ELOOP' ? new NotRegularFile(file) : err);

/** A descriptor of `file`, a regular file; the caller closes it (a stream given `fd` does). */
export function openRegularFileSync(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, FLAGS);
  } catch (err) {
    throw notRegular(err, file);
  }
  if (!fs.fstatSync(fd).isFile()) {
    fs.closeSync(fd);
    throw new NotRegularFile(file);
  }
  return fd;
}

/** A read stream of `file`, refused (thrown, before any stream exists) unless it is a regular file. */
export function regularFileStream(file: string, highWaterMark = 1 << 20): fs.ReadStream {
  return fs.createReadStream('', { fd: openRegularFileSync(file), highWaterMark });
}

/** The whole of `file`, a regular file. */
export async function readRegularFile(file: string): Promise<Buffer> {
  let h: fs.promises.FileHandle;
  try {
    h = await fs.promises.open(file, FLAGS);
  } catch (err) {
    throw notRegular(err, file);
  }
  try {
    if (!(await h.stat()).isFile()) throw new NotRegularFile(file);
    return await h.readFile();
  } finally {
    await h.close();
  }
}
