/**
 * The limits both sides enforce, once: the years a ledger may hold, how long a text may be,
 * what counts as empty, and sizes as the clerk reads them (the upload ceiling is @rules/upload).
 */
import { z } from 'zod';

/** A ledger year: from the founding of the PRC to a bound no real ledger reaches. */
export const YEAR_MIN = 1949;
export const YEAR_MAX = 2100;
export const isLedgerYear = (y: unknown): y is number => Number.isInteger(y) && (y as number) >= YEAR_MIN && (y as number) <= YEAR_MAX;
/** The year of every API input, report setting and CLI argument. */
export const yearSchema = z.int().min(YEAR_MIN).max(YEAR_MAX);

/** Characters a field may hold when its definition names no `max`: one line, or several. */
export const TEXT_MAX = 200;
export const TEXTAREA_MAX = 2000;
export const textMax = (f: { type: string; max?: number }): number => f.max ?? (f.type === 'textarea' ? TEXTAREA_MAX : TEXT_MAX);

/** Nothing entered: absent, blank text or an empty list. */
export const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** A size as the clerk reads it: 3 KB, 1.5 MB, 2.0 GB. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.ceil(n / 1024)} KB`;
  return `${n} 字节`;
}

/** The message for text over its field's limit ('' when it fits), counted in characters, trimmed. */
export function tooLong(f: { type: string; max?: number }, text: string): string {
  const max = textMax(f);
  const n = [...text.trim()].length;
  return n > max ? `不能超过${max}个字（现有${n}个字）` : '';
}

/**
 * Keys no object built from outside input may have: assigning `__proto__` replaces the object's
 * prototype, and zod's record drops it without a word (so `{"__proto__": …}` read as `{}`);
 * `constructor` and `prototype` name an object's machinery rather than data.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A record from outside input: a forbidden key is refused by name, never dropped. */
export function safeRecord<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .unknown()
    .superRefine((v, ctx) => {
      if (!v || typeof v !== 'object') return;
      for (const k of Object.keys(v)) if (FORBIDDEN_KEYS.has(k)) ctx.addIssue({ code: 'custom', message: `“${k}”不能用作名称`, path: [k] });
    })
    .pipe(z.record(key, value));
}
