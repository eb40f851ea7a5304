/**
 * Chinese messages for what goes wrong while backing up or restoring: file-system errors
 * (a pulled drive, a full disk, a write-protected stick) become one sentence saying what is wrong.
 */
import { LedgerError, type ErrorCode } from '@rules/errors';
import { ioReason } from '../fs/io-reason';

export { formatBytes } from '@rules/limits';
export { ioReason };

/** Wraps any error as a LedgerError prefixed with what was being done (e.g. 备份失败). */
export function asLedgerError(err: unknown, prefix: string, code: ErrorCode = 'IO'): LedgerError {
  if (err instanceof LedgerError) {
    return err.message.startsWith(prefix) ? err : new LedgerError(err.code, `${prefix}：${err.message}`, err.issues);
  }
  return new LedgerError(code, `${prefix}：${ioReason(err)}`);
}

export const damaged = (what: string): LedgerError => new LedgerError('BAD_FILE', `备份文件已损坏：${what}`);

/**
 * Why a part of a backup could not be read: the drive's error (an errno code: EIO, ENODEV…) in the
 * clerk's words, or — for the zip and zlib complaints (Z_DATA_ERROR, English) — that the data is broken.
 */
export const unreadable = (label: string, err: unknown): LedgerError =>
  /^E[A-Z]+$/.test(String((err as NodeJS.ErrnoException | undefined)?.code ?? ''))
    ? new LedgerError('IO', `无法读取备份文件中的${label}：${ioReason(err)}`)
    : damaged(`${label}无法读取（压缩数据不完整或被改动）`);
