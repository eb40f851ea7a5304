/**
 * A figure's definition in the clerk's words (「参加会议登记中 会议类型为“党委会议” 的条数」), built
 * from the kind's field labels and option values so the 帮助 page's table never drifts from the
 * catalogue or from a custom figure's definition.
 */
import type { KindDef } from '../kinds/types';
import type { Condition, FigureDef, Measure, Where } from './types';

type Kinds = ReadonlyMap<string, KindDef>;

function conditionText(label: string, c: Condition): string {
  if (typeof c === 'boolean') return `${label}为“${c ? '是' : '否'}”`;
  if (typeof c === 'string' || typeof c === 'number') return `${label}为“${c}”`;
  if (Array.isArray(c)) return `${label}为${c.map((v) => `“${v}”`).join('或')}`;
  if ('notIn' in c) return `${label}不为${c.notIn.map((v) => `“${v}”`).join('或')}（未填的也计入）`;
  if ('contains' in c) return `${label}含“${c.contains}”`;
  if ('from' in c || 'to' in c) {
    const r = c as { from?: string; to?: string };
    return r.from && r.to ? `${label}在${r.from}至${r.to}之间` : r.from ? `${label}不早于${r.from}` : `${label}不晚于${r.to ?? ''}`;
  }
  const r = c as { min?: number; max?: number };
  return r.min !== undefined && r.max !== undefined
    ? `${label}在${r.min}至${r.max}之间`
    : r.min !== undefined
      ? `${label}不少于${r.min}`
      : `${label}不多于${r.max ?? ''}`;
}

function whereText(k: KindDef | undefined, where: Where): string[] {
  const label = (key: string) => k?.fields.find((f) => f.key === key)?.label ?? key;
  return Object.entries(where).map(([key, c]) => conditionText(label(key), c));
}

/** Which kind a measure reads, its conditions and what it adds up, e.g. 「参加会议中 会议类型为“党委会议” 的条数」. */
export function describeMeasure(m: Measure, kinds: Kinds): string {
  const k = kinds.get(m.kind);
  const label = (key: string) => k?.fields.find((f) => f.key === key)?.label ?? key;
  const parts = whereText(k, m.where ?? {});
  if (m.anyOf?.length) parts.push(`（${m.anyOf.map((w) => whereText(k, w).join('且') || '任意').join('，或')}）`);
  const list = (v: string | readonly string[]) => (typeof v === 'string' ? [v] : v).map(label).join('、');
  if (m.dateBy) parts.push(`${label(m.dateBy)}在当年`);
  if (m.activeUntil) parts.push(`当年在册（${list(m.activeUntil)}未早于年初）`);
  if (m.validAtEnd) parts.push(`${list(m.validAtEnd)}未早于年末（12月31日仍有效）`);
  const what =
    m.agg.type === 'count' ? '的条数' : m.agg.type === 'sum' ? `的“${label(m.agg.field)}”之和` : `的“${label(m.agg.field)}”不同项数`;
  return `「${k?.label ?? m.kind}」台账中${parts.length ? parts.join('，') : '全部记录'}${what}`;
}

/**
 * The whole figure in one sentence: one measure, or a rate as 「numerator，除以 denominator（分母）」,
 * so two rates of the same name-stem (调解成功率 and 化解率) read apart by what they divide by.
 */
export function describeFigure(f: FigureDef, kinds: Kinds): string {
  if (f.value.type !== 'rate') return describeMeasure(f.value.measure, kinds);
  return `${describeMeasure(f.value.numerator, kinds)}，除以分母：${describeMeasure(f.value.denominator, kinds)}`;
}
