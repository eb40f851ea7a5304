/**
 * What every API handler runs against: the open ledger, and where its files live.
 * The context outlives one database handle, because a restore swaps the file underneath.
 */
import path from 'node:path';
import { openDb, precheckLedgerFile, type Db, type OpenOptions } from '../db/open';
import { preMigrationCopy } from '../backup/safety';
import { version } from '../../../package.json';
import type { Progress } from '../worker/protocol';
import { removeLeftoverWorkDirs } from '../backup/leftovers';
import fs from 'node:fs';
import { holdFileFor, LedgerHold } from '../db/hold';
import { LedgerError } from '@rules/errors';
import type { PdfPrinter } from '../report/export';
import type { DiagnosticsHost } from '../diagnostics/collect';

export interface LedgerContext {
  readonly file: string;
  db: Db;
  readonly appVersion: string;
  /**
   * Where a long job reports how far it got (set by the worker that runs it, ../worker/entry.ts;
   * absent when nobody listens). Handlers call it between batches, never per row.
   */
  progress?: (p: Progress) => void;
  /**
   * How this host prints HTML to PDF for the core's own PDFs (registers, the 档案袋): Electron
   * sets its printToPDF, the harness its warm Chromium; unset (CLI, tests) means headless
   * Chromium through playwright-core (render/pdf.ts). A function: it does not reach a worker
   * thread, so a method that prints through it must stay inline (no `worker` option).
   */
  printPdf?: PdfPrinter;
  /**
   * What only the shell knows for 关于与诊断 (Electron and Chromium versions, printers, the log
   * file); unset means the command line's answers. Holds functions, so it stays on this thread.
   */
  host?: DiagnosticsHost;
  /**
   * Closes and opens the ledger file again (after a restore); the hold stays, or is taken again
   * when close() let go of it (the dispatcher closes the context while a worker replaces the file).
   */
  reopen(): void;
  /**
   * Makes this process the only one holding the ledger, for an operation that replaces it
   * (restore, JSON import); refused with a Chinese message while another process has it open.
   * Returns the release function.
   */
  exclusive(what: string): () => void;
  /** Closes the ledger and lets go of it. */
  close(): void;
}

/** The app's version (package.json), written into backup manifests. */
export const APP_VERSION: string = version;

/** Attachments sit beside the ledger file, in a folder named after it. */
export function attachmentsDirFor(file: string): string {
  const p = path.parse(path.resolve(file));
  return path.join(p.dir, `${p.name}-attachments`);
}

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
  precheckLedgerFile(file);
  const holdFile = holdFileFor(path.resolve(file));
  const created = !given.readonly && !fs.existsSync(holdFile);
  let hold = given.readonly ? null : LedgerHold.take(path.resolve(file));
  let db: Db;
  try {
    db = openDb(file, opts);
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
