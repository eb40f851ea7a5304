/**
 * The core's composition root: opens a ledger file as the context every API handler runs against,
 * wiring the database, the hold that keeps other processes out during a replace, and the checked
 * safety copy before a migration. It sits in api/, the top of the core, because it needs the
 * layers below (db, backup) while they only name the context's shape (../context.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '@rules/errors';
import { openDb, precheckLedgerFile, type Db, type OpenOptions } from '../db/open';
import { holdFileFor, LedgerHold } from '../db/hold';
import { preMigrationCopy } from '../backup/safety';
import { removeLeftoverWorkDirs } from '../backup/leftovers';
import { APP_VERSION, type LedgerContext } from '../context';
import { rewordOnOpen } from '../ledger/level-wording';

export function openContext(file: string, given: OpenOptions = {}): LedgerContext {
  // Every migration of an existing ledger is preceded by a checked safety copy (docs/backup.md).
  const opts: OpenOptions = {
    ...given,
    beforeMigrate(f, from) {
      preMigrationCopy(f, from);
      given.beforeMigrate?.(f, from);
    },
  };
  // Held before the ledger is opened, so no process can open it while another replaces it; a
  // foreign or newer file is refused first, so nothing is created beside it.
  // What a killed run of this app left in the temp folder goes at the next start.
  removeLeftoverWorkDirs();
  // A read-only context writes nothing and creates nothing, so it takes no hold.
  precheckLedgerFile(file, given);
  const holdFile = holdFileFor(path.resolve(file));
  const created = !given.readonly && !fs.existsSync(holdFile);
  let hold = given.readonly ? null : LedgerHold.take(path.resolve(file));
  let db: Db;
  try {
    db = openDb(file, opts);
    if (!given.readonly) rewordOnOpen(db);
  } catch (err) {
    hold?.release();
    // A refused file keeps nothing of ours beside it (a waiter on the hold starts over, see hold.ts).
    if (created) fs.rmSync(holdFile, { force: true });
    throw err;
  }
  const ctx: LedgerContext = {
    file: path.resolve(file),
    db,
    appVersion: APP_VERSION,
    reopen() {
      if (ctx.db.open) ctx.db.close();
      if (!hold && !given.readonly) hold = LedgerHold.take(ctx.file);
      ctx.db = openDb(ctx.file, opts);
      if (!given.readonly) rewordOnOpen(ctx.db);
    },
    exclusive: (what) => {
      if (!hold) throw new LedgerError('CONFLICT', `台账以只读方式打开，不能${what}`);
      return hold.exclusive(what);
    },
    close() {
      if (ctx.db.open) ctx.db.close();
      hold?.release();
      hold = null;
    },
  };
  return ctx;
}
