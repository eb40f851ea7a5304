/**
 * Opens a ledger file: WAL, foreign keys, pending migrations each in a transaction.
 * A file written by a newer app version is refused untouched, before any write.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Called with the file before a migration changes an existing ledger (the backup module hooks in here). */
  beforeMigrate?: (file: string, fromVersion: number) => void;
}

export function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db): void {
  const current = readUserVersion(db);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

export function openDb(file: string, opts: OpenOptions = {}): Db {
  if (!opts.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    // Open read-only first so a newer or foreign file is never touched (not even a WAL switch).
    const probe = new Database(file, { readonly: fs.existsSync(file), fileMustExist: false });
    let version: number;
    try {
      version = readUserVersion(probe);
    } finally {
      probe.close();
    }
    if (version > SCHEMA_VERSION) {
      throw new LedgerError(
        'SCHEMA_TOO_NEW',
        `该台账文件由更新版本的法治台账创建（数据结构版本${version}，本程序支持到${SCHEMA_VERSION}），请升级程序后再打开。文件未作任何改动。`,
      );
    }
    db = new Database(file, { readonly: !!opts.readonly });
    if (!opts.readonly && version > 0 && version < SCHEMA_VERSION) opts.beforeMigrate?.(file, version);
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('BAD_FILE', `无法打开台账文件“${file}”：${(err as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw new LedgerError('BAD_FILE', `台账文件“${file}”无法使用：${(err as Error).message}`);
  }
}
