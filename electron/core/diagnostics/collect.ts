/**
 * Gathers what 关于与诊断 shows: versions, the ledger's path, size, schema version and
 * integrity_check, free space of its disk, the last backup, removable drives, and what only the
 * shell knows (Electron and Chromium versions, printers, the log file) through DiagnosticsHost —
 * main implements it with Electron, the harness and the CLI with what they have.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version as betterSqlite3Version } from 'better-sqlite3/package.json';
import type { Diagnostics, DiagnosticsHost, DriveInfo, Unknown } from '@rules/diagnostics';

export type { DiagnosticsHost };
import { readUserVersion, sqliteFailure, type Db } from '../db/open';
import { toErrorPayload } from '@rules/errors';
import { SCHEMA_VERSION } from '../db/migrations';
import type { LedgerContext } from '../context';
import { backupStatus } from '../backup/routine';
import { listDrives } from '../backup/drives';
import { spaceAt } from '../backup/space';
import { ioReason } from '../fs/io-reason';

/** The command line's host: no window, no printers, no log. */
export const CLI_HOST: DiagnosticsHost = { kind: 'cli', electron: null, chromium: null, logFile: null, printers: async () => null };

/** `integrity_check` stops after this many problems; a page of them says enough. */
const MAX_INTEGRITY_LINES = 20;

export function versionsOf(db: Db, host: DiagnosticsHost, appVersion: string): Diagnostics['versions'] {
  return {
    app: appVersion,
    electron: host.electron,
    chromium: host.chromium,
    node: process.versions.node,
    sqlite: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    betterSqlite3: betterSqlite3Version,
    os: `${os.type()} ${os.release()} (${process.platform}-${process.arch})`,
  };
}

const fileSize = (f: string) => {
  try {
    return fs.statSync(f).size;
  } catch {
    return 0;
  }
};

/**
 * SQLite's integrity check: ['ok'], or the problems found. Reads every page — seconds on a large
 * ledger (6.6 s for 200,000 records on a loaded test machine) — hence its own API method, in the worker.
 */
export function integrityCheck(db: Db): string[] {
  // SQLite answers the problems of one database as one row of lines.
  return (db.pragma(`integrity_check(${MAX_INTEGRITY_LINES})`) as { integrity_check: string }[]).flatMap((r) =>
    r.integrity_check.split('\n').filter(Boolean),
  );
}

/** The ledger's path, size with its WAL and schema version; the integrity check only when asked for. */
function ledgerFacts(db: Db, file: string, withIntegrity: boolean): Diagnostics['ledger'] {
  return {
    path: file,
    sizeBytes: fileSize(file) + fileSize(`${file}-wal`),
    schemaVersion: readUserVersion(db),
    expectedSchemaVersion: SCHEMA_VERSION,
    integrity: withIntegrity ? integrityCheck(db) : null,
  };
}

function diskOf(file: string): Diagnostics['disk'] {
  const dir = path.dirname(file);
  try {
    return { path: dir, ...spaceAt(dir) };
  } catch (err) {
    return { error: `无法读取磁盘空间：${ioReason(err)}` };
  }
}

async function drivesOr(): Promise<DriveInfo[] | Unknown> {
  try {
    return (await listDrives()).map(({ path: p, label, freeBytes, totalBytes }) => ({ path: p, label, freeBytes, totalBytes }));
  } catch (err) {
    return { error: `无法列出U盘：${ioReason(err)}` };
  }
}

/** Read from the ledger itself: a damaged file may not tell, and the rest of the page still shows. */
function lastBackupOf(db: Db, now: Date): Diagnostics['lastBackup'] {
  try {
    const s = backupStatus(db, now);
    return { at: s.lastBackupAt, daysSince: s.daysSince, reminderDue: s.reminderDue };
  } catch (err) {
    return { error: `无法读取：${toErrorPayload(sqliteFailure(err) ?? err).message}` };
  }
}

/**
 * Everything but the integrity check unless `withIntegrity` (the self-test): the page asks for that
 * separately (diagnostics.integrity, in the worker) so the window never waits on it.
 */
export async function collectDiagnostics(
  ctx: LedgerContext,
  host: DiagnosticsHost,
  opts: { withIntegrity?: boolean; now?: Date } = {},
): Promise<Diagnostics> {
  const now = opts.now ?? new Date();

  const [drives, printers] = await Promise.all([drivesOr(), host.printers().catch(() => null)]);
  return {
    collectedAt: now.toISOString(),
    host: host.kind,
    versions: versionsOf(ctx.db, host, ctx.appVersion),
    ledger: ledgerFacts(ctx.db, ctx.file, !!opts.withIntegrity),
    disk: diskOf(ctx.file),
    lastBackup: lastBackupOf(ctx.db, now),
    drives,
    printers,
    logFile: host.logFile,
  };
}
