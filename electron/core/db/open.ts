/**
 * Opens a ledger file: WAL, foreign keys, pending migrations each in a transaction.
 * A file written by a newer app version is refused untouched, before any write.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { LedgerError } from '@rules/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { distrustSchema, schemaProblem } from './trust';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Called with the file before a migration changes an existing ledger (the backup module hooks in here). */
  beforeMigrate?: (file: string, fromVersion: number) => void;
  /**
   * Another thread of this process already has the ledger open and checked its header (a worker of
   * the host, ../worker/entry.ts). The header is then not read again through a descriptor of our
   * own: on POSIX, closing any descriptor of a file drops every lock this process holds on it, so
   * the host's connection would no longer keep other processes from taking the ledger for unused
   * (SQLite's last closer checkpoints and deletes the -wal and -shm the host still writes to).
   * SQLite's own connections are safe: its file layer defers such closes while a lock is held.
   */
  heldByProcess?: boolean;
}

export function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs the migrations after the file's version, up to `upTo`. Each is an IMMEDIATE transaction that
 * re-reads the version inside it, so two processes opening an old ledger at once migrate it once.
 */
export function migrate(db: Db, upTo = SCHEMA_VERSION): void {
  for (const m of MIGRATIONS) {
    if (m.version > upTo) break;
    db.transaction(() => {
      if (readUserVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Reads user_version straight from the 100-byte database header, without SQLite: a read-only
 * SQLite open of a WAL-mode file would still leave -wal/-shm files beside it. Returns null for
 * a missing or empty file (a new ledger) and throws BAD_FILE for anything that is not SQLite.
 * Only for a file this process has not opened through SQLite (see OpenOptions.heldByProcess).
 */
function readHeaderVersion(file: string): number | null {
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

/** What the header alone refuses (a foreign or newer file), before anything is created beside it. */
export function precheckLedgerFile(file: string, opts: Pick<OpenOptions, 'heldByProcess'> = {}): void {
  if (opts.heldByProcess) return;
  const v = readHeaderVersion(file);
  if (v !== null && v > SCHEMA_VERSION) throw tooNew(v);
}

export function openDb(file: string, opts: OpenOptions = {}): Db {
  let db: Db;
  try {
    if (!opts.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // The header alone refuses a foreign or newer file before SQLite opens it at all.
    precheckLedgerFile(file, opts);
    // Open read-only first so a newer or foreign file is never touched (not even a WAL switch).
    // Read-only callers never create a file.
    const exists = fs.existsSync(file);
    // SQLite opens a write-protected file read-only without a word (every save would then fail),
    // and even its read-only probe below would leave -wal and -shm files beside it.
    if (!opts.readonly && exists) refuseReadOnlyFile(file);
    const probe = openSqlite(file, { readonly: exists || !!opts.readonly, fileMustExist: exists || !!opts.readonly });
    let version: number;
    let tables: string[];
    let problem: string | null = null;
    try {
      distrustSchema(probe);
      version = readUserVersion(probe);
      tables = (probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      if (version > 0 && version <= SCHEMA_VERSION && tables.includes('records')) problem = schemaProblem(probe, version);
    } finally {
      probe.close();
    }
    // (A WAL not yet checkpointed can hold a newer version than the header.)
    if (version > SCHEMA_VERSION) throw tooNew(version);
    // Another program's SQLite database: never migrate our tables into it.
    if ((version === 0 && tables.length > 0) || (version > 0 && !tables.includes('records'))) {
      throw new LedgerError('BAD_FILE', `“${file}”不是法治台账文件（其中的数据表不属于本程序），未作任何改动。`);
    }
    // Our tables but someone else's triggers, views or indexes: they would run on our writes.
    if (problem) throw new LedgerError('BAD_FILE', `“${file}”的数据结构被改动过（${problem}），为防数据被篡改，未打开也未作任何改动。`);
    // The hook runs before our handle exists, so a failing safety copy leaves nothing open.
    if (!opts.readonly && version > 0 && version < SCHEMA_VERSION) opts.beforeMigrate?.(file, version);
    db = openSqlite(file, { readonly: !!opts.readonly });
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw openError(file, err, !!opts.readonly);
  }
  try {
    distrustSchema(db);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof LedgerError) throw err;
    throw openError(file, err);
  }
}

/** How long a statement waits for another process's write before giving up (then 台账正被其他程序使用). */
const BUSY_TIMEOUT_MS = 5000;

function refuseReadOnlyFile(file: string): void {
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw err;
    throw new LedgerError(
      'IO',
      `台账文件“${file}”是只读的（可能从光盘或只读共享复制而来，或设置了“只读”属性），无法保存修改，未作任何改动。请去掉文件的只读属性，或把它复制到可写的文件夹后再打开。`,
    );
  }
}

/** What went wrong opening a ledger, in the clerk's words (SQLite's and the OS's codes, never their English). */
export function openError(file: string, err: unknown, readonly = false): LedgerError {
  const code = String((err as { code?: unknown }).code ?? '');
  if (readonly && !fs.existsSync(file)) return new LedgerError('BAD_FILE', `找不到台账文件“${file}”`);
  if (code === 'SQLITE_NOTADB')
    return new LedgerError('BAD_FILE', `“${file}”不是法治台账文件（不是 SQLite 数据库或已损坏），未作任何改动。`);
  if (code === 'SQLITE_CORRUPT') return new LedgerError('BAD_FILE', `台账文件“${file}”已损坏，请从备份恢复。`);
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new LedgerError(
      'IO',
      `无法写入台账所在的文件夹“${path.dirname(path.resolve(file))}”（只读或没有权限），请把台账放到可写的文件夹，或联系管理员开通写入权限。`,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busyError();
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new LedgerError('IO', '磁盘空间不足，无法打开台账，请清理磁盘后重试。');
  return new LedgerError('BAD_FILE', `无法打开台账文件“${file}”（${code || (err as Error).message}）`);
}

/**
 * SQLite's own failures during a call, in the clerk's words: a ledger another process is writing
 * past the busy timeout, a full disk, a file made read-only. Null for anything else.
 */
export function sqliteFailure(err: unknown): LedgerError | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busyError();
  if (code === 'SQLITE_FULL') return new LedgerError('IO', '磁盘空间不足，刚才的修改未保存，请清理磁盘后重试。');
  if (code.startsWith('SQLITE_READONLY')) return new LedgerError('IO', '台账文件或其所在文件夹是只读的，刚才的修改未保存。');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new LedgerError('BAD_FILE', '台账文件已损坏，请从备份恢复。');
  return null;
}

const BUSY_MESSAGE = '台账正被其他程序使用（另一个法治台账窗口或命令行正在写入），请稍后重试';
const busyError = (): LedgerError => new LedgerError('CONFLICT', BUSY_MESSAGE);
