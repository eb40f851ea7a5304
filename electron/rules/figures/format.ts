/**
 * Display rules for report figures: how a computed value reads in the
 * report — “11次”, “60余次”, “2万余人次”, “6.177万元”, “99.14%”, “较上年增长23%”.
 * Pure and synchronous. Negative, non-finite (and, for counts, fractional) input is a bug upstream
 * and throws a RangeError; conditions that depend on the data (denominator 0, numerator above
 * denominator, previous year 0, a rule that does not fit the figure) return `ok: false` with a
 * Chinese `problem`, which the report turns into a check instead of crashing.
 */
import { formatCount } from './format/count';
import { formatMoney } from './format/money';
import { formatAtLeast, formatRate, type FormatResult } from './format/rate';
import type { DisplayRule } from './format/rule';

export { formatCount } from './format/count';
export { formatMoney } from './format/money';
export type { DisplayRule } from './format/rule';
export { formatChange, formatRate, joinEqualRates } from './format/rate';

export interface FigureValue {
  kind: 'count' | 'sum' | 'money' | 'rate';
  /** count/sum: the total in `unit`; money: yuan (whatever `unit` says); rate: not used (see numerator/denominator). */
  value: number;
  numerator?: number;
  denominator?: number;
  /** 量词 for counts and sums (次, 人次, 份); ignored for money and rates, whose unit comes from the rule. */
  unit: string;
}

const KIND_LABEL: Record<FigureValue['kind'], string> = { count: '计数', sum: '合计', money: '金额', rate: '比率' };
/** Each rule's name on the screens (builder, chip menu) and in problems. */
export const RULE_LABEL: Record<DisplayRule['type'], string> = {
  exact: '精确数',
  approx: '约数（“余”）',
  near: '约数（“近”）',
  wan: '万元',
  percent: '百分比',
  atLeast: '百分比（“以上”）',
};

/** Rules each kind accepts; the first is the default (the custom-figure check and the screens offer these). */
export const DISPLAY_RULES: Record<FigureValue['kind'], readonly DisplayRule['type'][]> = {
  count: ['exact', 'approx', 'near'],
  sum: ['exact', 'approx', 'near'],
  money: ['wan', 'exact', 'approx'],
  rate: ['percent', 'atLeast'],
};

/**
 * Formats one figure by its kind and display rule. Defaults: counts and sums exact, money 万元,
 * rates percent with up to two decimals. A rule that does not fit the kind, or a rate without
 * numerator/denominator, gives `ok: false` with a problem; invalid numbers throw (see above).
 */
export function formatFigure(f: FigureValue, rule?: DisplayRule): FormatResult {
  const r: DisplayRule = rule ?? ({ type: DISPLAY_RULES[f.kind][0] } as DisplayRule);
  if (!DISPLAY_RULES[f.kind].includes(r.type)) {
    return { text: '—', ok: false, problem: `显示规则“${RULE_LABEL[r.type]}”不适用于${KIND_LABEL[f.kind]}类指标` };
  }
  switch (r.type) {
    case 'exact':
    case 'approx':
    case 'near':
    case 'wan':
      return { text: f.kind === 'money' ? formatMoney(f.value, r) : formatCount(f.value, f.unit, r), ok: true };
    case 'percent':
    case 'atLeast':
      if (f.numerator === undefined || f.denominator === undefined) {
        return { text: '—', ok: false, problem: '比率缺少分子或分母，无法计算' };
      }
      return r.type === 'percent' ? formatRate(f.numerator, f.denominator, r.decimals) : formatAtLeast(f.numerator, f.denominator, r.step);
  }
}
