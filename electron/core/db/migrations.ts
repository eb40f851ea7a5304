/**
 * Numbered schema migrations. Each runs in its own transaction and bumps PRAGMA user_version;
 * a migration once released is never edited, only followed by a new one.
 * Records of every kind share one table: the kind definitions validate the JSON `data`,
 * so adding a field or a kind needs no migration (see docs/architecture.md).
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'init',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE records (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        year INTEGER NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        search_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX records_live ON records (kind, year, date) WHERE deleted_at IS NULL;
      CREATE INDEX records_trash ON records (deleted_at) WHERE deleted_at IS NOT NULL;

      -- Numbers handed out per prefix and year; never decremented, so a number is never reused.
      CREATE TABLE doc_number_seq (
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (prefix, year)
      ) STRICT;

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_record ON attachments (record_id);

      CREATE TABLE reports (
        year INTEGER PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data)),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- What each printed or exported report was computed from (a hash per figure).
      CREATE TABLE report_outputs (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        format TEXT NOT NULL,
        created_at TEXT NOT NULL,
        figures TEXT NOT NULL CHECK (json_valid(figures))
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'attachment evidence item',
    // The checklist item (a kind's `evidence`, e.g. 签到表) an attachment proves; NULL when untagged.
    sql: `ALTER TABLE attachments ADD COLUMN item TEXT CHECK (item IS NULL OR length(item) BETWEEN 1 AND 50);`,
  },
  {
    version: 3,
    name: 'custom figures',
    sql: `
      -- Figures the clerk defines (自定义指标): one FigureDef as JSON per id ('custom.…').
      CREATE TABLE custom_figures (
        id TEXT PRIMARY KEY CHECK (id LIKE 'custom.%'),
        data TEXT NOT NULL CHECK (json_valid(data)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
