/**
 * How big a backup of this ledger will be (database plus attachment files) and whether a target
 * has room for it, so a full U盘 is reported before anything is written.
 */
import fs from 'node:fs';
import type { Db } from '../db/open';
import { LedgerError } from '@rules/errors';
import { formatBytes, ioReason } from './messages';

/** Database file (with its WAL) plus every distinct attachment file; a slight overestimate is fine. */
export function estimateBackupBytes(file: string, db: Db): number {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  const files = (
    db.prepare('SELECT coalesce(sum(size), 0) AS n FROM (SELECT max(size) AS size FROM attachments GROUP BY sha256)').get() as { n: number }
  ).n;
  return size(file) + size(`${file}-wal`) + files;
}

interface Space {
  freeBytes: number;
  totalBytes: number;
}

export function spaceAt(dir: string): Space {
  const s = fs.statfsSync(dir);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
}

/** Room for the backup plus a margin (5 % and 16 MB) for the zip's own structure and the file system. */
export const hasRoom = (freeBytes: number, needBytes: number): boolean => freeBytes >= needBytes * 1.05 + 16 * 1024 * 1024;

export function checkRoom(dir: string, needBytes: number): void {
  let free: number;
  try {
    free = spaceAt(dir).freeBytes;
  } catch (err) {
    throw new LedgerError('IO', `备份失败：${ioReason(err)}`);
  }
  if (!hasRoom(free, needBytes)) {
    throw new LedgerError(
      'IO',
      `备份失败：U盘空间不足，本次备份约需 ${formatBytes(needBytes)}，目标位置仅剩 ${formatBytes(free)}，请清理空间或换一个U盘。`,
    );
  }
}
