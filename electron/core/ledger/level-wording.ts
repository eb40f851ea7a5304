/**
 * Keeps stored level options in the ledger's 乡镇类型 wording (rules/kinds/level-options.ts): when
 * 设置 changes the type, and when a ledger written before level options existed (a 乡 holding
 * 镇人民调解委员会) is opened, records holding another level's spelling are rewritten to their own
 * level's, so the table, registers, exports and backups print one wording. Facts are unchanged,
 * so `updated_at` is kept (a printed report does not become stale by it).
 */
import type { Db } from '../db/open';
import { KINDS, kindForLevel, type FieldDef, type KindDef, type RecordData } from '@rules/kinds';
import type { TownType } from '@rules/town-type';
import { getSettings, saveSettings } from './settings';
import { searchText } from './records';
import type { Settings } from '@rules/settings';

interface Stale {
  kind: KindDef;
  fields: readonly FieldDef[];
  rows: { id: string; data: string }[];
}

/** Records (trash included) whose level options are spelled for another level than `townType`, by kind. */
function staleRecords(db: Db, townType: TownType): Stale[] {
  const out: Stale[] = [];
  for (const raw of KINDS) {
    const kind = kindForLevel(raw, townType);
    const fields = kind.fields.filter((f) => f.optionAliases && Object.keys(f.optionAliases).length);
    if (!fields.length) continue;
    const spelled = fields.map((f) => `json_extract(data, '$.${f.key}') IN (SELECT value FROM json_each(?))`).join(' OR ');
    const rows = db
      .prepare(`SELECT id, data FROM records WHERE kind = ? AND (${spelled})`)
      .all(kind.id, ...fields.map((f) => JSON.stringify(Object.keys(f.optionAliases!)))) as { id: string; data: string }[];
    if (rows.length) out.push({ kind, fields, rows });
  }
  return out;
}

/** Rewrites the stale records (call inside a write transaction); returns how many changed. */
function reword(db: Db, stale: Stale[]): number {
  const update = db.prepare('UPDATE records SET data = ?, search_text = ? WHERE id = ?');
  let changed = 0;
  for (const { kind, fields, rows } of stale) {
    for (const r of rows) {
      const data = JSON.parse(r.data) as RecordData;
      for (const f of fields) {
        const v = data[f.key];
        if (typeof v === 'string' && Object.hasOwn(f.optionAliases!, v)) data[f.key] = f.optionAliases![v];
      }
      update.run(JSON.stringify(data), searchText(kind, data), r.id);
      changed++;
    }
  }
  return changed;
}

const rewordLevelOptions = (db: Db, townType: TownType): number => reword(db, staleRecords(db, townType));

/** Saves 设置 and, in the same transaction, rewords stored level options to its 乡镇类型. */
export function saveSettingsWorded(db: Db, input: unknown): Settings {
  return db
    .transaction(() => {
      const s = saveSettings(db, input);
      rewordLevelOptions(db, s.townType);
      return s;
    })
    .immediate();
}

/** At open: a ledger whose records hold another level's wording is brought to its own (one transaction, only when needed). */
export function rewordOnOpen(db: Db): number {
  const { townType } = getSettings(db);
  // Read first: an up-to-date ledger (the usual case) opens without taking the write lock.
  if (!staleRecords(db, townType).length) return 0;
  return db.transaction(() => rewordLevelOptions(db, townType)).immediate();
}
