/**
 * Opening ledger files: migrations from an empty file, the committed schema snapshot, refusal
 * of a newer schema and of foreign files, both without touching a byte.
 *
 * The schema snapshot (test/ledger/schema-snapshot.json) is what `sqlite_master` holds after
 * migrating an empty file. When a new migration is appended on purpose, regenerate it with
 *
 *   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run test/ledger/db.test.ts
 *
 * and commit the new file together with the migration; review its diff like code.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { migrate, openDb, readUserVersion } from '@core/db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '@core/db/migrations';
import { LedgerError } from '@rules/errors';
import { createRecord, getRecord } from '@core/ledger/records';
import { hashFile, sampleRecord, tempDir, tempLedger, type TempLedger } from '../support/ledger';

const SNAPSHOT = path.join(__dirname, 'schema-snapshot.json');

const dirs: string[] = [];
const ledgers: TempLedger[] = [];
afterEach(() => {
  for (const l of ledgers.splice(0)) l.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function track(l: TempLedger): TempLedger {
  ledgers.push(l);
  return l;
}
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

function openFails(file: string, code: string, opts = {}): LedgerError {
  try {
    openDb(file, opts).close();
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError);
    expect((e as LedgerError).code).toBe(code);
    return e as LedgerError;
  }
  throw new Error(`expected ${code}`);
}

/**
 * The files SQLite keeps beside a database (-wal, -shm, -journal). The -lock file is not one: it is
 * the cross-process hold every context keeps (db/hold.ts), created with the ledger and left in place.
 */
const sidecars = (file: string) =>
  fs
    .readdirSync(path.dirname(file))
    .filter((f) => f !== path.basename(file) && f !== `${path.basename(file)}-lock`)
    .sort();

function schemaOf(db: Database.Database) {
  return db
    .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; tableName: string; sql: string }[];
}

describe('migrations', () => {
  it('numbers migrations 1, 2, 3 … and SCHEMA_VERSION is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('migrates a new file to SCHEMA_VERSION, in WAL mode', () => {
    const file = path.join(dir(), 'sub', 'new.db');
    const db = openDb(file);
    expect(readUserVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('migrates an existing empty (0-byte) file', () => {
    const file = path.join(dir(), 'empty.db');
    fs.writeFileSync(file, '');
    const db = openDb(file);
    expect(readUserVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('reopening an up-to-date ledger changes nothing and keeps its records', () => {
    const L = track(tempLedger());
    const rec = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    L.ctx.close();
    const before = hashFile(L.file);
    let called = false;
    const db = openDb(L.file, { beforeMigrate: () => (called = true) });
    expect(getRecord(db, rec.id).data).toEqual(rec.data);
    db.close();
    expect(called).toBe(false);
    expect(hashFile(L.file)).toBe(before);
  });

  it('migrate() is idempotent', () => {
    const db = openDb(path.join(dir(), 'a.db'));
    const before = schemaOf(db);
    migrate(db);
    expect(schemaOf(db)).toEqual(before);
    db.close();
  });

  it('matches the committed schema snapshot', () => {
    const db = openDb(path.join(dir(), 'snap.db'));
    const actual = { schemaVersion: readUserVersion(db), objects: schemaOf(db) };
    db.close();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT) {
      const note =
        'sqlite_master after migrating an empty ledger; regenerate with UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run test/ledger/db.test.ts';
      fs.writeFileSync(SNAPSHOT, `${JSON.stringify({ note, ...actual }, null, 2)}\n`);
    }
    const expected = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as typeof actual;
    expect(actual.schemaVersion).toBe(expected.schemaVersion);
    expect(actual.objects).toEqual(expected.objects);
  });
});

describe('refusals that leave the file untouched', () => {
  it('refuses a ledger from a newer version with SCHEMA_TOO_NEW, byte for byte unchanged', () => {
    const L = track(tempLedger());
    createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    L.ctx.close();
    const raw = new Database(L.file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(sidecars(L.file)).toEqual([]);
    const before = hashFile(L.file);
    const mtime = fs.statSync(L.file).mtimeMs;

    const e = openFails(L.file, 'SCHEMA_TOO_NEW');
    expect(e.message).toContain(`数据结构版本${SCHEMA_VERSION + 1}`);
    expect(e.message).toContain('请升级程序');
    expect(() => openContext(L.file)).toThrow(LedgerError);
    openFails(L.file, 'SCHEMA_TOO_NEW', { readonly: true });

    expect(hashFile(L.file)).toBe(before);
    expect(fs.statSync(L.file).mtimeMs).toBe(mtime);
    expect(sidecars(L.file)).toEqual([]);
  });

  it('refuses a text file with BAD_FILE, unchanged', () => {
    const file = path.join(dir(), '台账.db');
    fs.writeFileSync(file, '这不是数据库，而是一段文字。'.repeat(100));
    const before = hashFile(file);
    const e = openFails(file, 'BAD_FILE');
    expect(e.message).toContain('台账.db');
    expect(hashFile(file)).toBe(before);
    expect(sidecars(file)).toEqual([]);
  });

  it('refuses a Word file (zip) with BAD_FILE, unchanged', () => {
    const file = path.join(dir(), 'report.docx');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4096, 7)]));
    const before = hashFile(file);
    openFails(file, 'BAD_FILE');
    expect(hashFile(file)).toBe(before);
  });

  it('refuses another program’s SQLite database with BAD_FILE, unchanged', () => {
    for (const version of [0, 1]) {
      const file = path.join(dir(), `other-${version}.sqlite`);
      const raw = new Database(file);
      raw.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('张三', '123');");
      raw.pragma(`user_version = ${version}`);
      raw.close();
      const before = hashFile(file);
      expect(openFails(file, 'BAD_FILE').message).toContain('不是法治台账文件');
      expect(hashFile(file)).toBe(before);
      expect(sidecars(file)).toEqual([]);
    }
  });

  it('refuses a missing file when opening read-only, and creates nothing', () => {
    const d = dir();
    openFails(path.join(d, 'missing.db'), 'BAD_FILE', { readonly: true });
    expect(fs.readdirSync(d)).toEqual([]);
  });

  it('a read-only open does not write', () => {
    const L = track(tempLedger());
    createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    L.ctx.close();
    const before = hashFile(L.file);
    const db = openDb(L.file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(1);
    expect(() => db.prepare('DELETE FROM records').run()).toThrow();
    db.close();
    expect(hashFile(L.file)).toBe(before);
  });
});
