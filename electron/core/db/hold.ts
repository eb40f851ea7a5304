/**
 * Which processes have a ledger open, through SQLite's own file locking on a small companion file
 * `<ledger>-lock`. Every process that opens the ledger (the app, the CLI, the harness) keeps a
 * read transaction open on it, i.e. a SHARED lock. Replacing the whole ledger (restore, JSON import)
 * needs an EXCLUSIVE lock on it, which SQLite grants only when no other process holds SHARED.
 *
 * Why this and not a lock file with a pid: the OS drops these locks when a process ends, however
 * it ends (kill -9, power loss of a network client aside), so there is no stale lock to guess about
 * and no pid-reuse check; SQLite implements it with fcntl locks on POSIX and LockFileEx on Windows,
 * the same locks that already keep its databases consistent there. Why a companion file and not
 * the ledger itself: in WAL mode a connection holds no lock on the ledger between transactions, so
 * the ledger cannot tell whether another process has it open.
 *
 * Ordinary writes from several processes stay allowed (they wait for each other, see
 * BUSY_TIMEOUT_MS); only what would discard another process's acknowledged writes is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { LedgerError } from '@rules/errors';
import { openError } from './open';

export const holdFileFor = (file: string): string => `${file}-lock`;

/** How long an opening process waits for another process's restore or import to finish. */
const OPEN_WAIT_MS = 5000;

class RemovedWhileWaiting extends LedgerError {}

export class LedgerHold {
  private readonly db: Database.Database;
  private exclusiveHeld = false;

  /** Takes the hold; if the ledger was removed while we waited for it, starts over (it is new now). */
  static take(file: string): LedgerHold {
    for (let attempt = 1; ; attempt++) {
      try {
        return new LedgerHold(file);
      } catch (err) {
        if (!(err instanceof RemovedWhileWaiting) || attempt >= 3) throw err;
      }
    }
  }

  private constructor(readonly file: string) {
    let db: Database.Database;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      db = openSqlite(holdFileFor(file));
    } catch (err) {
      // The clerk's words for a read-only folder or a full disk, as when the ledger itself fails to open.
      throw openError(file, err);
    }
    this.db = db;
    try {
      this.db.pragma(`busy_timeout = ${OPEN_WAIT_MS}`);
      this.share();
      // A process that created this ledger and then removed it (a refused CLI import into a new
      // file) removes the hold file too, while we may have been waiting on it: we would then hold
      // a file nobody else can see. Such a wait ends with the ledger gone; say so.
      if (!fs.existsSync(holdFileFor(file))) throw new RemovedWhileWaiting('CONFLICT', '台账刚被另一个程序移除，请重新打开。');
    } catch (err) {
      this.db.close();
      if (err instanceof LedgerError) throw err;
      if (String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) {
        throw new LedgerError('CONFLICT', '台账正被另一个程序恢复或整体导入，请等它完成后再打开。');
      }
      throw err;
    }
  }

  /** Takes (or re-takes) the SHARED lock: a read transaction left open. */
  private share(): void {
    this.db.exec('BEGIN');
    this.db.prepare('SELECT count(*) FROM sqlite_master').get();
  }

  /**
   * Becomes the only process holding the ledger, for `what` (e.g. 恢复备份); refuses at once when
   * another process has it open. Returns the release function (back to SHARED).
   */
  exclusive(what: string): () => void {
    if (this.exclusiveHeld) throw new LedgerError('CONFLICT', `正在进行其他操作，请等它完成后再${what}`);
    this.db.exec('COMMIT');
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      this.db.pragma(`busy_timeout = ${OPEN_WAIT_MS}`);
      this.share();
      if (String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) {
        throw new LedgerError(
          'CONFLICT',
          `台账正被另一个程序打开（另一个法治台账窗口或命令行），为防其中刚保存的数据丢失，不能${what}。请先关闭其他程序后重试，台账未作任何改动。`,
        );
      }
      // A folder made read-only after the ledger was opened: SQLite may not create the -lock file's
      // journal (SQLITE_READONLY_DIRECTORY). Said as when opening, not as a lost edit (sqliteFailure).
      throw openError(this.file, err);
    }
    this.exclusiveHeld = true;
    return () => {
      if (!this.exclusiveHeld || !this.db.open) return;
      this.exclusiveHeld = false;
      this.db.exec('COMMIT');
      this.db.pragma(`busy_timeout = ${OPEN_WAIT_MS}`);
      this.share();
    };
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}
