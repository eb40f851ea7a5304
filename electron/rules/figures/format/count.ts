/**
 * Counts and sums (次, 人次, 份, 件…): exact or “余”-rounded as government reports write them.
 * Pure functions; invalid input is a programming error and throws a RangeError.
 */
import type { DisplayRule } from './rule';
import { toHanzi } from './hanzi';

/** The only granularities a clerk may choose for “余” (十、百、千、万). */
export const APPROX_GRANULARITIES = [10, 100, 1000, 10000] as const;

/** Throws unless `v` is a finite number ≥ 0 (the ledger never produces anything else). */
export function assertMeasure(v: number, what: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${what} must be a finite number, got ${String(v)}`);
  if (v < 0) throw new RangeError(`${what} must not be negative, got ${v}`);
}

/** Throws unless `v` is a whole number 0 … 2^53−1 (counts and sums are kept in integer units). */
function assertCount(v: number, what: string): void {
  assertMeasure(v, what);
  if (!Number.isSafeInteger(v)) throw new RangeError(`${what} must be a whole number, got ${v}`);
}

/**
 * Automatic base of the “余” rule as real reports write it: one significant figure below 1000
 * (12 → 10余, 132 → 100余, 823 → 800余), two from 1000 (1250 → 1200余, 2897 → 2800余), and from
 * 10000 on 万 with one decimal (15001 → 1.5万余, 20350 → 2万余), i.e. a base of 1000.
 */
function autoBase(whole: number): number {
  if (whole >= 10000) return 1000;
  if (whole >= 1000) return 100;
  return 10 ** (String(whole).length - 1);
}

/**
 * The “余” form of a magnitude, without the unit, or null when it must be printed exactly.
 * `whole` is the integer part and `hasFraction` tells whether a fractional part follows
 * (money with fen), so that 60000.5 元 is still “more than” 60000.
 * - below 10: exact (never “4余次”);
 * - N = floor(whole / base) × base; N = 0 (granularity coarser than the value) or N equal to
 *   the value (a round value: 余 means “and some more”, so 15000 stays 15000) → exact;
 * - automatic from 10000 on → “N万余” with at most one decimal (1.5万余, 12.3万余);
 *   granularity 10000 → “N万余” whole (the 万 digit exact: 2万余, 1234万余); else “N余”.
 */
export function approxMagnitude(whole: number, hasFraction: boolean, granularity?: number, hanzi = false): string | null {
  if (granularity !== undefined && !(APPROX_GRANULARITIES as readonly number[]).includes(granularity)) {
    throw new RangeError(`granularity must be one of ${APPROX_GRANULARITIES.join('/')}, got ${granularity}`);
  }
  if (whole < 10) return null;
  const auto = granularity === undefined;
  const base = granularity ?? autoBase(whole);
  const n = Math.floor(whole / base) * base;
  if (n === 0 || (n === whole && !hasFraction)) return null;
  // 汉字 need no 万 shortcut: 14000 reads 一万四千余 whole.
  if (hanzi) return `${toHanzi(n, true)}余`;
  if (base === 10000 || (auto && whole >= 10000)) {
    // Integer arithmetic on thousands avoids 1.2000000000000002万.
    const thousands = n / 1000;
    return `${Math.floor(thousands / 10)}${thousands % 10 ? `.${thousands % 10}` : ''}万余`;
  }
  return `${n}余`;
}

/** A round number as the “近” rule writes it: 1000 → 1000, 15000 → 1.5万, with 汉字 千 / 一万五千. */
function roundText(n: number, hanzi: boolean): string {
  if (hanzi) return toHanzi(n, true);
  return n >= 10000 && n % 1000 === 0 ? `${n / 10000}万` : String(n);
}

/**
 * The “近” form of a whole number, without the unit, or null when it does not apply: the value
 * is just under the next round number of its automatic base (986 → 近1000, 1950 → 近2000,
 * 9960 → 近1万), within a tenth of it. Below 10 and round values never read “近”.
 */
function nearMagnitude(whole: number, hanzi = false): string | null {
  if (whole < 10) return null;
  const base = autoBase(whole);
  const next = Math.ceil(whole / base) * base;
  if (next === whole || whole * 10 < next * 9) return null;
  return `近${roundText(next, hanzi)}`;
}

/**
 * A count or sum with its 量词: `formatCount(63, '次', { type: 'approx' })` → “60余次”.
 * The default rule is exact: rounding drops information, so a figure is only “余”-rounded when
 * its display rule says so. Integers print without thousands separators (20350, not 20,350).
 * Throws a RangeError for negative, non-finite or fractional values and for the 万元/percent rules.
 */
export function formatCount(v: number, unit: string, rule: DisplayRule = { type: 'exact' }): string {
  assertCount(v, 'count');
  switch (rule.type) {
    case 'exact':
      return `${v}${unit}`;
    case 'approx':
      return `${approxMagnitude(v, false, rule.granularity, rule.hanzi) ?? v}${unit}`;
    case 'near':
      // Far from a round number, “近” would overstate: the value then reads with “余” (or exactly).
      return `${nearMagnitude(v, rule.hanzi) ?? approxMagnitude(v, false, undefined, rule.hanzi) ?? v}${unit}`;
    default:
      throw new RangeError(`display rule '${rule.type}' does not apply to a count`);
  }
}
