/**
 * Rates (参考率, 合格率, 调解成功率…) and year-on-year changes. Percentages are computed exactly
 * on BigInt (no 0.1 + 0.2 artefacts) and rounded half-up (四舍五入), except at the edges: a rate
 * below 100% never prints as “100%” and a non-zero rate never prints as “0%”.
 */
import { assertMeasure } from './count';

/** Outcome of a rate or change; `text` is '—' whenever `ok` is false, `problem` says why (Chinese). */
export interface FormatResult {
  text: string;
  ok: boolean;
  problem?: string;
}

const DASH = '—';
const fail = (problem: string): FormatResult => ({ text: DASH, ok: false, problem });

/** The exact decimal behind a finite number ≥ 0 (its shortest round-trip form): 0.29 → 29·10^-2. */
function toDecimal(x: number): { digits: bigint; exp: number } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`not a plain non-negative number: ${x}`);
  const frac = m[2] ?? '';
  return { digits: BigInt(m[1] + frac), exp: Number(m[3] ?? 0) - frac.length };
}

/** Both numbers as BigInts on a common scale, so their ratio is exact. */
function common(a: number, b: number): [bigint, bigint] {
  const da = toDecimal(a);
  const db = toDecimal(b);
  const exp = Math.min(da.exp, db.exp);
  return [da.digits * 10n ** BigInt(da.exp - exp), db.digits * 10n ** BigInt(db.exp - exp)];
}

type Rounding = 'half-up' | 'down' | 'up';

/** round(num / den) for num ≥ 0, den > 0. */
function divide(num: bigint, den: bigint, mode: Rounding): bigint {
  const q = num / den;
  const r = num % den;
  if (r === 0n || mode === 'down') return q;
  if (mode === 'up') return q + 1n;
  return 2n * r >= den ? q + 1n : q;
}

/** A scaled integer (units of 10^-decimals) as text, trailing zeros trimmed: (9910n, 2) → “99.1”. */
function scaledText(v: bigint, decimals: number): string {
  if (decimals === 0) return v.toString();
  const s = v.toString().padStart(decimals + 1, '0');
  const frac = s.slice(-decimals).replace(/0+$/, '');
  const whole = s.slice(0, -decimals);
  return frac ? `${whole}.${frac}` : whole;
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4) {
    throw new RangeError(`decimals must be an integer 0–4, got ${decimals}`);
  }
}

/**
 * |a − b| / b as a percentage rounded half-up to `decimals`, trimmed — except that a value
 * strictly between 0% and 100% is kept strictly between them: it is rounded down instead of up
 * to 100 and up instead of down to 0 (999/1000 at 0 decimals → “99”, 1/100000 at 2 → “0.01”).
 */
function percentOf(num: bigint, den: bigint, decimals: number): string {
  const factor = 100n * 10n ** BigInt(decimals);
  let scaled = divide(num * factor, den, 'half-up');
  if (num < den && scaled === factor) scaled = divide(num * factor, den, 'down');
  if (num > 0n && scaled === 0n) scaled = divide(num * factor, den, 'up');
  return scaledText(scaled, decimals);
}

/**
 * numerator / denominator as a percentage: 116/116 → “100%”, 115/116 → “99.14%”,
 * 114/116 → “98.28%”, 406/410 → “99.02%” (“99%” with decimals 0). `decimals` (0–4, default 2)
 * is a maximum: trailing zeros are trimmed, so whole rates print whole. Denominator 0 or
 * numerator > denominator → `{ ok: false, text: '—' }` (the caller turns it into a check).
 * Throws a RangeError for negative or non-finite input.
 */
export function formatRate(numerator: number, denominator: number, decimals = 2): FormatResult {
  assertMeasure(numerator, 'numerator');
  assertMeasure(denominator, 'denominator');
  checkDecimals(decimals);
  if (denominator === 0) return fail('分母为0，无法计算比率');
  if (numerator > denominator) return fail(`分子（${numerator}）大于分母（${denominator}），比率不能超过100%`);
  const [n, d] = common(numerator, denominator);
  return { text: `${percentOf(n, d, decimals)}%`, ok: true };
}

/** The steps “以上” may round down to (60%以上, 95%以上, 98%以上). */
export const AT_LEAST_STEPS = [1, 5, 10] as const;

/**
 * numerator / denominator rounded down to a multiple of `step` percent, with “以上”: 62.5% →
 * “60%以上”, 96.74% with step 5 → “95%以上”. 100% stays “100%”; a rate under one step (4% with
 * step 10) is written exactly instead of “0%以上”. Denominator 0 or numerator > denominator fail
 * as in formatRate.
 */
export function formatAtLeast(numerator: number, denominator: number, step = 10): FormatResult {
  if (!(AT_LEAST_STEPS as readonly number[]).includes(step)) throw new RangeError(`step must be one of 1/5/10, got ${step}`);
  const exact = formatRate(numerator, denominator);
  if (!exact.ok || numerator === denominator) return exact;
  const [n, d] = common(numerator, denominator);
  const floor = ((n * 100n) / (d * BigInt(step))) * BigInt(step);
  return floor === 0n ? exact : { text: `${floor}%以上`, ok: true };
}

export interface ChangeOptions {
  /** Maximum decimals of the percentage, 0–4; default 0 (“较上年增长23%”). */
  decimals?: number;
  /** What the figure is compared with; default 上年 (“较2024年增长23%” with '2024年'). */
  baseline?: string;
}

/**
 * Year-on-year change (current − previous) / previous: “较上年增长23%”, “较上年下降5%”,
 * “与上年持平”. Rounded half-up; a change that rounds to 0 is given more decimals (up to 2:
 * 1000 → 1003 is “增长0.3%”) and below 0.01% reads “与上年基本持平”; a fall to a non-zero value
 * never reads “下降100%”. Previous 0 → `{ ok: false, text: '—' }` (no base to compare with).
 */
export function formatChange(current: number, previous: number, options: ChangeOptions = {}): FormatResult {
  assertMeasure(current, 'current');
  assertMeasure(previous, 'previous');
  const { decimals = 0, baseline = '上年' } = options;
  checkDecimals(decimals);
  if (previous === 0) return fail(`${baseline}数值为0，无法计算增减幅度`);
  if (current === previous) return { text: `与${baseline}持平`, ok: true };
  const [c, p] = common(current, previous);
  const diff = c > p ? c - p : p - c;
  let text = '0';
  for (let d = decimals; text === '0' && d <= Math.max(decimals, 2); d++) {
    const factor = 100n * 10n ** BigInt(d);
    let scaled = divide(diff * factor, p, 'half-up');
    if (c < p && c > 0n && scaled === factor) scaled = divide(diff * factor, p, 'down');
    text = scaledText(scaled, d);
  }
  if (text === '0') return { text: `与${baseline}基本持平`, ok: true };
  return { text: `较${baseline}${c > p ? '增长' : '下降'}${text}%`, ok: true };
}

/**
 * Rates in one sentence: all texts equal → “参考率、合格率均达到100%” (“均为100%” when `verb` is
 * '为', and always “均为0%” for zero); otherwise “参考率99.14%，合格率100%”. One item → “合格率100%”;
 * none → ''. Failed rates (“—”) are never merged.
 */
export function joinEqualRates(items: { label: string; text: string }[], verb: '达到' | '为' = '达到'): string {
  if (items.length === 0) return '';
  const first = items[0].text;
  if (items.length > 1 && first !== DASH && items.every((i) => i.text === first)) {
    return `${items.map((i) => i.label).join('、')}均${first === '0%' ? '为' : verb}${first}`;
  }
  return items.map((i) => `${i.label}${i.text}`).join('，');
}
