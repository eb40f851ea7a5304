/**
 * A consistent copy of the open ledger through SQLite's online backup API (never a file copy of
 * the live database), and the facts a manifest records about a database: counts, town, version,
 * the attachment files it references, and whether it passes PRAGMA integrity_check.
 */
import { openSqlite } from '../db/sqlite';
import { readUserVersion, type Db } from '../db/open';
import { distrustSchema } from '../db/trust';
import { getSettings } from '../ledger/settings';
import type { Counts } from './format';

/**
 * Copies db into dest while the app keeps using db. After the first small step the rest is copied
 * in one step, so a writer on another connection cannot make the copy restart forever.
 * The copy is switched to rollback-journal mode so it is one self-contained file.
 */
export async function takeSnapshot(db: Db, dest: string): Promise<void> {
  await db.backup(dest, { progress: () => 0x7fffffff });
  const copy = openSqlite(dest);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export function countLedger(db: Db): Counts {
  const records: Record<string, number> = {};
  for (const r of db.prepare('SELECT kind, count(*) AS n FROM records WHERE deleted_at IS NULL GROUP BY kind ORDER BY kind').all() as {
    kind: string;
    n: number;
  }[]) {
    records[r.kind] = r.n;
  }
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    records,
    trash: one('SELECT count(*) AS n FROM records WHERE deleted_at IS NOT NULL'),
    attachments: one('SELECT count(*) AS n FROM attachments'),
    attachmentFiles: one('SELECT count(DISTINCT sha256) AS n FROM attachments'),
    reports: one('SELECT count(*) AS n FROM reports'),
  };
}

/** Distinct attachment files the database references, with their sizes and one display name. */
function referencedFiles(db: Db): { sha256: string; size: number; name: string }[] {
  return db.prepare('SELECT sha256, max(size) AS size, min(name) AS name FROM attachments GROUP BY sha256 ORDER BY sha256').all() as {
    sha256: string;
    size: number;
    name: string;
  }[];
}

interface DbFacts {
  schemaVersion: number;
  town: string;
  counts: Counts;
  files: { sha256: string; size: number; name: string }[];
}

export function dbFacts(db: Db): DbFacts {
  return { schemaVersion: readUserVersion(db), town: getSettings(db).town, counts: countLedger(db), files: referencedFiles(db) };
}

/** What integrity_check's rows say: null when sound, else the first problems SQLite reports. */
export function integrityVerdict(msgs: string[]): string | null {
  return msgs.length === 1 && msgs[0] === 'ok' ? null : msgs.slice(0, 3).join('; ');
}

/** Runs integrity_check; returns null when sound, else the first problems SQLite reports. */
export function integrityProblem(db: Db): string | null {
  return integrityVerdict((db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check));
}

/** Opens a database file read-only, runs fn, always closes it. */
export function withReadOnly<T>(file: string, fn: (db: Db) => T): T {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    // The file may come from outside: nothing in its schema runs with side effects.
    distrustSchema(db);
    return fn(db);
  } finally {
    db.close();
  }
}
