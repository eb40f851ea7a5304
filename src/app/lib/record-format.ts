/** How a field's value reads in the table and how a column is headed (unit in Chinese brackets). */
import type { FieldDef, KindDef, LedgerRecord } from './api';

const moneyFmt = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const intFmt = new Intl.NumberFormat('zh-CN');

export function formatValue(field: FieldDef, value: unknown): string {
  // An unset 是/否 reads as 否, as the core's filters count it.
  if (field.type === 'bool' && value !== true) return '否';
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'bool':
      return value === true ? '是' : '否';
    case 'money':
      return typeof value === 'number' ? moneyFmt.format(value) : String(value);
    case 'int':
      return typeof value === 'number' ? intFmt.format(value) : String(value);
    case 'tags':
      return Array.isArray(value) ? value.join('、') : String(value);
    default:
      return String(value);
  }
}

export const columnLabel = (f: FieldDef): string =>
  f.unit && (f.type === 'money' || f.type === 'int') ? `${f.label}（${f.unit}）` : f.label;

export const titleOf = (kind: KindDef | undefined, rec: LedgerRecord): string =>
  String((kind ? rec.data[kind.titleField] : undefined) ?? rec.data.title ?? rec.data.name ?? '（无名称）');

export const isNumeric = (f: FieldDef) => f.type === 'int' || f.type === 'money';

/** Local 'YYYY-MM-DD HH:mm' of an ISO timestamp. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
