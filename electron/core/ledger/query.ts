/** Read-side queries: a page of one kind for one year, the 回收站, and a year's counts per kind. */
import type { Db } from '../db/open';
import { LedgerError } from '@rules/errors';
import { KINDS, type KindDef } from '@rules/kinds';
import { fromRow, requireKind, type LedgerRecord } from './records';
import { missingByRecord } from './evidence';
import type { ListPage, SearchGroup } from '@rules/api/records';

export interface ListQuery {
  kind: string;
  year: number;
  page?: number;
  pageSize?: number;
  /** A field key of the kind, or 'date' / 'updatedAt'. */
  sortBy?: string;
  sortDir?: 'asc' | 'desc';
  /** Exact match per field (enum, village, bool, text). */
  filters?: Record<string, string | number | boolean>;
  search?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const BOOL_VALUES = new Map<unknown, number>([
  [true, 1],
  ['true', 1],
  [1, 1],
  ['是', 1],
  [false, 0],
  ['false', 0],
  [0, 0],
  ['否', 0],
]);

/** The WHERE of a kind's live records of one year under the page's filters and search (records.list, the register). */
export function recordFilter(q: Pick<ListQuery, 'kind' | 'year' | 'filters' | 'search'>): {
  where: string;
  params: Record<string, unknown>;
} {
  const kind = requireKind(q.kind);
  const where = ['kind = @kind', 'year = @year', 'deleted_at IS NULL'];
  const params: Record<string, unknown> = { kind: kind.id, year: q.year };
  let i = 0;
  for (const [key, value] of Object.entries(q.filters ?? {})) {
    const f = kind.fields.find((x) => x.key === key);
    if (!f) throw new LedgerError('VALIDATION', `${kind.label}没有“${key}”字段，无法筛选`);
    const p = `f${i++}`;
    if (f.type === 'bool') {
      const b = BOOL_VALUES.get(value);
      if (b === undefined) throw new LedgerError('VALIDATION', `“${f.label}”只能按“是”或“否”筛选`);
      where.push(`coalesce(json_extract(data, '$.${key}'), 0) = @${p}`);
      params[p] = b;
    } else if (typeof value === 'boolean') {
      throw new LedgerError('VALIDATION', `“${f.label}”不是“是/否”字段，无法按是否筛选`);
    } else if (f.type === 'tags') {
      where.push(`EXISTS (SELECT 1 FROM json_each(data, '$.${key}') WHERE value = @${p})`);
      params[p] = value;
    } else {
      where.push(`json_extract(data, '$.${key}') = @${p}`);
      params[p] = value;
    }
  }
  if (q.search?.trim()) {
    where.push("search_text LIKE @search ESCAPE '\\'");
    params.search = `%${escapeLike(q.search.trim())}%`;
  }
  return { where: where.join(' AND '), params };
}

/** The ORDER BY of a listing (records.list and the kind page's Excel export). */
function recordOrder(q: Pick<ListQuery, 'kind' | 'sortBy' | 'sortDir'>): string {
  const kind = requireKind(q.kind);
  let order = 'date';
  if (q.sortBy === 'updatedAt') order = 'updated_at';
  else if (q.sortBy && q.sortBy !== 'date') {
    if (!kind.fields.some((f) => f.key === q.sortBy)) throw new LedgerError('VALIDATION', `${kind.label}没有“${q.sortBy}”字段，无法排序`);
    order = `json_extract(data, '$.${q.sortBy}')`;
  }
  const dir = q.sortDir === 'asc' ? 'ASC' : 'DESC';
  return `${order} ${dir}, date ${dir}, created_at ${dir}, id`;
}

export function listRecords(db: Db, q: ListQuery): ListPage {
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, q.pageSize ?? 50));
  const { where: w, params } = recordFilter(q);
  const orderBy = recordOrder(q);
  const total = (db.prepare(`SELECT count(*) AS n FROM records WHERE ${w}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM records WHERE ${w} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as Parameters<typeof fromRow>[0][];
  const records = rows.map(fromRow);
  return {
    rows: records,
    total,
    page,
    pageSize,
    attachments: attachmentCounts(
      db,
      rows.map((r) => r.id),
    ),
    missingEvidence: missingByRecord(db, records),
  };
}

/** Every record the listing would show across all its pages (the kind page's 导出Excel). */
export function listAllRecords(db: Db, q: Omit<ListQuery, 'page' | 'pageSize'>): LedgerRecord[] {
  const { where, params } = recordFilter(q);
  return (db.prepare(`SELECT * FROM records WHERE ${where} ORDER BY ${recordOrder(q)}`).all(params) as Parameters<typeof fromRow>[0][]).map(
    fromRow,
  );
}

/**
 * The table's 合计 row (records.totals): sums of the listed numeric fields (参与人次, 罚款金额…) over
 * every record the filter and search select, not only one page; money rounded to the fen. Its own
 * query, apart from records.list, because it reads every selected row's data while a page reads 50:
 * the list shows at once and the sums follow.
 */
export function listTotals(db: Db, q: Pick<ListQuery, 'kind' | 'year' | 'filters' | 'search'>): Record<string, number> {
  const kind: KindDef = requireKind(q.kind);
  const fields = kind.fields.filter((f) => f.listed && (f.type === 'int' || f.type === 'money'));
  if (!fields.length) return {};
  const { where, params } = recordFilter(q);
  const cols = fields.map((f, j) => `total(json_extract(data, '$.${f.key}')) AS s${j}`).join(', ');
  const row = db.prepare(`SELECT ${cols} FROM records WHERE ${where}`).get(params) as Record<string, number>;
  return Object.fromEntries(fields.map((f, j) => [f.key, f.type === 'money' ? Math.round(row[`s${j}`] * 100) / 100 : row[`s${j}`]]));
}

/**
 * The header's 全局搜索 (records.search): the year's live records of every kind whose text matches,
 * grouped by kind in the menu's order, each group the newest few and its full count. The same
 * search_text LIKE as a kind page's 搜索 box (recordFilter), so both boxes find the same records.
 */
export function searchRecords(db: Db, q: { year: number; search: string; perKind?: number }): SearchGroup[] {
  if (!q.search.trim()) return [];
  const limit = Math.min(50, Math.max(1, q.perKind ?? 5));
  const groups: SearchGroup[] = [];
  for (const kind of KINDS) {
    const { where, params } = recordFilter({ kind: kind.id, year: q.year, search: q.search });
    const total = (db.prepare(`SELECT count(*) AS n FROM records WHERE ${where}`).get(params) as { n: number }).n;
    if (!total) continue;
    const rows = db
      .prepare(`SELECT * FROM records WHERE ${where} ORDER BY ${recordOrder({ kind: kind.id })} LIMIT @limit`)
      .all({ ...params, limit }) as Parameters<typeof fromRow>[0][];
    groups.push({ kind: kind.id, total, rows: rows.map(fromRow) });
  }
  return groups;
}

/** One indexed lookup for a page of records (attachments_record), so the table can show a mark. */
function attachmentCounts(db: Db, ids: string[]): Record<string, number> {
  if (!ids.length) return {};
  const rows = db
    .prepare(
      'SELECT record_id AS id, count(*) AS n FROM attachments WHERE record_id IN (SELECT value FROM json_each(?)) GROUP BY record_id',
    )
    .all(JSON.stringify(ids)) as { id: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.n]));
}

export function listTrash(db: Db): LedgerRecord[] {
  const rows = db.prepare('SELECT * FROM records WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id').all() as Parameters<
    typeof fromRow
  >[0][];
  return rows.map(fromRow);
}

/** Counts per kind for one year (deleted records excluded), every kind present even when zero. */
export function yearStats(db: Db, year: number): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(KINDS.map((k) => [k.id, 0]));
  const rows = db.prepare('SELECT kind, count(*) AS n FROM records WHERE year = ? AND deleted_at IS NULL GROUP BY kind').all(year) as {
    kind: string;
    n: number;
  }[];
  for (const r of rows) out[r.kind] = r.n;
  return out;
}

/** Years that hold any record, newest first, for the year switcher. */
export function ledgerYears(db: Db): number[] {
  return (db.prepare('SELECT DISTINCT year FROM records WHERE deleted_at IS NULL ORDER BY year DESC').all() as { year: number }[]).map(
    (r) => r.year,
  );
}

export type { ListPage, SearchGroup };
