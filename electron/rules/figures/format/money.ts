/**
 * Money (ledger values are yuan with at most two decimals). All arithmetic is on whole fen, so
 * no float artefact (6.1770000001) can reach the text.
 */
import type { DisplayRule } from './rule';
import { approxMagnitude, assertMeasure } from './count';

/** Whole fen of an amount in yuan; float noise from summing REAL columns (0.1 + 0.2) is absorbed. */
function toFen(yuan: number): number {
  assertMeasure(yuan, 'money');
  const fen = Math.round(yuan * 100);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`money amount too large: ${yuan}`);
  return fen;
}

/** `whole` + `frac` digits, trailing zeros of the fraction trimmed: ('6', '177000') → “6.177”. */
function joinDecimal(whole: number, frac: string): string {
  const f = frac.replace(/0+$/, '');
  return f ? `${whole}.${f}` : String(whole);
}

/** Yuan exactly: 61770 → “61770元”, 61770.5 → “61770.5元”, 0.05 → “0.05元”. */
function exactYuan(fen: number): string {
  return `${joinDecimal(Math.floor(fen / 100), String(fen % 100).padStart(2, '0'))}元`;
}

/**
 * 万元 with trailing zeros trimmed: 61770 → “6.177万元”, 50000 → “5万元”, 61770.5 → “6.17705万元”.
 * `decimals` (0–6) rounds half-up first (61770.5 with 2 → “6.18万元”); a non-zero amount never
 * rounds to “0万元” — it then keeps all its digits.
 */
function checkWanDecimals(decimals: number | undefined): void {
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)) {
    throw new RangeError(`wan decimals must be an integer 0–6, got ${decimals}`);
  }
}

function wan(fen: number, decimals?: number): string {
  let units = fen; // 1 unit = 10^-6 万元 = 1 fen
  let scale = 6;
  if (decimals !== undefined) {
    const step = 10 ** (6 - decimals);
    const rounded = Math.floor(fen / step) + (fen % step >= step / 2 ? 1 : 0);
    if (rounded > 0) {
      units = rounded;
      scale = decimals;
    }
  }
  const div = 10 ** scale;
  return `${joinDecimal(Math.floor(units / div), scale ? String(units % div).padStart(scale, '0') : '')}万元`;
}

/**
 * An amount of money given in yuan. Default rule: 万元 (as in “罚款6.177万元”).
 * - `wan`: see above; **0 prints as “0元”** — zero has no magnitude, and “0万元” reads as a
 *   conversion artefact. Amounts below 1万 print in 元 (7610 → “7610元”), as reports write them;
 *   `alwaysWan` keeps 万元 (3500 → “0.35万元”) where a sentence compares with other 万元 sums.
 * - `exact`: yuan, “61770元”, fen trimmed (“61770.5元”).
 * - `approx`: “余” on the yuan amount (61770 → “6万余元”, 1234 → “1200余元”, 8.5 → “8.5元”).
 * Throws a RangeError for negative/non-finite amounts and for the percent rule.
 */
export function formatMoney(yuan: number, rule: DisplayRule = { type: 'wan' }): string {
  const fen = toFen(yuan);
  switch (rule.type) {
    case 'wan':
      checkWanDecimals(rule.decimals);
      // Below 1万元 a report writes 元 (罚款7610元, not 0.761万元), unless the clerk keeps 万元 on purpose.
      return fen === 0 ? '0元' : fen < 1_000_000 && !rule.alwaysWan ? exactYuan(fen) : wan(fen, rule.decimals);
    case 'exact':
      return exactYuan(fen);
    case 'approx': {
      const whole = Math.floor(fen / 100);
      const approx = approxMagnitude(whole, fen % 100 !== 0, rule.granularity, rule.hanzi);
      return approx === null ? exactYuan(fen) : `${approx}元`;
    }
    default:
      throw new RangeError(`display rule '${rule.type}' does not apply to money`);
  }
}
