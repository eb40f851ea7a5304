/**
 * Counts and sums (次, 人次, 份, 件…): exact or “余”-rounded as government reports write them.
 * Pure functions; invalid input is a programming error and throws a RangeError.
 */
import type { DisplayRule } from '../format';

/** The only granularities a clerk may choose for “余” (十、百、千、万). */
export const APPROX_GRANULARITIES = [10, 100, 1000, 10000] as const;

/** Throws unless `v` is a finite number ≥ 0 (the ledger never produces anything else). */
export function assertMeasure(v: number, what: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${what} must be a finite number, got ${String(v)}`);
  if (v < 0) throw new RangeError(`${what} must not be negative, got ${v}`);
}

/** Throws unless `v` is a whole number 0 … 2^53−1 (counts and sums are kept in integer units). */
export function assertCount(v: number, what: string): void {
  assertMeasure(v, what);
  if (!Number.isSafeInteger(v)) throw new RangeError(`${what} must be a whole number, got ${v}`);
}

/** Automatic 余 base: tens below 1000, hundreds below 10000, 万 from 10000 on. */
function autoBase(whole: number): number {
  return whole < 1000 ? 10 : whole < 10000 ? 100 : 10000;
}

/**
 * The “余” form of a magnitude, without the unit, or null when it must be printed exactly.
 * `whole` is the integer part and `hasFraction` tells whether a fractional part follows
 * (money with fen), so that 60000.5 元 is still “more than” 60000.
 * - below 10: exact (never “4余次”);
 * - N = floor(whole / base) × base; N = 0 (granularity coarser than the value) or N equal to
 *   the value (a round value) → exact;
 * - base 10000 → “N万余” (the 万 digit is exact: 2万余, 12万余, 1234万余); else “N余”.
 * Decimals never appear: N is always an integer.
 */
export function approxMagnitude(whole: number, hasFraction: boolean, granularity?: number): string | null {
  if (granularity !== undefined && !(APPROX_GRANULARITIES as readonly number[]).includes(granularity)) {
    throw new RangeError(`granularity must be one of ${APPROX_GRANULARITIES.join('/')}, got ${granularity}`);
  }
  if (whole < 10) return null;
  const base = granularity ?? autoBase(whole);
  const n = Math.floor(whole / base) * base;
  if (n === 0 || (n === whole && !hasFraction)) return null;
  return base === 10000 ? `${n / 10000}万余` : `${n}余`;
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
      return `${approxMagnitude(v, false, rule.granularity) ?? v}${unit}`;
    default:
      throw new RangeError(`display rule '${rule.type}' does not apply to a count`);
  }
}
