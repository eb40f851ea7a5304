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
import type { ColumnPlan, KindSource } from '@rules/api/excel';

/** The clerk's (or the remembered) mapping of one sheet. `columns`: column letter → field key, or null to ignore it. */
export interface SheetMapping {
  kind: string | null;
  headerRow: number;
  columns: Record<string, string | null>;
}

/** Per sheet name, what the clerk changed in the preview; anything absent is found automatically. */
export type MappingOverrides = Record<string, Partial<SheetMapping>>;

export interface SheetPlan {
  sheet: string;
  kind: KindDef | null;
  kindFrom: KindSource;
  headerRow: number;
  columns: ColumnPlan[];
  shapeKey: string;
}

const HEADER_SCAN_ROWS = 15;

const headerText = (v: unknown) => (isBlank(v as never) ? '' : String(v instanceof Date ? '' : v).trim());

/** The identity of a header row, independent of blanks and width: its folded texts. */
export function shapeKey(row: SheetRow | undefined): string {
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

/**
 * Plans one sheet. `onlyKind` (import from a kind's page, or --kind) reads every sheet as that kind
 * unless its name says it is another kind.
 */
export function planSheet(db: Db, sheet: SheetData, override: Partial<SheetMapping> | undefined, onlyKind?: KindDef): SheetPlan {
  const rows = sheet.rows;
  const none = (kindFrom: SheetPlan['kindFrom'] = null): SheetPlan => ({
    sheet: sheet.name,
    kind: null,
    kindFrom,
    headerRow: rows[0]?.n ?? 1,
    columns: [],
    shapeKey: '',
  });
  const rowAt = (n: number | undefined) => rows.find((r) => r.n === n);
  const finish = (
    kind: KindDef,
    kindFrom: SheetPlan['kindFrom'],
    row: SheetRow | undefined,
    given?: Record<string, string | null>,
  ): SheetPlan => {
    const headerRow = row?.n ?? rows[0]?.n ?? 1;
    return { sheet: sheet.name, kind, kindFrom, headerRow, columns: withColumns(kind, row, given), shapeKey: shapeKey(row) };
  };

  if (override?.kind === null) return none('choice');
  if (override?.kind) {
    const kind = getKind(override.kind);
    if (!kind) return none();
    const row = override.headerRow ? rowAt(override.headerRow) : (findHeader(kind, rows)?.row ?? rows[0]);
    return finish(kind, 'choice', row, override.columns);
  }
  if (override?.columns || override?.headerRow) {
    // Columns changed but the kind left as found: find it as usual, then apply the changes.
    const base = planSheet(db, sheet, undefined, onlyKind);
    if (!base.kind) return base;
    return finish(base.kind, base.kindFrom, rowAt(override.headerRow ?? base.headerRow), override.columns);
  }
  if (!rows.length || NOT_DATA_SHEETS.has(sheet.name.trim())) return none();

  const mem = remembered(db, rows);
  if (mem && (!onlyKind || mem.mapping.kind === onlyKind.id))
    return finish(getKind(mem.mapping.kind!)!, 'remembered', mem.row, mem.mapping.columns);

  const named = kindForSheetName(sheet.name);
  if (onlyKind) {
    if (named && named.id !== onlyKind.id) return none();
    const h = findHeader(onlyKind, rows);
    return h ? finish(onlyKind, named ? 'name' : 'headers', h.row) : none();
  }
  if (named) return finish(named, 'name', findHeader(named, rows)?.row ?? rows[0]);
  // No name to go by: the kind whose fields the headers name best (at least three, to be sure).
  let best: { kind: KindDef; row: SheetRow; score: number } | undefined;
  for (const kind of KINDS) {
    const h = findHeader(kind, rows);
    if (h && h.score >= 3 && (!best || h.score > best.score)) best = { kind, ...h };
  }
  return best ? finish(best.kind, 'headers', best.row) : none();
}

export type { ColumnPlan };
