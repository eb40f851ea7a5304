/**
 * What every API handler runs against: the open ledger, and where its files live.
 * The context outlives one database handle, because a restore swaps the file underneath.
 */
import path from 'node:path';
import { openDb, type Db, type OpenOptions } from '../db/open';
import { preMigrationCopy } from '../backup/safety';
import { version } from '../../../package.json';
import type { Progress } from '../worker/protocol';
import type { PdfPrinter } from '../report/export';

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
  /** Closes and opens the ledger file again (after a restore). */
  reopen(): void;
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
  const ctx: LedgerContext = {
    file: path.resolve(file),
    db: openDb(file, opts),
    appVersion: APP_VERSION,
    reopen() {
      if (ctx.db.open) ctx.db.close();
      ctx.db = openDb(ctx.file, opts);
    },
    close() {
      if (ctx.db.open) ctx.db.close();
    },
  };
  return ctx;
}
