/**
 * The app's log, as the core sees it: a small interface the shells wire (Electron main and the
 * harness to electron-log, the CLI to nothing), so the core never imports a log library or
 * electron (docs/diagnostics.md). What goes in: versions at start, each job's outcome (method, ok/failed,
 * duration, error code), errors by name, code and stack frames. Never content: no record text,
 * no file contents, no names — an error's message can quote a record, so it is left out.
 */
import os from 'node:os';
import type { ApiResult } from '@rules/api/protocol';
import type { Diagnostics } from '@rules/diagnostics';

export interface Logger {
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
}

export const NO_LOG: Logger = { info() {}, warn() {}, error() {} };

/** The log file keeps to this size; past it the file becomes `<name>.old.log` (one old file kept). */
const LOG_MAX_BYTES = 1024 * 1024;

/** The parts of an electron-log logger (main or node) this app configures. */
interface ElectronLogLike extends Logger {
  transports: {
    file: { resolvePathFn: (...a: never[]) => string; maxSize: number; level: string | false };
    console: { level: string | false };
  };
}

/**
 * Points an electron-log logger at `file`, rotated by size (electron-log renames a full file to
 * `<name>.old.log`, replacing the previous one). The console transport stays quiet in packaged use.
 */
export function logToFile<L extends ElectronLogLike>(log: L, file: string, opts: { maxSize?: number; console?: boolean } = {}): L {
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = opts.maxSize ?? LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.console.level = opts.console ? 'warn' : false;
  return log;
}

/** An error as the log keeps it: its class, code and stack frames, never its message. */
export function errorSummary(err: unknown): string {
  if (!(err instanceof Error)) return `非 Error 异常（${typeof err}）`;
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 12);
  return [`${err.name}${typeof code === 'string' ? ` ${code}` : ''}`, ...frames].join('\n');
}

/** One line per job: `job records.create ok 12ms` or `job backup.create failed 803ms IO`. */
export function logJob(log: Logger, method: string, result: ApiResult, ms: number): void {
  const took = `${Math.round(ms)}ms`;
  if (result.ok) log.info(`job ${method} ok ${took}`);
  else log.warn(`job ${method} failed ${took} ${result.error.code}`);
}

/** The versions line written at every start. */
export function logStart(log: Logger, versions: Diagnostics['versions'], ledgerFile: string): void {
  const v = versions;
  log.info(
    `start 法治台账 ${v.app}; electron ${v.electron ?? '-'}; chromium ${v.chromium ?? '-'}; node ${v.node}; ` +
      `sqlite ${v.sqlite}; better-sqlite3 ${v.betterSqlite3}; ${v.os}; ${os.arch()}`,
  );
  log.info(`ledger ${ledgerFile}`);
}
