/**
 * What a figure chip says: the figure's Chinese name and the value as the report prints it. For a
 * placeholder unchanged since the last save the value is the assembly's own; for one just edited
 * it is formatted here from the year's value, or marked 保存后计算 when it needs another period.
 */
import { formatFigure } from '@rules/figures/format';
import type { FigureDef, FigureResult, FigureSegment, FigureUse, ReportSpec, Segment } from './types';
import { allParagraphs } from './spec-edit';

export interface FigureInfo {
  defs: ReadonlyMap<string, FigureDef>;
  values: ReadonlyMap<string, FigureResult>;
  /** `${paragraphId}:${segmentIndex}` → the saved segment and the displays assembly gave it. */
  saved: ReadonlyMap<string, { seg: Segment; displays: string[] }>;
}

export const segmentKey = (paragraphId: string, index: number) => `${paragraphId}:${index}`;

/**
 * Lines the assembly's figure uses up with the saved spec: uses are pushed paragraph by
 * paragraph, one per figure and one per rate item, none for an unknown figure.
 */
export function indexUses(
  spec: ReportSpec,
  uses: readonly FigureUse[],
  defs: ReadonlyMap<string, FigureDef>,
): Map<string, { seg: Segment; displays: string[] }> {
  const byAnchor = new Map<string, FigureUse[]>();
  for (const u of uses) byAnchor.set(u.anchor, [...(byAnchor.get(u.anchor) ?? []), u]);
  const out = new Map<string, { seg: Segment; displays: string[] }>();
  for (const { p } of allParagraphs(spec)) {
    const queue = [...(byAnchor.get(p.id) ?? [])];
    p.segments.forEach((seg, i) => {
      const ids = seg.type === 'figure' ? [seg.figureId] : seg.type === 'rates' ? seg.items.map((x) => x.figureId) : [];
      if (!ids.length || !ids.every((id) => defs.has(id))) return;
      const taken = queue.splice(0, ids.length);
      if (taken.length === ids.length && taken.every((u, k) => u.figureId === ids[k]))
        out.set(segmentKey(p.id, i), { seg, displays: taken.map((u) => u.display) });
    });
  }
  return out;
}

export interface ChipLabel {
  name: string;
  value: string;
  /** Short marks: 手填, 自2021年以来, 与上年比较, 为0时另写. */
  flags: string[];
  manual: boolean;
  /** The value is not known until the report is saved (another period, a change). */
  pending: boolean;
  unknown: boolean;
}

const RULE_KIND: Record<FigureDef['value']['type'], 'count' | 'sum' | 'money' | 'rate'> = {
  count: 'count',
  sum: 'sum',
  money: 'money',
  rate: 'rate',
};

/** The year's value of a figure under a display rule, formatted here (no round trip). */
function formatValue(def: FigureDef, r: FigureResult | undefined, rule: FigureSegment['rule'], unit?: string): string {
  if (!r) return '…';
  // A figure that cannot be computed (a rate over 0, a custom definition the kinds no longer match) is never shown as 0.
  if (!r.ok) return '—';
  const res = formatFigure(
    { kind: RULE_KIND[def.value.type], value: r.value, numerator: r.numerator, denominator: r.denominator, unit: unit ?? def.unit },
    rule ?? def.display,
  );
  return res.text;
}

function flagsOf(seg: FigureSegment, year: number): string[] {
  const flags: string[] = [];
  if (seg.manual !== undefined) flags.push('手填');
  if (seg.sinceYear && seg.sinceYear < year) flags.push(`自${seg.sinceYear}年以来`);
  if (seg.change) flags.push('与上年比较');
  if (seg.unit) flags.push(`单位“${seg.unit}”`);
  if (seg.zeroText) flags.push('为0时另写');
  return flags;
}

export function chipLabel(seg: Segment, key: string, info: FigureInfo, year: number): ChipLabel {
  const saved = info.saved.get(key);
  const fresh = !!saved && JSON.stringify(saved.seg) === JSON.stringify(seg);
  if (seg.type === 'rates') {
    const defs = seg.items.map((it) => info.defs.get(it.figureId));
    const unknown = defs.some((d) => !d);
    const values = fresh
      ? saved!.displays
      : seg.items.map((it, k) => (defs[k] ? formatValue(defs[k]!, info.values.get(it.figureId), undefined) : '—'));
    // As the report words it: equal rates read “均为100%”.
    const value =
      values.length > 1 && values[0] !== '—' && values.every((v) => v === values[0])
        ? `均${values[0] === '0%' ? '为' : (seg.verb ?? '达到')}${values[0]}`
        : values.join('、');
    return {
      name: seg.items.map((it) => it.label).join('、'),
      value,
      flags: seg.zeroText ? ['无法计算时另写'] : [],
      manual: false,
      pending: false,
      unknown,
    };
  }
  if (seg.type !== 'figure') return { name: '', value: '', flags: [], manual: false, pending: false, unknown: false };
  const def = info.defs.get(seg.figureId);
  if (!def) return { name: '未知指标', value: '—', flags: [], manual: false, pending: false, unknown: true };
  const flags = flagsOf(seg, year);
  if (seg.manual !== undefined) return { name: def.name, value: seg.manual, flags, manual: true, pending: false, unknown: false };
  if (fresh) return { name: def.name, value: saved!.displays[0], flags, manual: false, pending: false, unknown: false };
  const needsSave = seg.change || (seg.sinceYear !== undefined && seg.sinceYear < year);
  if (needsSave) return { name: def.name, value: '保存后计算', flags, manual: false, pending: true, unknown: false };
  return {
    name: def.name,
    value: formatValue(def, info.values.get(seg.figureId), seg.rule, seg.unit),
    flags,
    manual: false,
    pending: false,
    unknown: false,
  };
}
