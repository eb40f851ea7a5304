/**
 * What every API handler runs against: the open ledger, and where its files live.
 * The context outlives one database handle, because a restore swaps the file underneath.
 * Only the shape lives here, low in the core, so that every module can name it; it is built by
 * api/open-context.ts, which wires the database, the hold and the safety copies together.
 */
import path from 'node:path';
import type { Progress } from '@rules/api/protocol';
import type { Db } from './db/open';
import type { ImprintMeasurer, PdfPrinter } from './render/pdf';
import type { DiagnosticsHost } from '@rules/diagnostics';
import { version } from '../../package.json';

export interface LedgerContext {
  readonly file: string;
  db: Db;
  readonly appVersion: string;
  /**
   * Where a long job reports how far it got (set by the worker that runs it, api/worker-entry.ts;
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
  /** Where this host's browser puts the report's 版记, for the DOCX to follow; unset: headless Chromium. */
  measureImprint?: ImprintMeasurer;
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
