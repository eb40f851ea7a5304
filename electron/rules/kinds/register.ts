/**
 * The printed register (登记簿) of a kind: which columns it shows, how a cell reads, which
 * columns get a total, and its title. Pure: the kind page's column picker and the core's
 * register renderer both read it.
 */
import { LedgerError } from '../errors';
import type { FieldDef, KindDef } from './types';

/** Most columns a register may have: beyond this an A4 landscape row cannot hold them legibly. */
export const MAX_REGISTER_COLUMNS = 12;

/**
 * The kind's date field first (a register reads by date), then the rest in the given order; the
 * title field is always there (after the date when not chosen), so every entry can be named.
 */
function anchored(kind: KindDef, keys: readonly string[]): string[] {
  const rest = keys.filter((k) => k !== kind.dateField);
  if (!rest.includes(kind.titleField)) rest.unshift(kind.titleField);
  return [kind.dateField, ...rest];
}

/** Default columns: the kind's `register.columns`, else its `listed` fields. */
export function defaultRegisterColumns(kind: KindDef): string[] {
  const keys = kind.register?.columns ?? kind.fields.filter((f) => f.listed).map((f) => f.key);
  return anchored(kind, keys).slice(0, MAX_REGISTER_COLUMNS);
}

/** Every field the clerk may pick as a column, in the form's order. */
export const registerColumnChoices = (kind: KindDef): readonly FieldDef[] => kind.fields;

/**
 * The columns to print: the chosen keys (checked against the kind, duplicates dropped) or the
 * defaults; the date column always first, the title column always present.
 */
export function resolveRegisterColumns(kind: KindDef, chosen?: readonly string[]): FieldDef[] {
  const keys = chosen?.length ? anchored(kind, [...new Set(chosen)]) : defaultRegisterColumns(kind);
  const fields = keys.map((k) => {
    const f = kind.fields.find((x) => x.key === k);
    if (!f) throw new LedgerError('VALIDATION', `${kind.label}没有“${k}”字段，不能作为登记簿的列`);
    return f;
  });
  if (fields.length > MAX_REGISTER_COLUMNS)
    throw new LedgerError('VALIDATION', `登记簿最多${MAX_REGISTER_COLUMNS}列（已选${fields.length}列），请减少列后再打印`);
  return fields;
}

export const isTotalled = (f: FieldDef): boolean => f.type === 'int' || f.type === 'money';

/** Column heading, with the unit of a number column: 出席人数（人）, 罚款金额（元）. */
export const registerHeading = (f: FieldDef): string =>
  isTotalled(f) && (f.unit || f.type === 'money') ? `${f.label}（${f.unit ?? '元'}）` : f.label;

const intFmt = new Intl.NumberFormat('zh-CN');
const moneyFmt = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How one value reads in the register (the table's reading: 是/否, thousands, 元 to the fen, tags joined by 、). */
export function registerCell(f: FieldDef, value: unknown): string {
  if (f.type === 'bool') return value === true ? '是' : '否';
  if (value === undefined || value === null || value === '') return '';
  if (f.type === 'int' && typeof value === 'number') return intFmt.format(value);
  if (f.type === 'money' && typeof value === 'number') return moneyFmt.format(value);
  if (f.type === 'tags' && Array.isArray(value)) return value.join('、');
  return String(value);
}

/** A total as the register prints it; money summed in fen so 0.1 + 0.2 prints 0.30. */
export function registerTotal(f: FieldDef, values: readonly unknown[]): string {
  if (f.type === 'money') {
    const fen = values.reduce<number>((s, v) => s + (typeof v === 'number' ? Math.round(v * 100) : 0), 0);
    return moneyFmt.format(fen / 100);
  }
  return intFmt.format(values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0));
}

/** 「双土镇2023年会议台账」; without a town name set, 「2023年会议台账」. */
export const registerTitle = (town: string, year: number, kind: KindDef): string => `${town.trim()}${year}年${kind.label}台账`;
