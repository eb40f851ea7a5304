/**
 * Which records lack their 佐证材料: a record's kind declares the checklist (`evidence`,
 * `evidenceIf`, see @rules/kinds/evidence.ts) and each attachment may be tagged with the item it
 * proves; an expected item no attachment of the record is tagged with is missing. Untagged files
 * prove nothing. Used by the kind's table (a marker per row) and the 首页's 待补登记.
 */
import type { Db } from '../db/open';
import { KINDS, getKind, missingEvidence } from '@rules/kinds';
import { fromRow, type LedgerRecord } from './records';

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

/** The year's records lacking evidence, for the 首页. */
export function evidenceGaps(db: Db, year: number, limit = 20): EvidenceGaps {
  const kinds = KINDS.filter((k) => k.evidence?.length || k.evidenceIf?.length);
  const rows = db
    .prepare(
      `SELECT * FROM records WHERE year = ? AND deleted_at IS NULL AND kind IN (SELECT value FROM json_each(?)) ORDER BY date, created_at, id`,
    )
    .all(year, JSON.stringify(kinds.map((k) => k.id))) as Parameters<typeof fromRow>[0][];
  const records = rows.map(fromRow);
  const missing = missingByRecord(db, records);
  const byKind: Record<string, number> = {};
  const gaps: EvidenceGap[] = [];
  for (const r of records) {
    const m = missing[r.id];
    if (!m) continue;
    byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    const kind = getKind(r.kind)!;
    if (gaps.length < limit) gaps.push({ id: r.id, kind: r.kind, date: r.date, title: String(r.data[kind.titleField] ?? ''), missing: m });
  }
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, records: gaps };
}
