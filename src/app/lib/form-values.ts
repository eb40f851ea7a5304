/**
 * The record form's values: filled from a record, turned into the payload the core validates,
 * and the quick hints shown as the clerk leaves a field (the core has the final word on save).
 */
import type { FieldDef, KindDef, RecordData } from './api';
import { dateHint, normalizeDateText } from './date-text';
import { isEmpty, tooLong } from '@rules/limits';

type Values = Record<string, unknown>;

/** Editable (non-managed) fields of a kind, in definition order. */
export const editableFields = (kind: KindDef): FieldDef[] => kind.fields.filter((f) => !f.managed);

export function initialValues(kind: KindDef, data: RecordData | null, defaultDate: string): Values {
  if (data) return Object.fromEntries(editableFields(kind).map((f) => [f.key, data[f.key]]));
  return defaultDate ? { [kind.dateField]: defaultDate } : {};
}

/** Only the given fields, empty ones dropped, dates padded; everything else is the core's to judge. */
export function toPayload(fields: readonly FieldDef[], values: Values): RecordData {
  const out: RecordData = {};
  for (const f of fields) {
    const v = values[f.key];
    if (isEmpty(v)) continue;
    out[f.key] = f.type === 'date' && typeof v === 'string' ? normalizeDateText(v) : typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export function clientHint(f: FieldDef, v: unknown): string {
  if (isEmpty(v)) return f.required ? '必填' : '';
  if (f.type === 'date' && typeof v === 'string') return dateHint(v);
  if ((f.type === 'int' || f.type === 'money') && typeof v === 'number' && v < (f.min ?? 0))
    return (f.min ?? 0) === 0 ? '不能为负数' : `不能小于${f.min}`;
  if ((f.type === 'text' || f.type === 'textarea') && typeof v === 'string') {
    const long = tooLong(f, v);
    if (long) return long;
  }
  return '';
}

/** The default date for a new record: today in the current year, empty for any other year. */
export function defaultDateFor(year: number): string {
  const d = new Date();
  if (d.getFullYear() !== year) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
