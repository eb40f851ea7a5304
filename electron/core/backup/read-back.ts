/**
 * The read-back of a backup just written: one sequential pass over the file as the drive holds it
 * (../fs/drive-read.ts), its CRC-32 and size compared with what the writer computed on the way out,
 * then the zip's directory and manifest parsed (served from the cache, but the pass has just proved
 * those bytes equal to the drive's). A drive that dropped, garbled or truncated any byte fails here.
 *
 * Nothing else is read twice: the parts' SHA-256 were taken while writing, over the very bytes the
 * CRC now proves, and the snapshot passed integrity_check before it was written.
 */
import zlib from 'node:zlib';
import { stableStringify } from '../ledger/exchange';
import { readFromDrive } from '../fs/drive-read';
import { type Manifest } from './format';
import { readManifest } from './inspect';
import { openBackupZip } from './zip-read';
import type { Written } from './write';
import { LedgerError } from '@rules/errors';

/** Why a read-back failed, said as what the drive returned (the caller adds 备份失败 and the advice). */
const mismatch = (what: string) => new LedgerError('IO', what);

/** Throws when the drive does not hold exactly `written`; returns whether the bytes came from the drive itself. */
export async function readBack(file: string, written: Written, manifest: Manifest): Promise<{ fromDrive: boolean }> {
  const body = written.size - written.comment.length;
  const tail = Buffer.alloc(written.comment.length);
  let crc = 0;
  const read = await readFromDrive(file, (chunk, pos) => {
    const end = pos + chunk.length;
    if (pos < body) crc = zlib.crc32(chunk.subarray(0, Math.min(chunk.length, body - pos)), crc);
    if (end > body && pos < written.size) {
      const from = Math.max(body, pos);
      chunk.copy(tail, from - body, from - pos, Math.min(end, written.size) - pos);
    }
  });
  if (read.size !== written.size) throw mismatch(`读回 ${read.size} 字节，写入的是 ${written.size} 字节`);
  if (crc !== written.crc || tail.toString('latin1') !== written.comment) {
    throw mismatch('从U盘读回的内容与写入的不一致');
  }
  const z = await openBackupZip(file);
  try {
    if (stableStringify(await readManifest(z)) !== stableStringify(manifest)) throw mismatch('读回的清单与写入的不一致');
  } finally {
    z.zip.close();
  }
  return { fromDrive: read.fromDrive };
}
