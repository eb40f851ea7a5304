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

/** Small app-level values kept beside the settings (e.g. the last backup time). */
export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(`meta:${key}`) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    `meta:${key}`,
    JSON.stringify(value),
  );
}
