/**
 * The number forms reports write that the plain rules did not: 汉字 approximations (十余场、
 * 百余条、一万四千余份), 近 (近千人), 以上 (60%以上), and money below 1万元 in 元 (7610元).
 */
import { describe, expect, it } from 'vitest';
import { formatCount, formatFigure, formatMoney, type DisplayRule, type FigureValue } from '@rules/figures/format';
import { toHanzi } from '@rules/figures/format/hanzi';
import { displayRuleSchema } from '@rules/report/spec';

describe('汉字 numbers', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [132, '一百三十二'],
    [1050, '一千零五十'],
    [1200, '一千二百'],
    [2000, '两千'],
    [14000, '一万四千'],
    [20000, '两万'],
    [105000, '十万五千'],
    [100500, '十万零五百'],
    [123456789, '一亿二千三百四十五万六千七百八十九'],
  ])('%d → %s', (n, text) => {
    expect(toHanzi(n)).toBe(text);
  });

  it('drops the 一 of a lone unit only when asked (百余, 千余, 万余)', () => {
    expect([100, 1000, 10000].map((n) => toHanzi(n))).toEqual(['一百', '一千', '一万']);
    expect([100, 1000, 10000].map((n) => toHanzi(n, true))).toEqual(['百', '千', '万']);
  });

  it('refuses what is not a whole number', () => {
    expect(() => toHanzi(1.5)).toThrow(RangeError);
    expect(() => toHanzi(-1)).toThrow(RangeError);
  });
});

describe('余 in 汉字', () => {
  const hanzi = (granularity?: number): DisplayRule => ({ type: 'approx', granularity, hanzi: true });
  it.each([
    [12, '场', undefined, '十余场'],
    [132, '条', undefined, '百余条'],
    [14300, '份', undefined, '一万四千余份'],
    [14300, '份', 10000, '万余份'],
    [63, '次', undefined, '六十余次'],
    [1250, '人次', undefined, '一千二百余人次'],
    [2345, '份', undefined, '两千三百余份'],
    [8, '次', undefined, '8次'], // below 10: exact, as with digits
    [300, '人', undefined, '300人'], // a round value is exact
  ])('%d%s (granularity %s) → %s', (v, unit, g, text) => {
    expect(formatCount(v, unit, hanzi(g))).toBe(text);
  });

  it('applies to money the same way', () => {
    expect(formatMoney(61770, { type: 'approx', hanzi: true })).toBe('六万一千余元');
  });
});

describe('近', () => {
  it.each([
    [986, false, '近1000人'],
    [986, true, '近千人'],
    [1950, false, '近2000人'],
    [1950, true, '近两千人'],
    [9960, false, '近1万人'],
    [9960, true, '近万人'],
    [95, true, '近百人'],
    [880, false, '近900人'],
    // Far from a round number 近 would overstate: the value reads with 余, or exactly.
    [620, false, '600余人'],
    [620, true, '六百余人'],
    [1000, false, '1000人'],
    [7, false, '7人'],
  ])('%d (汉字 %s) → %s', (v, hanzi, text) => {
    expect(formatCount(v, '人', { type: 'near', hanzi })).toBe(text);
  });
});

describe('以上', () => {
  const rate = (numerator: number, denominator: number): FigureValue => ({ kind: 'rate', value: 0, numerator, denominator, unit: '%' });
  it.each<[number, number, number | undefined, string]>([
    [625, 1000, undefined, '60%以上'],
    [60, 100, undefined, '60%以上'],
    [89, 92, 5, '95%以上'], // 96.74%
    [89, 92, 1, '96%以上'],
    [100, 100, undefined, '100%'], // never “100%以上”
    [4, 100, undefined, '4%'], // under one step: exactly
  ])('%d/%d step %s → %s', (n, d, step, text) => {
    expect(formatFigure(rate(n, d), { type: 'atLeast', step })).toEqual({ text, ok: true });
  });

  it('fails like any rate when there is nothing to divide by', () => {
    expect(formatFigure(rate(1, 0), { type: 'atLeast' }).ok).toBe(false);
    expect(formatFigure(rate(3, 2), { type: 'atLeast' }).ok).toBe(false);
  });

  it('is a rule for rates only, and 近 for counts and sums only', () => {
    expect(formatFigure({ kind: 'count', value: 60, unit: '次' }, { type: 'atLeast' }).ok).toBe(false);
    expect(formatFigure(rate(1, 2), { type: 'near' }).ok).toBe(false);
    expect(formatFigure({ kind: 'money', value: 9900, unit: '元' }, { type: 'near' }).ok).toBe(false);
  });
});

describe('money below 1万元', () => {
  it('reads in 元 by default: 7,610元 → 7610元', () => {
    expect(formatFigure({ kind: 'money', value: 7610, unit: '元' })).toEqual({ text: '7610元', ok: true });
    expect(formatFigure({ kind: 'money', value: 7610, unit: '元' }, { type: 'wan' })).toEqual({ text: '7610元', ok: true });
  });
  it('stays in 万元 when the chip keeps it', () => {
    expect(formatFigure({ kind: 'money', value: 7610, unit: '元' }, { type: 'wan', alwaysWan: true }).text).toBe('0.761万元');
    expect(formatFigure({ kind: 'money', value: 61770, unit: '元' }).text).toBe('6.177万元');
  });
});

describe('a report spec stores the new rules', () => {
  it.each<DisplayRule>([
    { type: 'approx', hanzi: true },
    { type: 'near', hanzi: true },
    { type: 'wan', alwaysWan: true },
    { type: 'atLeast', step: 5 },
  ])('%o', (rule) => {
    expect(displayRuleSchema.parse(rule)).toEqual(rule);
  });
  it('refuses a step 以上 does not offer', () => {
    expect(displayRuleSchema.safeParse({ type: 'atLeast', step: 3 }).success).toBe(false);
  });
});
