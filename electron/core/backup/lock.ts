/**
 * One backup or restore at a time per ledger in this process: a restore swapping the file while a
 * backup reads it (or two restores at once) must never happen.
 */
import path from 'node:path';
import { LedgerError } from '@rules/errors';

const busy = new Map<string, string>();

export async function withLedgerLock<T>(file: string, what: string, fn: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const current = busy.get(key);
  if (current) throw new LedgerError('CONFLICT', `正在${current}，请等它完成后再${what}`);
  busy.set(key, what);
  try {
    return await fn();
  } finally {
    busy.delete(key);
  }
}
