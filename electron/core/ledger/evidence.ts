/**
 * Which records lack their 佐证材料: a record's kind declares the checklist (`evidence`,
 * `evidenceIf`, see @rules/kinds/evidence.ts) and each attachment may be tagged with the item it
 * proves; an expected item no attachment of the record is tagged with is missing. Untagged files
 * prove nothing. Used by the kind's table (a marker per row) and the 首页's 待补登记.
 */
import type { Db } from '../db/open';
import { KINDS, getKind, missingEvidence } from '@rules/kinds';
import type { LedgerRecord } from './records';

/** Items tagged per record id, one indexed lookup for a set of records. */
export function taggedItems(db: Db, ids: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = db
    .prepare('SELECT DISTINCT record_id AS id, item FROM attachments WHERE item IS NOT NULL AND record_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: string; item: string }[];
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.item]);
  return out;
}

/** Missing items per record (records missing nothing are absent). */
export function missingByRecord(db: Db, records: readonly LedgerRecord[]): Record<string, string[]> {
  const tagged = taggedItems(
    db,
    records.map((r) => r.id),
  );
  const out: Record<string, string[]> = {};
  for (const r of records) {
    const kind = getKind(r.kind);
    const missing = kind ? missingEvidence(kind, r.data, tagged.get(r.id) ?? []) : [];
    if (missing.length) out[r.id] = missing;
  }
  return out;
}

export interface EvidenceGap {
  id: string;
  kind: string;
  date: string;
  title: string;
  missing: string[];
}

export interface EvidenceGaps {
  /** Records of the year (回收站 left out) missing at least one expected item. */
  total: number;
  /** That count per kind id (kinds with none absent). */
  byKind: Record<string, number>;
  /** The first `limit` of them, oldest first (the longest waiting), then by kind order. */
  records: EvidenceGap[];
}

/**
 * The year's records lacking evidence, for the 首页 (asked after every change). Per kind, one
 * query on the live-records index reads only the fields the checklist depends on (no whole-record
 * JSON parse); tags are read in one query, titles only for the records returned.
 */
export function evidenceGaps(db: Db, year: number, limit = 20): EvidenceGaps {
  // Tagged files are few next to records: read them all rather than walk the year's records for them.
  const tagged = new Map<string, string[]>();
  const tagRows = db.prepare('SELECT record_id AS id, item FROM attachments WHERE item IS NOT NULL').all() as { id: string; item: string }[];
  for (const t of tagRows) tagged.set(t.id, [...(tagged.get(t.id) ?? []), t.item]);

  const byKind: Record<string, number> = {};
  const all: (EvidenceGap & { createdAt: string })[] = [];
  for (const kind of KINDS) {
    if (!kind.evidence?.length && !kind.evidenceIf?.length) continue;
    const keys = [...new Set((kind.evidenceIf ?? []).map((c) => c.when))];
    const bools = new Set(keys.filter((k) => kind.fields.find((f) => f.key === k)?.type === 'bool'));
    const cols = keys.map((k, i) => `, json_extract(data, '$.${k}') AS c${i}`).join('');
    const rows = db
      .prepare(`SELECT id, date, created_at${cols} FROM records WHERE kind = ? AND year = ? AND deleted_at IS NULL`)
      .all(kind.id, year) as Record<string, unknown>[];
    // Records share few combinations of checklist fields: work out each combination's items once.
    const expectedFor = new Map<string, string[]>();
    for (const r of rows) {
      const values = keys.map((k, i) => r[`c${i}`]);
      const key = values.map((v) => `${typeof v}:${String(v)}`).join('\u0001');
      let expected = expectedFor.get(key);
      if (!expected) {
        // json_extract gives JSON true/false as 1/0; the checklist compares against booleans.
        const data = Object.fromEntries(keys.map((k, i) => [k, bools.has(k) && values[i] !== null ? values[i] === 1 : values[i]]));
        expectedFor.set(key, (expected = missingEvidence(kind, data, [])));
      }
      const tags = tagged.get(r.id as string);
      const missing = tags ? expected.filter((i) => !tags.includes(i)) : expected;
      if (!missing.length) continue;
      byKind[kind.id] = (byKind[kind.id] ?? 0) + 1;
      all.push({ id: r.id as string, kind: kind.id, date: r.date as string, title: '', missing, createdAt: r.created_at as string });
    }
  }
  all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  // Titles only for the records shown (JSON paths cost time on every row read).
  const titleOf = db.prepare('SELECT json_extract(data, ?) AS t FROM records WHERE id = ?');
  const records = all.slice(0, limit).map(({ createdAt: _c, ...g }) => {
    const t = (titleOf.get(`$.${getKind(g.kind)!.titleField}`, g.id) as { t: unknown } | undefined)?.t;
    return { ...g, title: String(t ?? '') };
  });
  return { total: all.length, byKind, records };
}
