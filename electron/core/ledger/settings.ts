/** 单位设置 and small app-level values, stored in the `settings` table. Their rules: rules/settings.ts. */
import type { Db } from '../db/open';
import { EMPTY_SETTINGS, parseSettings, type Settings } from '@rules/settings';

/** One prepared statement per connection: every record write reads the settings (villages). */
const readStatements = new WeakMap<Db, { get(): unknown }>();

export function getSettings(db: Db): Settings {
  let stmt = readStatements.get(db);
  if (!stmt) readStatements.set(db, (stmt = db.prepare("SELECT value FROM settings WHERE key = 'org'")));
  const row = stmt.get() as { value: string } | undefined;
  return row ? { ...EMPTY_SETTINGS, ...(JSON.parse(row.value) as Partial<Settings>) } : { ...EMPTY_SETTINGS };
}

export function saveSettings(db: Db, input: unknown): Settings {
  const s = parseSettings(input);
  db.prepare("INSERT INTO settings (key, value) VALUES ('org', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(s),
  );
  return s;
}

/**
 * The settings-table key of an app-level value: `meta:` and a dotted name (lastBackupAt,
 * excel.mapping.<shape>). The backup content check (db/trust.ts) accepts exactly these.
 */
const META_KEY = /^meta:[A-Za-z][A-Za-z0-9.]{0,79}$/;
export const isMetaKey = (key: string): boolean => META_KEY.test(key);

function metaKey(key: string): string {
  const k = `meta:${key}`;
  if (!isMetaKey(k)) throw new Error(`invalid meta key: ${key}`);
  return k;
}

/** Small app-level values kept beside the settings (e.g. the last backup time). */
export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(metaKey(key)) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    metaKey(key),
    JSON.stringify(value),
  );
}
