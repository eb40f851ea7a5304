/**
 * Proves that a SQLite file from outside the process (a backup's snapshot, a ledger opened from
 * disk) is our schema and our data before the app writes to it. Checksums only prove a file is
 * whole, not that it is ours: anyone can recompute them. A trigger in a restored file would run on
 * the app's next write (one deleted every record when lastBackupAt was saved), a view or an index
 * on an expression would run SQL the file chose, and a row the app refuses would crash every list.
 *
 * The rows themselves are checked where a file from outside is taken in (../backup/content-check.ts).
 *
 * The expected schema is not a hand-kept list: it is what a fresh in-memory database holds after
 * the same migrations, so a new migration changes the expectation by itself.
 */
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { clip } from '@rules/kinds/validate';
import { MIGRATIONS } from './migrations';

/** The handle's type as better-sqlite3 names it (open.ts imports this module, so not its `Db`). */
type Db = Database.Database;

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const listObjects = (db: Db): SchemaObject[] =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as SchemaObject[];

const expected = new Map<number, Map<string, SchemaObject>>();

/** sqlite_master of an empty ledger migrated to `version`, by name. */
function expectedObjects(version: number): Map<string, SchemaObject> {
  let m = expected.get(version);
  if (!m) {
    const db = openSqlite(':memory:');
    try {
      for (const mig of MIGRATIONS) if (mig.version <= version) db.exec(mig.sql);
      m = new Map(listObjects(db).map((o) => [o.name, o]));
    } finally {
      db.close();
    }
    expected.set(version, m);
  }
  return m;
}

const TYPE_LABEL: Record<string, string> = { table: '数据表', index: '索引', view: '视图', trigger: '触发器' };

/**
 * Compares the file's sqlite_master with the expected objects for its user_version, exactly
 * (type, name, table and the CREATE statement). Returns a Chinese reason or null.
 */
export function schemaProblem(db: Db, version: number): string | null {
  const want = expectedObjects(version);
  const have = listObjects(db);
  for (const o of have) {
    const w = want.get(o.name);
    const what = `${TYPE_LABEL[o.type] ?? '对象'}“${clip(o.name)}”`;
    if (!w) return `含有不属于本程序的${what}`;
    if (w.type !== o.type || w.tbl_name !== o.tbl_name || w.sql !== o.sql) return `${what}的定义被改动过`;
  }
  if (have.length !== want.size) {
    const missing = [...want.keys()].find((n) => !have.some((o) => o.name === n));
    return `缺少${TYPE_LABEL[want.get(missing!)!.type] ?? '对象'}“${missing}”`;
  }
  return null;
}

/**
 * Settings that make SQLite distrust the file's own schema: no SQL functions with side effects
 * from triggers, views or index expressions, and no writes to sqlite_master (defensive mode is
 * better-sqlite3's default; it stays on because nothing here enables unsafe mode).
 */
export function distrustSchema(db: Db): void {
  db.pragma('trusted_schema = OFF');
}
