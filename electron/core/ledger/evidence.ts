/**
 * Which records lack their 佐证材料: a record's kind declares the checklist (`evidence`,
 * `evidenceIf`, see @rules/kinds/evidence.ts) and each attachment may be tagged with the item it
 * proves; an expected item no attachment of the record is tagged with is missing. Untagged files
 * prove nothing. Used by the kind's table (a marker per row) and the 首页's 待补登记.
 */
import type { Db } from '../db/open';
import { KINDS, expectedEvidence, getKind, missingEvidence, type KindDef, type RecordData } from '@rules/kinds';
import type { LedgerRecord } from './records';
import type { EvidenceGap, EvidenceGaps } from '@rules/api/records';

/** Items tagged per record id, one indexed lookup for a set of records. */
function taggedItems(db: Db, ids: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = db
    .prepare(
      'SELECT DISTINCT record_id AS id, item FROM attachments WHERE item IS NOT NULL AND record_id IN (SELECT value FROM json_each(?))',
    )
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

interface Row {
  id: string;
  kind: string;
  date: string;
  created_at: string;
  data: string;
}

const byAge = (a: { date: string; createdAt: string; id: string }, b: { date: string; createdAt: string; id: string }) =>
  a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.createdAt < b.createdAt
        ? -1
        : a.createdAt > b.createdAt
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0;

/**
 * The year's records lacking evidence, for the 首页 (asked after every change), without reading
 * every record: tagged records are few, so they are judged one by one; every other record of a kind
 * with a fixed `evidence` list lacks it, so those are counted on the live-records index and only the
 * oldest `limit` are read. Only kinds whose whole checklist hangs on fields (`evidenceIf` alone)
 * have their records' fields read, those fields only.
 */
export function evidenceGaps(db: Db, year: number, limit = 20): EvidenceGaps {
  const tagged = new Map<string, string[]>();
  for (const t of db.prepare('SELECT record_id AS id, item FROM attachments WHERE item IS NOT NULL').all() as {
    id: string;
    item: string;
  }[]) {
    tagged.set(t.id, [...(tagged.get(t.id) ?? []), t.item]);
  }
  // The year's live records that carry any tag, by kind.
  const taggedRows = new Map<string, Row[]>();
  const rowsOf = db.prepare(
    'SELECT id, kind, date, created_at, data FROM records WHERE id IN (SELECT value FROM json_each(?)) AND year = ? AND deleted_at IS NULL',
  );
  for (const r of rowsOf.all(JSON.stringify([...tagged.keys()]), year) as Row[])
    taggedRows.set(r.kind, [...(taggedRows.get(r.kind) ?? []), r]);

  const byKind: Record<string, number> = {};
  const shown: (EvidenceGap & { createdAt: string })[] = [];
  const gap = (kind: KindDef, r: Row, missing: string[]) => {
    const data = JSON.parse(r.data) as RecordData;
    return { id: r.id, kind: kind.id, date: r.date, title: String(data[kind.titleField] ?? ''), missing, createdAt: r.created_at };
  };
  for (const kind of KINDS) {
    if (!kind.evidence?.length && !kind.evidenceIf?.length) continue;
    const mine = taggedRows.get(kind.id) ?? [];
    const mineIds = new Set(mine.map((r) => r.id));
    let lacking = 0;
    const candidates: (EvidenceGap & { createdAt: string })[] = [];
    for (const r of mine) {
      const data = JSON.parse(r.data) as RecordData;
      const missing = missingEvidence(kind, data, tagged.get(r.id) ?? []);
      if (missing.length) {
        lacking++;
        candidates.push(gap(kind, r, missing));
      }
    }
    if (kind.evidence?.length) {
      // Untagged records all lack the fixed items: count them on the index, read the oldest few.
      const total = (
        db.prepare('SELECT count(*) AS n FROM records WHERE kind = ? AND year = ? AND deleted_at IS NULL').get(kind.id, year) as {
          n: number;
        }
      ).n;
      lacking += total - mine.length;
      const oldest = db
        .prepare(
          'SELECT id, kind, date, created_at, data FROM records WHERE kind = ? AND year = ? AND deleted_at IS NULL ORDER BY date, created_at, id LIMIT ?',
        )
        .all(kind.id, year, limit + mine.length) as Row[];
      for (const r of oldest) {
        if (mineIds.has(r.id)) continue;
        candidates.push(gap(kind, r, expectedEvidence(kind, JSON.parse(r.data) as RecordData)));
      }
    } else {
      // The checklist hangs on fields: read those fields (and only those) of every untagged record.
      const keys = [...new Set((kind.evidenceIf ?? []).map((c) => c.when))];
      const bools = new Set(keys.filter((k) => kind.fields.find((f) => f.key === k)?.type === 'bool'));
      const cols = keys.map((k, i) => `, json_extract(data, '$.${k}') AS c${i}`).join('');
      const rows = db
        .prepare(`SELECT id, date, created_at${cols} FROM records WHERE kind = ? AND year = ? AND deleted_at IS NULL`)
        .all(kind.id, year) as Record<string, unknown>[];
      const expectedFor = new Map<string, string[]>();
      const lackingRows: Record<string, unknown>[] = [];
      for (const r of rows) {
        if (mineIds.has(r.id as string)) continue;
        const values = keys.map((_k, i) => r[`c${i}`]);
        const key = values.map((v) => `${typeof v}:${String(v)}`).join('\u0001');
        let expected = expectedFor.get(key);
        if (!expected) {
          // json_extract gives JSON true/false as 1/0; the checklist compares against booleans.
          const data = Object.fromEntries(keys.map((k, i) => [k, bools.has(k) && values[i] !== null ? values[i] === 1 : values[i]]));
          expectedFor.set(key, (expected = expectedEvidence(kind, data)));
        }
        if (expected.length) {
          lacking++;
          lackingRows.push({ ...r, missing: expected });
        }
      }
      const oldest = lackingRows
        .map((r) => ({ id: r.id as string, date: r.date as string, createdAt: r.created_at as string, missing: r.missing as string[] }))
        .sort(byAge)
        .slice(0, limit);
      const read = db.prepare('SELECT id, kind, date, created_at, data FROM records WHERE id = ?');
      for (const o of oldest) candidates.push(gap(kind, read.get(o.id) as Row, o.missing));
    }
    if (lacking) byKind[kind.id] = lacking;
    shown.push(...candidates);
  }
  const records = shown
    .sort(byAge)
    .slice(0, limit)
    .map(({ createdAt: _c, ...g }) => g);
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, records };
}

export type { EvidenceGaps };
