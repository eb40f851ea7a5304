/**
 * Computes figures over the ledger for a period, and traces each back to its records.
 * Every figure is one or two aggregate queries on the (kind, year) index, so a whole
 * report's figures cost milliseconds even with tens of thousands of records.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { LedgerError } from '@rules/errors';
import { fromRow, type LedgerRecord } from '../ledger/records';
import { formatFigure, type DisplayRule } from '@rules/figures/format';
import { FIGURES, getFigure } from '@rules/figures/catalogue';
import { checkCustomFigure, isCustomId } from '@rules/figures/schema';
import type { Condition, FigureDef, Measure, Where } from '@rules/figures/types';
import { figureForLevel } from '@rules/figures/level';
import { getKind, optionSpellings, type FieldDef, type KindDef } from '@rules/kinds';
import { getSettings } from '../ledger/settings';
import { getCustomFigure, listCustomFigures } from '../ledger/custom-figures';
import type { Period, FigureResult } from '@rules/api/report';

export const yearPeriod = (year: number): Period => ({ from: year, to: year });

/** SQL for one field condition (see `Condition`); `expr` extracts the field from the JSON data. */
function compileCondition(expr: string, c: Condition, params: unknown[], f: FieldDef | undefined): string {
  // A level option counts whatever 乡镇类型 wrote it (rules/kinds/level-options.ts).
  if (typeof c === 'string' && f?.type === 'enum') c = optionSpellings(f, c);
  else if (Array.isArray(c) && f?.type === 'enum')
    c = (c as readonly (string | number)[]).flatMap((v): (string | number)[] => (typeof v === 'string' ? optionSpellings(f, v) : [v]));
  if (typeof c === 'boolean') {
    params.push(c ? 1 : 0);
    return `coalesce(${expr}, 0) = ?`;
  }
  if (Array.isArray(c)) {
    params.push(...(c as (string | number)[]));
    return `${expr} IN (${c.map(() => '?').join(', ')})`;
  }
  if (typeof c === 'object' && 'notIn' in c) {
    // An empty field is none of the values (a 法律顾问 without 类别 is not a 村（社区） one).
    params.push(...c.notIn);
    return `coalesce(${expr}, '') NOT IN (${c.notIn.map(() => '?').join(', ')})`;
  }
  if (typeof c === 'object') {
    const o = c as { min?: number; max?: number; from?: string; to?: string; contains?: string };
    if (o.contains !== undefined) {
      // instr, not LIKE: the clerk's % and _ are letters, not wildcards. Tags are searched in their JSON text.
      params.push(o.contains);
      return `instr(coalesce(${expr}, ''), ?) > 0`;
    }
    const parts: string[] = [];
    const lo = o.min ?? o.from;
    const hi = o.max ?? o.to;
    if (lo !== undefined) {
      parts.push(`${expr} >= ?`);
      params.push(lo);
    }
    if (hi !== undefined) {
      parts.push(`${expr} <= ?`);
      params.push(hi);
    }
    return parts.length ? parts.join(' AND ') : `${expr} IS NOT NULL`;
  }
  params.push(c);
  return `${expr} = ?`;
}

function compileFilters(kind: KindDef | undefined, w: Where, params: unknown[]): string[] {
  return Object.entries(w).map(([field, c]) =>
    compileCondition(
      `json_extract(data, '$.${field}')`,
      c,
      params,
      kind?.fields.find((f) => f.key === field),
    ),
  );
}

const fieldList = (v: string | readonly string[] | undefined): readonly string[] =>
  v === undefined ? [] : typeof v === 'string' ? [v] : v;

function compileWhere(m: Measure, p: Period): { sql: string; params: unknown[] } {
  const parts = ['kind = ?', 'deleted_at IS NULL'];
  const params: unknown[] = [m.kind];
  if (m.dateBy) {
    parts.push(`json_extract(data, '$.${m.dateBy}') BETWEEN ? AND ?`);
    params.push(`${p.from}-01-01`, `${p.to}-12-31`);
  } else if (m.activeUntil) {
    parts.push(`date <= ?`);
    params.push(`${p.to}-12-31`);
    for (const f of fieldList(m.activeUntil)) {
      parts.push(`coalesce(json_extract(data, '$.${f}'), '9999-12-31') >= ?`);
      params.push(`${p.from}-01-01`);
    }
  } else {
    parts.push('year >= ?', 'year <= ?');
    params.push(p.from, p.to);
  }
  const kind = getKind(m.kind);
  for (const f of fieldList(m.validAtEnd)) {
    parts.push(`coalesce(json_extract(data, '$.${f}'), '9999-12-31') >= ?`);
    params.push(`${p.to}-12-31`);
  }
  parts.push(...compileFilters(kind, m.where ?? {}, params));
  if (m.anyOf?.length) {
    const alts = m.anyOf.map((w) => {
      const f = compileFilters(kind, w, params);
      return f.length ? `(${f.join(' AND ')})` : '1';
    });
    parts.push(`(${alts.join(' OR ')})`);
  }
  return { sql: parts.join(' AND '), params };
}

function measure(db: Db, m: Measure, p: Period): { value: number; records: number } {
  const w = compileWhere(m, p);
  if (m.agg.type === 'distinctTags') {
    // A village field holds one name, a tags field a list: json_each walks both.
    const r = db
      .prepare(
        `SELECT count(DISTINCT j.value) AS v, count(DISTINCT records.id) AS n FROM records, json_each(records.data, '$.${m.agg.field}') AS j WHERE ${w.sql}`,
      )
      .get(...w.params) as { v: number; n: number };
    return { value: r.v, records: r.n };
  }
  const agg = m.agg.type === 'sum' ? `total(json_extract(data, '$.${m.agg.field}'))` : 'count(*)';
  const r = db.prepare(`SELECT ${agg} AS v, count(*) AS n FROM records WHERE ${w.sql}`).get(...w.params) as { v: number; n: number };
  return { value: r.v, records: r.n };
}

/** A built-in figure or one the clerk defined, worded for the ledger's 乡镇类型. */
export function findFigure(db: Db, id: string): FigureDef | undefined {
  const f = getFigure(id) ?? getCustomFigure(db, id);
  return f && figureForLevel(f, getSettings(db).townType);
}

function requireFigure(db: Db, id: string): FigureDef {
  const f = findFigure(db, id);
  if (!f) throw new LedgerError('NOT_FOUND', `未知的指标：${id}`);
  return f;
}

/** The built-in catalogue followed by the clerk's own figures. */
export function allFigures(db: Db): FigureDef[] {
  const { townType } = getSettings(db);
  return [...FIGURES, ...listCustomFigures(db)].map((f) => figureForLevel(f, townType));
}

/**
 * Why a custom definition can no longer be computed (its kind, a field or a value is gone from
 * the kinds), or null. Built-ins are checked by the catalogue test instead.
 */
export function definitionProblem(def: FigureDef): string | null {
  if (!isCustomId(def.id)) return null;
  const { issues } = checkCustomFigure(def);
  return issues.length ? `自定义指标的定义与台账不再匹配：${issues.map((i) => i.message).join('；')}` : null;
}

interface ComputeOptions {
  rule?: DisplayRule;
  /** A 量词 for this use instead of the figure's own (counts and sums). */
  unit?: string;
}

/** Results already computed in the current withFigureMemo call, by figure, period and options. */
let memo: Map<string, FigureResult> | null = null;

/**
 * Runs `fn` with every figure computed at most once per period and display options: one screen's
 * worth of answers (the values, the assembly) from one computation. Only for a read of the ledger
 * that writes nothing meanwhile (the memo is dropped when `fn` returns).
 */
export function withFigureMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = new Map();
  try {
    return fn();
  } finally {
    memo = null;
  }
}

/** Computes a definition (built-in or custom); a custom one that no longer matches the kinds gives `ok: false`, never 0 silently. */
export function computeDef(db: Db, f: FigureDef, period: Period, opts: ComputeOptions = {}): FigureResult {
  if (!memo) return computeFresh(db, f, period, opts);
  const key = JSON.stringify([f.id, period.from, period.to, opts.rule ?? null, opts.unit ?? null]);
  let r = memo.get(key);
  if (!r) memo.set(key, (r = computeFresh(db, f, period, opts)));
  return r;
}

function computeFresh(db: Db, f: FigureDef, period: Period, opts: ComputeOptions): FigureResult {
  const unit = f.value.type === 'count' || f.value.type === 'sum' ? (opts.unit ?? f.unit) : f.unit;
  const base = { id: f.id, name: f.name, unit, type: f.value.type };
  const broken = definitionProblem(f);
  if (broken) return { ...base, value: 0, display: '—', ok: false, problem: broken, recordCount: 0 };
  if (f.value.type === 'rate') {
    const n = measure(db, f.value.numerator, period);
    const d = measure(db, f.value.denominator, period);
    const shown = formatFigure({ kind: 'rate', value: 0, numerator: n.value, denominator: d.value, unit: f.unit }, opts.rule ?? f.display);
    return {
      ...base,
      value: d.value ? (100 * n.value) / d.value : 0,
      numerator: n.value,
      denominator: d.value,
      display: shown.text,
      ok: shown.ok,
      problem: shown.problem,
      recordCount: d.records,
    };
  }
  const m = measure(db, f.value.measure, period);
  const value = f.value.type === 'money' ? Math.round(m.value * 100) / 100 : m.value;
  const shown = formatFigure({ kind: f.value.type, value, unit }, opts.rule ?? f.display);
  return { ...base, value, display: shown.text, ok: shown.ok, problem: shown.problem, recordCount: m.records };
}

export function computeFigure(db: Db, id: string, period: Period, opts: ComputeOptions = {}): FigureResult {
  return computeDef(db, requireFigure(db, id), period, opts);
}

export function computeAll(db: Db, year: number): FigureResult[] {
  return allFigures(db).map((f) => computeDef(db, f, yearPeriod(year)));
}

/** The records behind a definition (for a rate: those of its denominator, which contain the numerator's). */
export function traceDef(db: Db, f: FigureDef, period: Period): LedgerRecord[] {
  if (definitionProblem(f)) return [];
  const measures = f.value.type === 'rate' ? [f.value.denominator, f.value.numerator] : [f.value.measure];
  const seen = new Map<string, LedgerRecord>();
  for (const m of measures) {
    const w = compileWhere(m, period);
    const rows = db.prepare(`SELECT * FROM records WHERE ${w.sql} ORDER BY date, id`).all(...w.params) as Parameters<typeof fromRow>[0][];
    for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, fromRow(r));
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export function traceFigure(db: Db, id: string, period: Period): LedgerRecord[] {
  return traceDef(db, requireFigure(db, id), period);
}

/** A fingerprint of the records behind a figure: their ids and last-modified times. */
export function figureSources(db: Db, id: string, period: Period): { hash: string; records: [string, string][] } {
  // A custom figure deleted since a report was printed has no records behind it any more.
  const def = findFigure(db, id);
  const records = (def ? traceDef(db, def, period) : [])
    .map((r): [string, string] => [r.id, r.updatedAt])
    .sort((a, b) => a[0].localeCompare(b[0]));
  const hash = createHash('sha256')
    .update(records.map((r) => r.join('|')).join('\n'))
    .digest('hex');
  return { hash, records };
}

export type { FigureResult };
