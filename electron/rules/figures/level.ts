/**
 * A figure as a ledger of one 乡镇类型 reads it: its name, zero phrase and filter values worded for
 * the level (依法治乡领导小组会议次数 for a 乡, 人大街道工委会议次数 for a 街道; rules/town-type.ts).
 * Filters still count every level's spelling (core/figures/compute.ts asks `optionSpellings`).
 */
import { levelText, type TownType } from '../town-type';
import type { Condition, FigureDef, Measure, Where } from './types';

function wordCondition(c: Condition, type: TownType): Condition {
  if (typeof c === 'string') return levelText(c, type);
  if (Array.isArray(c)) return (c as readonly (string | number)[]).map((v) => (typeof v === 'string' ? levelText(v, type) : v));
  return c;
}

const wordWhere = (w: Where, type: TownType): Where => Object.fromEntries(Object.entries(w).map(([k, c]) => [k, wordCondition(c, type)]));

const wordMeasure = (m: Measure, type: TownType): Measure => ({
  ...m,
  ...(m.where ? { where: wordWhere(m.where, type) } : {}),
  ...(m.anyOf ? { anyOf: m.anyOf.map((w) => wordWhere(w, type)) } : {}),
});

export function figureForLevel(f: FigureDef, type: TownType): FigureDef {
  return {
    ...f,
    name: levelText(f.name, type),
    ...(f.zeroPhrase ? { zeroPhrase: levelText(f.zeroPhrase, type) } : {}),
    value:
      f.value.type === 'rate'
        ? { ...f.value, numerator: wordMeasure(f.value.numerator, type), denominator: wordMeasure(f.value.denominator, type) }
        : { ...f.value, measure: wordMeasure(f.value.measure, type) },
  };
}
