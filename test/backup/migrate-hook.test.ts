/**
 * With one more (test) migration than the real schema: opening an older ledger makes a checked
 * pre-migration copy first, and restoring an older backup migrates it after the swap.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@core/db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof import('@core/db/migrations')>();
  const next = real.SCHEMA_VERSION + 1;
  return {
    ...real,
    MIGRATIONS: [...real.MIGRATIONS, { version: next, name: 'test-marker', sql: 'CREATE TABLE backup_test_marker (x INTEGER) STRICT;' }],
    SCHEMA_VERSION: next,
  };
});

import { openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { restoreBackup } from '@core/backup/restore';
import { listSafetyCopies } from '@core/backup/safety';
import { SCHEMA_VERSION } from '@core/db/migrations';
import { exportLedger } from '@core/ledger/exchange';
import { seedLedger, snapshotOf, tempDir } from './helpers';

let dir: string;
let file: string;
let expected: string;
const OLD = SCHEMA_VERSION - 1;

/** Turns the ledger back into one written by the previous app version. */
function downgrade(f: string): void {
  const db = new Database(f);
  db.exec(`DROP TABLE backup_test_marker; PRAGMA user_version = ${OLD};`);
  db.close();
}

beforeAll(async () => {
  dir = tempDir();
  const s = await seedLedger(dir);
  expected = exportLedger(s.ctx.db);
  file = s.file;
  s.ctx.close();
  downgrade(file);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migrations and backups', () => {
  it('makes a pre-migration copy before migrating an older ledger', () => {
    expect(listSafetyCopies(file)).toEqual([]);
    const ctx = openContext(file);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(exportLedger(ctx.db)).toBe(expected);
    ctx.close();
    const copies = listSafetyCopies(file);
    expect(copies.map((c) => path.basename(c.file))).toEqual([expect.stringMatching(new RegExp(`^升级前备份_v${OLD}_.*\\.sqlite$`))]);
    const old = new Database(copies[0].file, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(OLD);
    old.close();
  });

  it('restoring an older backup migrates it after the swap, with nothing lost', async () => {
    downgrade(file);
    const db = new Database(file);
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    const made = await createBackup({ file, db }, usb);
    db.close();
    expect(made.manifest.schemaVersion).toBe(OLD);

    const fresh = openContext(path.join(dir, 'new', 'x.db'));
    try {
      await restoreBackup(fresh, made.file);
      expect(fresh.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(exportLedger(fresh.db)).toBe(expected);
      expect(snapshotOf(fresh).attachments.length).toBe(4);
      expect(
        listSafetyCopies(fresh.file)
          .map((c) => path.extname(c.file))
          .sort(),
      ).toEqual(['.ftzb', '.sqlite']);
    } finally {
      fresh.close();
    }
  });
});
