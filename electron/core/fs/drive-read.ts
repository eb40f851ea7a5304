/**
 * Reads a file as the drive holds it, not as the OS cache remembers it. A read after writing is
 * otherwise served from the page cache and proves only what was handed to the OS; a U盘 that drops
 * or garbles writes (cheap sticks do) would pass. So the file is opened for direct I/O, which reads
 * the device itself even when the cache holds the file:
 * - Linux: O_DIRECT (after the writer's fsync; the kernel also writes back any dirty page of the
 *   range before a direct read).
 * - Windows: libuv's UV_FS_O_DIRECT, which it opens as FILE_FLAG_NO_BUFFERING (Node has no
 *   constant for it there, so its value is written out below).
 * Direct I/O wants the memory, the offset and the length aligned to the drive's sector size. Node
 * cannot ask for aligned memory, but a WebAssembly memory starts on a 64 KB page boundary, so the
 * buffers are carved out of one; offsets and lengths are whole 1 MB chunks (a read at the end of
 * the file returns what is left). A file system that refuses direct I/O (Linux tmpfs, where there is
 * no drive to read) is read through the cache, and the result says so.
 */
import fs from 'node:fs';
import { promisify } from 'node:util';

const CHUNK = 1 << 20;
/** libuv's UV_FS_O_DIRECT on Windows (uv/win.h: FILE_FLAG_NO_BUFFERING). */
const WIN_UV_FS_O_DIRECT = 0x02000000;
const DIRECT: number | undefined = process.platform === 'win32' ? WIN_UV_FS_O_DIRECT : fs.constants.O_DIRECT;

const open = promisify(fs.open);
const read = promisify(fs.read);
const close = promisify(fs.close);

/** The part of WebAssembly used here (the Node typings of this project carry no WebAssembly values). */
type WasmMemory = new (d: { initial: number }) => { buffer: ArrayBuffer };
const WASM_PAGE = 65536;

/** Two 1 MB buffers on 64 KB boundaries: one is read into while the other is handed out. */
function alignedBuffers(): [Buffer, Buffer] {
  const Memory = (globalThis as unknown as { WebAssembly: { Memory: WasmMemory } }).WebAssembly.Memory;
  const mem = new Memory({ initial: (2 * CHUNK) / WASM_PAGE });
  return [Buffer.from(mem.buffer, 0, CHUNK), Buffer.from(mem.buffer, CHUNK, CHUNK)];
}

/** EINVAL: this file system (or this buffer) does not do direct I/O. */
const refusesDirect = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EINVAL';

async function openDirect(file: string): Promise<number | null> {
  if (DIRECT === undefined) return null;
  try {
    return await open(file, fs.constants.O_RDONLY | DIRECT);
  } catch (err) {
    if (refusesDirect(err)) return null;
    throw err;
  }
}

interface DriveRead {
  /** Bytes read: the whole file. */
  size: number;
  /** True when every byte came from the device; false when the file system refused direct I/O. */
  fromDrive: boolean;
}

/**
 * Reads `file` from start to end, handing each chunk in order to onChunk (the chunk's memory is
 * reused once onChunk returns). The next chunk is already being read while onChunk works.
 */
export async function readFromDrive(file: string, onChunk: (chunk: Buffer, pos: number) => void): Promise<DriveRead> {
  const bufs = alignedBuffers();
  let fd = await openDirect(file);
  let fromDrive = fd !== null;
  fd ??= await open(file, 'r');
  const none = Promise.resolve({ bytesRead: 0, buffer: bufs[0] });
  let pending = none;
  try {
    let pos = 0;
    let i = 0;
    pending = read(fd, bufs[0], 0, CHUNK, 0);
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await pending);
      } catch (err) {
        // Some file systems accept the flag at open and refuse the first read instead.
        if (!(fromDrive && pos === 0 && refusesDirect(err))) throw err;
        await close(fd);
        fd = await open(file, 'r');
        fromDrive = false;
        pending = read(fd, bufs[0], 0, CHUNK, 0);
        continue;
      }
      if (bytesRead === 0) return { size: pos, fromDrive };
      const next = pos + bytesRead;
      // A short read is the end of the file (direct reads come in whole chunks until then).
      pending = bytesRead === CHUNK ? read(fd, bufs[(i + 1) % 2], 0, CHUNK, next) : none;
      onChunk(bufs[i % 2].subarray(0, bytesRead), pos);
      pos = next;
      i++;
    }
  } finally {
    // A read still under way (onChunk threw) must finish before its descriptor is closed.
    await pending.catch(() => undefined);
    await close(fd);
  }
}
