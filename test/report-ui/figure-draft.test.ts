/**
 * The 自定义指标 builder's draft ⇄ FigureDef conversion (src/app/figures/draft.ts): every filter
 * type and aggregate survives the round trip, half-filled rows are left out, the value type
 * follows the summed field, and a rule that does not fit falls back to the type's default.
 * The built definitions are then accepted by the core's one check.
 */
import { describe, expect, it } from 'vitest';
import { KINDS } from '@rules/kinds';
import { checkCustomFigure } from '@rules/figures/schema';
import type { FigureDef } from '@rules/figures/types';
import { defToDraft, draftToDef, emptyDraft, filterKey, valueType } from '../../src/app/figures/draft';

const kinds = new Map(KINDS.map((k) => [k.id, k]));

const DEFS: FigureDef[] = [
  {
    id: 'custom.a',
    name: '各类条件',
    section: '1',
    unit: '场次',
    value: {
      type: 'count',
      measure: {
        kind: 'training',
        where: {
          eventType: ['普法宣传活动', '专题宣讲'],
          village: '石桥村',
          participants: { min: 10, max: 500 },
          date: { from: '2024-03-01', to: '2024-09-30' },
          theme: { contains: '宪法' },
        },
        agg: { type: 'count' },
      },
    },
    display: { type: 'exact' },
    zeroPhrase: '全年未开展',
  },
  {
    id: 'custom.b',
    name: '人次',
    section: '1',
    unit: '人次',
    value: { type: 'sum', measure: { kind: 'training', agg: { type: 'sum', field: 'participants' } } },
    display: { type: 'approx' },
  },
  {
    id: 'custom.c',
    name: '罚款',
    section: '5',
    unit: '元',
    value: { type: 'money', measure: { kind: 'enforcement', where: { legalReviewed: true }, agg: { type: 'sum', field: 'fineAmount' } } },
    display: { type: 'wan' },
  },
  {
    id: 'custom.d',
    name: '在岗',
    section: '5',
    unit: '名',
    value: { type: 'count', measure: { kind: 'officer', agg: { type: 'count' }, activeUntil: ['validUntil', 'leftDate'] } },
    display: { type: 'exact' },
  },
  {
    id: 'custom.e',
    name: '覆盖村',
    section: '4',
    unit: '个',
    value: { type: 'sum', measure: { kind: 'legalAdviser', agg: { type: 'distinctTags', field: 'villages' }, activeUntil: 'termEnd' } },
    display: { type: 'exact' },
  },
  {
    id: 'custom.f',
    name: '满意率',
    section: '7',
    unit: '%',
    value: {
      type: 'rate',
      numerator: { kind: 'ticket', where: { satisfied: true }, agg: { type: 'count' } },
      denominator: { kind: 'ticket', where: { result: '已办结' }, agg: { type: 'count' } },
    },
    display: { type: 'percent' },
  },
];

describe('the builder draft', () => {
  it.each(DEFS.map((d) => [d.id, d] as const))('%s survives draft → definition, and the core accepts it', (_id, d) => {
    const back = draftToDef(defToDraft(d), kinds);
    expect(back).toEqual(d);
    expect(checkCustomFigure(back).issues).toEqual([]);
  });

  it('leaves out half-filled filter rows and trims the texts', () => {
    const d = emptyDraft('meeting');
    d.name = ' 党委会议次数 ';
    d.main.filters = [
      { key: filterKey(), field: '' },
      { key: filterKey(), field: 'meetingType', cond: [] },
      { key: filterKey(), field: 'lawTopic', cond: true },
      { key: filterKey(), field: 'attendees', cond: {} },
    ];
    const def = draftToDef(d, kinds);
    expect(def.name).toBe('党委会议次数');
    expect(def.value).toEqual({ type: 'count', measure: { kind: 'meeting', where: { lawTopic: true }, agg: { type: 'count' } } });
  });

  it('makes a sum of a money field money, with its 元 and 万元 display', () => {
    const d = emptyDraft('enforcement');
    d.main = { ...d.main, agg: 'sum', field: 'fineAmount' };
    d.display = { type: 'approx' };
    expect(valueType(d, kinds)).toBe('money');
    expect(draftToDef(d, kinds)).toMatchObject({ unit: '元', display: { type: 'approx' } });
    d.rate = true;
    expect(draftToDef(d, kinds)).toMatchObject({ unit: '%', display: { type: 'percent' } });
  });
});
