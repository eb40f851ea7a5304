/**
 * The 自定义指标 builder's editable state and its conversion to and from the catalogue's
 * FigureDef. Pure: the definition it builds is checked by the core (`figures.custom.preview` /
 * `figures.custom.save`, both running `checkCustomFigure` of electron/rules), never here.
 */
import type { Condition, FigureDef, Measure, Where } from '@rules/figures/types';
import type { DisplayRule } from '@rules/figures/format';
import { DISPLAY_RULES } from '@rules/figures/format';
import type { FieldDef, KindDef } from '../lib/api';

export type AggChoice = 'count' | 'sum' | 'distinct';

export interface FilterRow {
  /** A stable key for React while rows are added and removed. */
  key: number;
  field: string;
  cond?: Condition;
}

export interface MeasureDraft {
  kind: string;
  filters: FilterRow[];
  agg: AggChoice;
  /** The field summed (int/money) or whose distinct values are counted (tags/village). */
  field: string;
  /** Count records active during the year (from their date until these date fields), not by their date. */
  activeUntil: string[];
  /** Put a record in the year of this date field instead of its own date ('' = its own date). */
  dateBy: string;
  /** Date fields that must be empty or not before 31 December (a certificate still valid at year end). */
  validAtEnd: string[];
}

export interface Draft {
  id: string;
  name: string;
  section: string;
  unit: string;
  rate: boolean;
  main: MeasureDraft;
  numerator: MeasureDraft;
  denominator: MeasureDraft;
  display: DisplayRule;
  zeroPhrase: string;
}

let nextKey = 1;
export const filterKey = () => nextKey++;

export const emptyMeasure = (kind: string): MeasureDraft => ({
  kind,
  filters: [],
  agg: 'count',
  field: '',
  activeUntil: [],
  dateBy: '',
  validAtEnd: [],
});

/** A fresh id: custom. + time in base 36, so that two figures never collide and the id never changes with the name. */
export const newFigureId = (now = Date.now()) => `custom.f${now.toString(36)}`;

export function emptyDraft(kind: string, section = '1'): Draft {
  return {
    id: newFigureId(),
    name: '',
    section,
    unit: '次',
    rate: false,
    main: emptyMeasure(kind),
    numerator: emptyMeasure(kind),
    denominator: emptyMeasure(kind),
    display: { type: 'exact' },
    zeroPhrase: '',
  };
}

/** Fields a filter may use (all but long text areas), an aggregate may sum, or count distinct values of. */
export const filterFields = (k: KindDef | undefined): FieldDef[] => (k?.fields ?? []).filter((f) => f.type !== 'textarea');
export const sumFields = (k: KindDef | undefined): FieldDef[] => (k?.fields ?? []).filter((f) => f.type === 'int' || f.type === 'money');
export const distinctFields = (k: KindDef | undefined): FieldDef[] =>
  (k?.fields ?? []).filter((f) => f.type === 'tags' || f.type === 'village');
/** Date fields other than the record's own date: 聘期至, 证件有效期至, 离岗日期… */
export const untilFields = (k: KindDef | undefined): FieldDef[] =>
  (k?.fields ?? []).filter((f) => f.type === 'date' && f.key !== k?.dateField);

/** Whether a filter row says something yet (a half-filled row is left out of the definition). */
function conditionSet(c: Condition | undefined): c is Condition {
  if (c === undefined) return false;
  if (Array.isArray(c)) return c.length > 0;
  if (typeof c === 'object' && 'notIn' in c) return c.notIn.length > 0;
  if (typeof c === 'object') return Object.values(c).some((v) => v !== undefined && v !== '');
  return c !== '';
}

function measureOf(m: MeasureDraft): Measure {
  const where: Where = {};
  for (const r of m.filters) if (r.field && conditionSet(r.cond)) where[r.field] = r.cond;
  const agg: Measure['agg'] =
    m.agg === 'count' ? { type: 'count' } : m.agg === 'sum' ? { type: 'sum', field: m.field } : { type: 'distinctTags', field: m.field };
  const oneOrMany = (v: string[]) => (v.length === 1 ? v[0] : v);
  return {
    kind: m.kind,
    ...(Object.keys(where).length ? { where } : {}),
    agg,
    ...(m.activeUntil.length ? { activeUntil: oneOrMany(m.activeUntil) } : {}),
    ...(m.dateBy ? { dateBy: m.dateBy } : {}),
    ...(m.validAtEnd.length ? { validAtEnd: oneOrMany(m.validAtEnd) } : {}),
  };
}

/** What the figure holds: a count, a sum, money (a sum of a money field) or a rate. */
export function valueType(d: Draft, kinds: ReadonlyMap<string, KindDef>): FigureDef['value']['type'] {
  if (d.rate) return 'rate';
  if (d.main.agg === 'sum') return kinds.get(d.main.kind)?.fields.find((f) => f.key === d.main.field)?.type === 'money' ? 'money' : 'sum';
  return d.main.agg === 'distinct' ? 'sum' : 'count';
}

export function draftToDef(d: Draft, kinds: ReadonlyMap<string, KindDef>): FigureDef {
  const type = valueType(d, kinds);
  const display = DISPLAY_RULES[type].includes(d.display.type) ? d.display : ({ type: DISPLAY_RULES[type][0] } as DisplayRule);
  const value: FigureDef['value'] =
    type === 'rate'
      ? { type, numerator: measureOf(d.numerator), denominator: measureOf(d.denominator) }
      : { type, measure: measureOf(d.main) };
  return {
    id: d.id,
    name: d.name.trim(),
    section: d.section,
    unit: type === 'rate' ? '%' : type === 'money' ? '元' : d.unit.trim(),
    value,
    display,
    ...(d.zeroPhrase.trim() ? { zeroPhrase: d.zeroPhrase.trim() } : {}),
  };
}

const listOf = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

function measureDraft(m: Measure): MeasureDraft {
  return {
    kind: m.kind,
    filters: Object.entries(m.where ?? {}).map(([field, cond]) => ({ key: filterKey(), field, cond })),
    agg: m.agg.type === 'count' ? 'count' : m.agg.type === 'sum' ? 'sum' : 'distinct',
    field: m.agg.type === 'count' ? '' : m.agg.field,
    activeUntil: listOf(m.activeUntil),
    dateBy: m.dateBy ?? '',
    validAtEnd: listOf(m.validAtEnd),
  };
}

export function defToDraft(def: FigureDef): Draft {
  const base = def.value.type === 'rate' ? def.value.denominator : def.value.measure;
  return {
    id: def.id,
    name: def.name,
    section: def.section,
    unit: def.unit,
    rate: def.value.type === 'rate',
    main: def.value.type === 'rate' ? { ...measureDraft(base), filters: [] } : measureDraft(def.value.measure),
    numerator: def.value.type === 'rate' ? measureDraft(def.value.numerator) : emptyMeasure(base.kind),
    denominator: def.value.type === 'rate' ? measureDraft(def.value.denominator) : emptyMeasure(base.kind),
    display: def.display,
    zeroPhrase: def.zeroPhrase ?? '',
  };
}
