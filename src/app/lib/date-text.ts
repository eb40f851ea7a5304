/**
 * Reading a typed date the way the clerk types it (2024-3-5, 2024/03/05, 2024.3.5, 20240305,
 * 2024年3月5日) into YYYY-MM-DD. Impossible dates keep their shape so the core can say why.
 */
import { isRealDate } from '@rules/kinds/validate';

const LOOSE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Pads a date-shaped text to YYYY-MM-DD (without checking the calendar); other text unchanged. */
export function normalizeDateText(text: string): string {
  const s = text.trim();
  const m = LOOSE.exec(s) ?? COMPACT.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s;
}

/** YYYY-MM-DD when the text is a real calendar date, else null. */
export function parseDateText(text: string): string | null {
  const n = normalizeDateText(text);
  return isRealDate(n) ? n : null;
}

/** A hint for a typed date that is not a real one ('' when it is fine or empty). */
export function dateHint(text: string): string {
  const s = text.trim();
  if (!s || parseDateText(s)) return '';
  const n = normalizeDateText(s);
  return /^\d{4}-\d{2}-\d{2}$/.test(n) ? `日期不存在（${n}）` : '日期格式应为“年-月-日”，如2024-03-15';
}

export { isRealDate };
