/**
 * Which kind each sheet holds, which row carries the headers and which column feeds which field.
 * Found from the sheet name and the headers, overridden by the clerk's choice in the preview, and
 * remembered (in the settings table's meta) for workbooks whose headers look the same.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { getKind, KINDS, type KindDef } from '@rules/kinds';
import { getMeta, setMeta } from '../ledger/settings';
import { fieldForHeader, fold, kindForSheetName } from './fold';
import { isBlank } from './parse';
import { columnLetter, NOT_DATA_SHEETS, type SheetData, type SheetRow } from './read';
import type { ColumnPlan, HeaderChoice, KindSource } from '@rules/api/excel';

/** The clerk's (or the remembered) mapping of one sheet. `columns`: column letter → field key, or null to ignore it. */
export interface SheetMapping {
  kind: string | null;
  headerRow: number;
  columns: Record<string, string | null>;
  /** Fields filled with one value for every row (field key → the value as typed); remembered too. */
  values?: Record<string, string>;
  /** Accepted suggestions: per column letter, a cell text → its replacement. */
  replace?: Record<string, Record<string, string>>;
  /** Accepted suggestions for one cell, by address (C5). */
  cells?: Record<string, string>;
}

/** What applies to every sheet without an override of its own (the CLI's --header-row and --set). */
export interface PlanDefaults {
  headerRow?: number;
  /** Field label or key → the value for every row. */
  set?: Record<string, string>;
}

/** Per sheet name, what the clerk changed in the preview; anything absent is found automatically. */
export type MappingOverrides = Record<string, Partial<SheetMapping>>;

export interface SheetPlan {
  sheet: string;
  kind: KindDef | null;
  kindFrom: KindSource;
  headerRow: number;
  detectedHeaderRow: number;
  headerChoices: HeaderChoice[];
  columns: ColumnPlan[];
  shapeKey: string;
  /** Fields filled with one value for every row, by key. */
  values: Record<string, string>;
  /** `set` entries that name no field of the sheet's kind. */
  unknownSet: string[];
  /** On a kind's page: the other kind this sheet was recognised as (so it was left out). */
  otherKind?: KindDef;
}

const HEADER_SCAN_ROWS = 15;

const headerText = (v: unknown) => (isBlank(v as never) ? '' : String(v instanceof Date ? '' : v).trim());

/** The identity of a header row, independent of blanks and width: its folded texts. */
function shapeKey(row: SheetRow | undefined): string {
  const texts = (row?.cells ?? []).map((c) => fold(headerText(c)));
  return createHash('sha1').update(texts.join('\u0001')).digest('hex').slice(0, 16);
}

/** Columns of a header row mapped to a kind's fields (each field once, managed fields never). */
function autoColumns(kind: KindDef, row: SheetRow | undefined): ColumnPlan[] {
  const taken = new Set<string>();
  return (row?.cells ?? []).map((c, i) => {
    const header = headerText(c);
    const f = header ? fieldForHeader(kind, header, taken) : undefined;
    const field = f && !f.managed ? f.key : null;
    if (f) taken.add(f.key);
    return { col: columnLetter(i), header, field };
  });
}

const score = (cols: ColumnPlan[]) => cols.filter((c) => c.field).length;

/** The row (among the first few) whose cells name the most fields of the kind. */
function findHeader(kind: KindDef, rows: SheetRow[]): { row: SheetRow; score: number } | undefined {
  let best: { row: SheetRow; score: number } | undefined;
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    const s = score(autoColumns(kind, row));
    if (s >= 2 && (!best || s > best.score)) best = { row, score: s };
  }
  return best;
}

const mappingKey = (shape: string) => `excel.mapping.${shape}`;

export function rememberMapping(db: Db, plan: SheetPlan): void {
  if (!plan.kind) return;
  const m: SheetMapping = {
    kind: plan.kind.id,
    headerRow: plan.headerRow,
    columns: Object.fromEntries(plan.columns.map((c) => [c.col, c.field])),
    ...(Object.keys(plan.values).length ? { values: plan.values } : {}),
  };
  setMeta(db, mappingKey(plan.shapeKey), JSON.stringify(m));
}

function remembered(db: Db, rows: SheetRow[]): { mapping: SheetMapping; row: SheetRow } | undefined {
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    if (row.cells.filter((c) => headerText(c)).length < 2) continue;
    const raw = getMeta(db, mappingKey(shapeKey(row)));
    if (!raw) continue;
    try {
      const m = JSON.parse(raw) as SheetMapping;
      if (m.kind && getKind(m.kind)) return { mapping: m, row };
    } catch {
      // A damaged memory is simply forgotten.
    }
  }
  return undefined;
}

function withColumns(kind: KindDef, row: SheetRow | undefined, given: Record<string, string | null> | undefined): ColumnPlan[] {
  const auto = autoColumns(kind, row);
  if (!given) return auto;
  const fields = new Map(kind.fields.filter((f) => !f.managed).map((f) => [f.key, f]));
  return auto.map((c) => (c.col in given ? { ...c, field: given[c.col] && fields.has(given[c.col]!) ? given[c.col] : null } : c));
}

/** The first row with at least two different texts: a header row the app does not know still looks like one, a merged title does not. */
function firstHeaderLike(rows: SheetRow[]): SheetRow | undefined {
  return rows.slice(0, HEADER_SCAN_ROWS).find((r) => new Set(r.cells.map(headerText).filter(Boolean)).size >= 2) ?? rows[0];
}

/** Rows the clerk may pick as the header row: the first few (and the one chosen, if further down), each shown by its distinct texts. */
function headerChoices(rows: SheetRow[], chosen?: number): HeaderChoice[] {
  const first = rows.slice(0, HEADER_SCAN_ROWS);
  const extra = chosen && !first.some((r) => r.n === chosen) ? rows.filter((r) => r.n === chosen) : [];
  return [...first, ...extra].map((r) => {
    const text = [...new Set(r.cells.map(headerText).filter(Boolean))].join('｜');
    return { row: r.n, text: text.length > 60 ? `${text.slice(0, 60)}…` : text };
  });
}

/** How the sheet's kind is found without the clerk: remembered, its name, or its headers. */
function recognise(
  db: Db,
  sheet: SheetData,
  onlyKind: KindDef | undefined,
): { kind: KindDef; kindFrom: KindSource; row: SheetRow | undefined; memory?: SheetMapping } | { other?: KindDef } {
  const rows = sheet.rows;
  const mem = remembered(db, rows);
  if (mem && (!onlyKind || mem.mapping.kind === onlyKind.id))
    return { kind: getKind(mem.mapping.kind!)!, kindFrom: 'remembered', row: mem.row, memory: mem.mapping };
  const named = kindForSheetName(sheet.name);
  if (named) return { kind: named, kindFrom: 'name', row: findHeader(named, rows)?.row ?? firstHeaderLike(rows) };
  // No name to go by: the kind whose fields the headers name best (at least three, to be sure).
  let best: { kind: KindDef; row: SheetRow; score: number } | undefined;
  for (const kind of KINDS) {
    const h = findHeader(kind, rows);
    if (h && h.score >= 3 && (!best || h.score > best.score)) best = { kind, ...h };
  }
  return best ? { kind: best.kind, kindFrom: 'headers', row: best.row } : {};
}

/**
 * Plans one sheet. On a kind's page (`onlyKind`, --kind) the sheet is recognised exactly as on the
 * 导入导出 page; a sheet recognised as nothing is read as the page's kind, one recognised as
 * another kind is left out (`otherKind` says which). `headerRow` (the CLI's --header-row) applies
 * unless the sheet's override names its own.
 */
export function planSheet(
  db: Db,
  sheet: SheetData,
  override: Partial<SheetMapping> | undefined,
  onlyKind?: KindDef,
  defaults: PlanDefaults = {},
): SheetPlan {
  const rows = sheet.rows;
  const none = (kindFrom: SheetPlan['kindFrom'] = null, otherKind?: KindDef): SheetPlan => ({
    sheet: sheet.name,
    kind: null,
    kindFrom,
    headerRow: rows[0]?.n ?? 1,
    detectedHeaderRow: rows[0]?.n ?? 1,
    headerChoices: headerChoices(rows),
    columns: [],
    shapeKey: '',
    values: {},
    unknownSet: [],
    ...(otherKind ? { otherKind } : {}),
  });
  const rowAt = (n: number) => rows.find((r) => r.n === n);
  const wanted = override?.headerRow ?? defaults.headerRow;
  const finish = (kind: KindDef, kindFrom: KindSource, detected: SheetRow | undefined, memory?: SheetMapping): SheetPlan => {
    const detectedHeaderRow = detected?.n ?? rows[0]?.n ?? 1;
    // Another header row than the one found: its own columns, unless the clerk mapped them for it.
    const row = wanted ? rowAt(wanted) : detected;
    const columns = withColumns(kind, row, override?.columns ?? (wanted && wanted !== detectedHeaderRow ? undefined : memory?.columns));
    const unknownSet: string[] = [];
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(defaults.set ?? {})) {
      const f = kind.fields.find((x) => x.key === name && !x.managed) ?? fieldForHeader(kind, name);
      if (f && !f.managed) values[f.key] = value;
      else unknownSet.push(name);
    }
    Object.assign(values, memory?.values, override?.values);
    for (const key of Object.keys(values)) if (!kind.fields.some((f) => f.key === key && !f.managed)) delete values[key];
    // A field filled for every row takes no column.
    for (const c of columns) if (c.field && c.field in values) c.field = null;
    return {
      sheet: sheet.name,
      kind,
      kindFrom,
      headerRow: wanted ?? detectedHeaderRow,
      detectedHeaderRow,
      headerChoices: headerChoices(rows, wanted),
      columns,
      shapeKey: shapeKey(row),
      values,
      unknownSet,
    };
  };

  if (override?.kind === null) return none('choice');
  if (override?.kind) {
    const kind = getKind(override.kind);
    if (!kind) return none();
    return finish(kind, 'choice', findHeader(kind, rows)?.row ?? firstHeaderLike(rows));
  }
  if (!rows.length || NOT_DATA_SHEETS.has(sheet.name.trim())) return none();
  const found = recognise(db, sheet, onlyKind);
  if ('kind' in found && (!onlyKind || found.kind.id === onlyKind.id)) {
    return finish(found.kind, override?.columns || override?.headerRow ? 'choice' : found.kindFrom, found.row, found.memory);
  }
  if (onlyKind && !('kind' in found && found.kind.id !== onlyKind.id)) {
    return finish(onlyKind, 'page', findHeader(onlyKind, rows)?.row ?? firstHeaderLike(rows));
  }
  return none(null, 'kind' in found ? found.kind : undefined);
}
