/**
 * One spreadsheet cell → the value a field stores, or a Chinese message saying why not. Accepts
 * what clerks' sheets really hold: real dates, serial numbers and dates typed as text in every
 * common form; numbers typed as text, in full-width digits or with the field's unit; 是/否 in its
 * many spellings; enumerated values by label. Nothing unreadable silently becomes 0 or empty.
 */
import type { FieldDef } from '@rules/kinds';
import { isRealDate } from '@rules/kinds/validate';
import { splitList } from '@rules/list-split';
import { closest, fold } from './fold';

/** A cell's value as read (formulas reduced to their result, rich text to its text). */
export type CellValue = string | number | boolean | Date | null;

type Parsed = { value: unknown; warning?: string } | { error: string; suggestion?: string };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in). */
function serialToDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** exceljs reads date cells as JS Dates at UTC midnight (plus a time part when one was typed). */
const fromJsDate = (d: Date) => ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

const FULL_DATE = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_DAY = /^(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/;

function parseDate(v: CellValue, year: number | undefined): Parsed {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { error: '日期无法识别' };
    return checkDate(fromJsDate(v), String(v));
  }
  if (typeof v === 'number') {
    if (v < 1 || v > 80000) return { error: `“${v}”不是日期` };
    return checkDate(serialToDate(Math.floor(v)), String(v));
  }
  if (typeof v !== 'string') return { error: '应为日期（如2023-03-05）' };
  const s = v.normalize('NFKC').trim();
  let m = FULL_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (m) return checkDate(ymd(Number(m[1]), Number(m[2]), Number(m[3])), s);
  m = MONTH_DAY.exec(s);
  if (m) {
    if (!year) return { error: `“${s}”缺少年份，请写成“2023年3月5日”或在导入时选择年度` };
    const r = checkDate(ymd(year, Number(m[1]), Number(m[2])), s);
    return 'error' in r ? r : { value: r.value, warning: `“${s}”没有写年份，按${year}年计` };
  }
  if (/^\d+(\.\d+)?$/.test(s)) return parseDate(Number(s), year);
  return { error: `“${s}”不是日期，应写成2023-03-05、2023/3/5、2023.3.5或2023年3月5日` };
}

function checkDate(iso: string, shown: string): Parsed {
  return isRealDate(iso) ? { value: iso } : { error: `日期不存在（“${shown}”）` };
}

/** Text of a number cell as typed: full-width digits folded, thousands separators and the field's unit removed. */
function parseNumber(f: FieldDef, v: CellValue): Parsed {
  if (typeof v === 'number') return { value: v };
  if (typeof v !== 'string') return { error: f.type === 'money' ? '应为金额（元）' : '应为数字' };
  const raw = v.trim();
  let s = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  const units = [f.unit, f.type === 'money' ? '元' : undefined, f.unit === '人次' ? '人' : undefined].filter((u): u is string => !!u);
  for (const u of units) if (s.endsWith(u)) s = s.slice(0, -u.length);
  if (f.type === 'money' && s.startsWith('¥')) s = s.slice(1);
  if (!/^-?\d+(\.\d+)?$/.test(s)) {
    const unit = f.unit ? `（单位：${f.unit}）` : '';
    return { error: `“${raw}”不是数字${unit}` };
  }
  return { value: Number(s) };
}

const YES = new Set(['是', '√', '✓', '✔', 'y', 'yes', 'true', '1', '有', '对', '已', '●']);
const NO = new Set(['否', '×', '✗', '✘', 'x', 'n', 'no', 'false', '0', '无', '不', '未', '○']);

function parseBool(v: CellValue): Parsed {
  if (typeof v === 'boolean') return { value: v };
  const s = fold(String(v));
  if (YES.has(s)) return { value: true };
  if (NO.has(s)) return { value: false };
  return { error: `“${String(v).trim()}”应为“是”或“否”（也可写√/×、Y/N）` };
}

function parseEnum(f: FieldDef, v: CellValue): Parsed {
  const s = String(v).trim();
  const options = f.options ?? [];
  const hit = options.find((o) => o === s) ?? options.find((o) => fold(o) === fold(s));
  if (hit) return { value: hit };
  const near = closest(s, options);
  return near
    ? { error: `“${s}”不是可选值，是否应为“${near}”？`, suggestion: near }
    : { error: `“${s}”不是可选值（可选：${options.join('、')}）` };
}

/** A cell's text; the apostrophe our exports put before = + - @ (spreadsheetText) comes off again. */
function asText(v: CellValue): string {
  if (v instanceof Date) return fromJsDate(v);
  const s = String(v);
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** Parses one non-blank cell for a field. Blank cells never reach here (they are simply absent). */
export function parseCell(f: FieldDef, v: CellValue, year: number | undefined): Parsed {
  switch (f.type) {
    case 'date':
      return parseDate(v, year);
    case 'int':
    case 'money':
      return parseNumber(f, v);
    case 'bool':
      return parseBool(v);
    case 'enum':
      return parseEnum(f, v);
    case 'tags':
      return { value: splitList(asText(v)) };
    case 'text':
    case 'village':
      return { value: asText(v).trim() };
    case 'textarea':
      return { value: asText(v).replace(/\r\n?/g, '\n').trim() };
  }
}

export const isBlank = (v: CellValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');
