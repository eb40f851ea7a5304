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

/** The app's limit on an exchange file (the API's and the CLI's). */
export const MAX_EXCHANGE_BYTES = 512 * 1024 * 1024;

/** Characters a field may hold when its definition names no `max`: one line, or several. */
const TEXT_MAX = 200;
const TEXTAREA_MAX = 2000;
const textMax = (f: { type: string; max?: number }): number => f.max ?? (f.type === 'textarea' ? TEXTAREA_MAX : TEXT_MAX);

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

const hex4 = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');

/**
 * Characters no ledger text may hold: NUL and other C0 controls (tab and, in several-line text,
 * line breaks excepted), DEL, lone surrogates (not text; invalid UTF-8 decodes to nothing real) and
 * the bidi overrides/isolates that make a title read differently from what is stored, zero-width
 * characters and byte-order marks (two titles that look the same would differ) and the Unicode line
 * and paragraph separators (a line break no field of one line may hold, invisible in most editors).
 * Returns a Chinese reason, or null when the text is clean.
 */
export function textProblem(s: string, multiline = false): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return '含有空字符（NUL）';
    if ((c < 0x20 && c !== 0x09 && !(multiline && (c === 0x0a || c === 0x0d))) || c === 0x7f) return `含有控制字符（U+${hex4(c)}）`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) i++;
      else return '含有无效的字符（不成对的代理项）';
    } else if (c >= 0xdc00 && c <= 0xdfff) return '含有无效的字符（不成对的代理项）';
    else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return `含有文字方向控制符（U+${hex4(c)}）`;
    else if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return `含有看不见的零宽字符（U+${hex4(c)}）`;
    else if (c === 0x2028 || c === 0x2029) return `含有特殊的换行符（U+${hex4(c)}）`;
  }
  return null;
}

/**
 * Text that becomes a file or folder name (the town names the 档案袋 and every backup): besides
 * textProblem's characters, no path separator and no “..”, which would climb out of the folder.
 */
export function fileNameProblem(s: string): string | null {
  if (/[\\/]/.test(s)) return '不能含有“/”或“\\”（它会成为文件名的一部分）';
  if (s.includes('..')) return '不能含有“..”（它会成为文件名的一部分）';
  return textProblem(s);
}
/**
 * Keys no object built from outside input may have: assigning `__proto__` replaces the object's
 * prototype, and zod's record drops it without a word (so `{"__proto__": …}` read as `{}`);
 * `constructor` and `prototype` name an object's machinery rather than data.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

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
