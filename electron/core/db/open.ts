/**
 * Opens a ledger file: WAL, foreign keys, pending migrations each in a transaction.
 * A file written by a newer app version is refused untouched, before any write.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '@rules/errors';
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

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Reads user_version straight from the 100-byte database header, without SQLite: a read-only
 * SQLite open of a WAL-mode file would still leave -wal/-shm files beside it. Returns null for
 * a missing or empty file (a new ledger) and throws BAD_FILE for anything that is not SQLite.
 */
export function readHeaderVersion(file: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const head = Buffer.alloc(100);
    const n = fs.readSync(fd, head, 0, 100, 0);
    if (n === 0) return null;
    if (n < 100 || !head.subarray(0, 16).equals(SQLITE_MAGIC)) {
      throw new LedgerError('BAD_FILE', `“${file}”不是法治台账文件（不是 SQLite 数据库），未作任何改动。`);
    }
    return head.readUInt32BE(60);
  } finally {
    fs.closeSync(fd);
  }
}

function tooNew(version: number): LedgerError {
  return new LedgerError(
    'SCHEMA_TOO_NEW',
    `该台账文件由更新版本的法治台账创建（数据结构版本${version}，本程序支持到${SCHEMA_VERSION}），请升级程序后再打开。文件未作任何改动。`,
  );
}

export function openDb(file: string, opts: OpenOptions = {}): Db {
  if (!opts.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    // The header alone refuses a foreign or newer file before SQLite opens it at all.
    const headerVersion = readHeaderVersion(file);
    if (headerVersion !== null && headerVersion > SCHEMA_VERSION) throw tooNew(headerVersion);
    // Open read-only first so a newer or foreign file is never touched (not even a WAL switch).
    // Read-only callers never create a file.
    const exists = fs.existsSync(file);
    const probe = new Database(file, { readonly: exists || !!opts.readonly, fileMustExist: exists || !!opts.readonly });
    let version: number;
    let tables: string[];
    try {
      version = readUserVersion(probe);
      tables = (probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    } finally {
      probe.close();
    }
    // (A WAL not yet checkpointed can hold a newer version than the header.)
    if (version > SCHEMA_VERSION) throw tooNew(version);
    // Another program's SQLite database: never migrate our tables into it.
    if ((version === 0 && tables.length > 0) || (version > 0 && !tables.includes('records'))) {
      throw new LedgerError('BAD_FILE', `“${file}”不是法治台账文件（其中的数据表不属于本程序），未作任何改动。`);
    }
    // The hook runs before our handle exists, so a failing safety copy leaves nothing open.
    if (!opts.readonly && version > 0 && version < SCHEMA_VERSION) opts.beforeMigrate?.(file, version);
    db = new Database(file, { readonly: !!opts.readonly });
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
