import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatFigure,
  formatMoney,
  formatRate,
  joinEqualRates,
  type DisplayRule,
  type FigureValue,
} from '@rules/figures/format';

const approx = (granularity?: number): DisplayRule => ({ type: 'approx', granularity });

describe('formatCount — exact', () => {
  it.each([
    [0, '件', '0件'],
    [4, '次', '4次'],
    [11, '次', '11次'],
    [906, '张', '906张'],
    [20350, '人次', '20350人次'], // no thousands separator
    [123456789, '份', '123456789份'],
  ])('%d%s → %s', (v, unit, text) => {
    expect(formatCount(v, unit, { type: 'exact' })).toBe(text);
  });

  it('defaults to exact (rounding is opt-in)', () => {
    expect(formatCount(63, '次')).toBe('63次');
    expect(formatCount(20350, '人次')).toBe('20350人次');
  });
});

describe('formatCount — 余 as real reports write it', () => {
  it.each([
    [0, '0次'],
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => [v, `${v}次`] as [number, string]), // never “4余次”
    [10, '10次'], // round → exact
    // below 1000: one significant figure
    [11, '10余次'],
    [12, '10余次'],
    [19, '10余次'],
    [63, '60余次'],
    [99, '90余次'],
    [100, '100次'],
    [101, '100余次'],
    [132, '100余次'],
    [199, '100余次'],
    [300, '300次'],
    [823, '800余次'], // was “820余次”
    [999, '900余次'],
    // from 1000: two significant figures
    [1000, '1000次'],
    [1001, '1000余次'],
    [1234, '1200余次'],
    [1250, '1200余次'],
    [1299, '1200余次'],
    [2897, '2800余次'],
    [9999, '9900余次'],
    // from 10000: 万 with one decimal
    [10000, '10000次'], // round → exact
    [10001, '1万余次'],
    [10999, '1万余次'],
    [15000, '15000次'], // round: 余 means “more than”, and 15000 is not more than 1.5万
    [15001, '1.5万余次'], // was “1万余次”
    [15999, '1.5万余次'],
    [19999, '1.9万余次'],
    [20350, '2万余次'],
    [123456, '12.3万余次'],
    [100000, '100000次'],
    [12345678, '1234.5万余次'],
  ])('%d → %s', (v, text) => {
    expect(formatCount(v, '次', approx())).toBe(text);
  });

  it('reads like the 双土镇 sample: 60余次, 1200余人次, 40余人次, 100余人', () => {
    expect(formatCount(63, '次', approx())).toBe('60余次');
    expect(formatCount(1234, '人次', approx())).toBe('1200余人次');
    expect(formatCount(47, '人次', approx())).toBe('40余人次');
    expect(formatCount(132, '人', approx())).toBe('100余人');
    expect(formatCount(20350, '人次', approx())).toBe('2万余人次');
  });

  it('puts no space between the number and its unit', () => {
    for (const v of [0, 7, 63, 823, 1234, 15001, 123456]) {
      for (const rule of [approx(), { type: 'exact' } as const]) expect(formatCount(v, '人次', rule)).toMatch(/^[\d.]+(万余|余)?人次$/);
    }
  });

  it('prints a decimal only in the 万 form, and at most one', () => {
    for (const v of [11, 63, 999, 1234, 9999]) expect(formatCount(v, '人次', approx())).not.toMatch(/\./);
    for (const v of [10001, 15001, 20350, 123456, 987654321]) expect(formatCount(v, '人次', approx())).toMatch(/^\d+(\.\d)?万余人次$/);
  });
});

describe('formatCount — explicit granularity', () => {
  it.each([
    [1250, 10, '1250人次'], // 1250 is round at tens → exact
    [1253, 10, '1250余人次'], // the sample's “1250余人次”
    [1234, 10, '1230余人次'],
    [1234, 100, '1200余人次'],
    [1234, 1000, '1000余人次'],
    [20350, 1000, '20000余人次'], // no 万 form below granularity 10000
    [20350, 100, '20300余人次'],
    [20350, 10000, '2万余人次'],
    [63, 100, '63人次'], // floor gives N = 0 → exact
    [999, 1000, '999人次'],
    [9999, 10000, '9999人次'],
    [5, 10, '5人次'], // below 10 always exact
    [15000, 10, '15000人次'],
    [15001, 10, '15000余人次'],
  ])('%d with granularity %d → %s', (v, g, text) => {
    expect(formatCount(v, '人次', approx(g))).toBe(text);
  });

  it.each([0, 1, 5, 50, 500, 100000, -10, 10.5])('rejects granularity %d', (g) => {
    expect(() => formatCount(63, '次', approx(g))).toThrow(RangeError);
  });
});

describe('formatCount — invalid input throws RangeError', () => {
  it.each([-1, -0.5, NaN, Infinity, -Infinity, 2.5, 2 ** 53])('%d', (v) => {
    expect(() => formatCount(v, '次')).toThrow(RangeError);
    expect(() => formatCount(v, '次', approx())).toThrow(RangeError);
  });

  it('rejects the money and percent rules', () => {
    expect(() => formatCount(5, '次', { type: 'wan' })).toThrow(RangeError);
    expect(() => formatCount(5, '次', { type: 'percent' })).toThrow(RangeError);
  });
});

describe('formatMoney — 万元 (default)', () => {
  it.each([
    [0, '0元'], // decision: zero has no magnitude, “0万元” reads as a conversion artefact
    [0.01, '0.01元'], // below 1万元 a report writes 元
    [1, '1元'],
    [3500, '3500元'],
    [7610, '7610元'], // not 0.761万元
    [9999.99, '9999.99元'],
    [10000, '1万元'],
    [50000, '5万元'],
    [61770, '6.177万元'], // the sample's 罚款6.177万元
    [61770.5, '6.17705万元'],
    [61770.05, '6.177005万元'],
    [1234567.89, '123.456789万元'], // float division gives 123.45678899999999
    [123456789, '12345.6789万元'],
    [123456789.12, '12345.678912万元'],
  ])('%d元 → %s', (yuan, text) => {
    expect(formatMoney(yuan)).toBe(text);
    expect(formatMoney(yuan, { type: 'wan' })).toBe(text);
  });

  it.each([
    [0.01, '0.000001万元'],
    [1, '0.0001万元'],
    [3500, '0.35万元'],
    [7610, '0.761万元'],
    [61770, '6.177万元'],
  ])('%d元 with 万元 kept below 1万 → %s', (yuan, text) => {
    expect(formatMoney(yuan, { type: 'wan', alwaysWan: true })).toBe(text);
  });

  it('absorbs float noise from summed amounts', () => {
    expect(formatMoney(0.1 + 0.2, { type: 'wan', alwaysWan: true })).toBe('0.00003万元');
    expect(formatMoney(0.1 + 0.2)).toBe('0.3元');
    expect(formatMoney([20000.1, 20000.2, 21769.9, 0.3].reduce((a, b) => a + b, 0))).toBe('6.17705万元');
    expect(formatMoney(61770.000000001)).toBe('6.177万元');
  });

  it.each([
    [61770.5, 2, '6.18万元'],
    [61770.5, 3, '6.177万元'],
    [61774.99, 2, '6.18万元'], // 6.177499 → half-up at the 2nd decimal
    [61774.99, 3, '6.177万元'],
    [61775, 3, '6.178万元'], // exactly half → up
    [61770, 0, '6万元'],
    [65000, 0, '7万元'],
    [50000, 2, '5万元'], // trailing zeros still trimmed
    [61770.5, 6, '6.17705万元'],
    [0, 2, '0元'],
  ])('%d元 with decimals %d → %s', (yuan, decimals, text) => {
    expect(formatMoney(yuan, { type: 'wan', decimals })).toBe(text);
  });

  it('never rounds a non-zero amount kept in 万元 to “0万元”', () => {
    expect(formatMoney(1, { type: 'wan', decimals: 2, alwaysWan: true })).toBe('0.0001万元');
  });

  it('rejects bad decimals', () => {
    expect(() => formatMoney(1, { type: 'wan', decimals: 7 })).toThrow(RangeError);
    expect(() => formatMoney(1, { type: 'wan', decimals: 1.5 })).toThrow(RangeError);
  });
});

describe('formatMoney — exact and 余', () => {
  it.each([
    [0, '0元'],
    [0.05, '0.05元'],
    [1, '1元'],
    [61770, '61770元'],
    [61770.5, '61770.5元'],
    [123456789, '123456789元'],
  ])('exact %d → %s', (yuan, text) => {
    expect(formatMoney(yuan, { type: 'exact' })).toBe(text);
  });

  it.each([
    [0, undefined, '0元'],
    [8.5, undefined, '8.5元'],
    [10.5, undefined, '10余元'], // fen make it “more than” 10
    [1234, undefined, '1200余元'],
    [60000, undefined, '60000元'],
    [60000.5, undefined, '6万余元'],
    [61770, undefined, '6.1万余元'],
    [123456789, undefined, '12345.6万余元'],
    [61770, 10000, '6万余元'],
    [61770, 1000, '61000余元'],
  ])('approx %d (granularity %s) → %s', (yuan, granularity, text) => {
    expect(formatMoney(yuan, approx(granularity))).toBe(text);
  });

  it('throws on invalid input', () => {
    for (const v of [-0.01, -1, NaN, Infinity, 1e20]) expect(() => formatMoney(v)).toThrow(RangeError);
    expect(() => formatMoney(1, { type: 'percent' })).toThrow(RangeError);
  });
});

describe('formatRate', () => {
  it.each([
    [116, 116, undefined, '100%'],
    [114, 116, undefined, '98.28%'], // 98.2758…
    [115, 116, undefined, '99.14%'], // 罗云镇's 参考率
    [113, 114, undefined, '99.12%'], // 99.1228…
    [406, 410, undefined, '99.02%'], // 99.0243…: not the sample's “99%” unless rounded to whole
    [406, 410, 0, '99%'],
    [406, 410, 1, '99%'], // 99.0 → trimmed
    [0, 5, undefined, '0%'],
    [1, 3, undefined, '33.33%'],
    [2, 3, undefined, '66.67%'],
    [1, 3, 4, '33.3333%'],
    [1, 8, undefined, '12.5%'],
    [1, 2, 0, '50%'],
    [29, 200, 0, '15%'], // 14.5 exactly → up (float says 14.499999999999998)
    [1, 200, 0, '1%'], // 0.5 → up
    [3, 16, 1, '18.8%'], // 18.75 → up
    [999, 1000, 0, '99%'], // never rounds up to 100% when not all
    [999, 1000, undefined, '99.9%'],
    [99999, 100000, undefined, '99.99%'],
    [1, 100000, undefined, '0.01%'], // a non-zero rate never reads 0%
    [1, 400, 0, '1%'],
    [0.5, 2, undefined, '25%'],
  ])('%d / %d (decimals %s) → %s', (n, d, decimals, text) => {
    expect(formatRate(n, d, decimals)).toEqual({ text, ok: true });
  });

  it.each([
    [0, 0],
    [5, 0],
    [5, 4],
    [117, 116],
  ])('%d / %d → not ok, “—”', (n, d) => {
    const r = formatRate(n, d);
    expect(r.ok).toBe(false);
    expect(r.text).toBe('—');
    expect(r.problem).toMatch(/分母|分子/);
  });

  it('throws on invalid input', () => {
    expect(() => formatRate(-1, 5)).toThrow(RangeError);
    expect(() => formatRate(1, -5)).toThrow(RangeError);
    expect(() => formatRate(NaN, 5)).toThrow(RangeError);
    expect(() => formatRate(1, Infinity)).toThrow(RangeError);
    expect(() => formatRate(1, 5, 5)).toThrow(RangeError);
    expect(() => formatRate(1, 5, -1)).toThrow(RangeError);
    expect(() => formatRate(1, 5, 1.5)).toThrow(RangeError);
  });
});

describe('formatChange', () => {
  it.each([
    [136, 111, {}, '较上年增长23%'], // 22.52% → 23% (陶家镇's 136件次)
    [136, 111, { baseline: '2024年' }, '较2024年增长23%'],
    [136, 111, { decimals: 1 }, '较上年增长22.5%'],
    [95, 100, {}, '较上年下降5%'],
    [100, 100, {}, '与上年持平'],
    [100, 100, { baseline: '2024年' }, '与2024年持平'],
    [200, 100, {}, '较上年增长100%'],
    [250, 100, {}, '较上年增长150%'],
    [0, 10, {}, '较上年下降100%'],
    [1, 1000, {}, '较上年下降99%'], // 99.9% → never “下降100%” while something is left
    [1003, 1000, {}, '较上年增长0.3%'], // rounds to 0 → more decimals
    [10001, 10000, {}, '较上年增长0.01%'],
    [100001, 100000, {}, '与上年基本持平'], // below 0.01%
    [3, 2, {}, '较上年增长50%'],
    [61770.5, 50000, {}, '较上年增长24%'], // money with fen: 23.541%
    [61770.5, 50000, { decimals: 2 }, '较上年增长23.54%'],
    [0.3, 0.1 + 0.2, {}, '与上年基本持平'], // float noise of a sum (0.30000000000000004)
  ])('%d vs %d %o → %s', (current, previous, options, text) => {
    expect(formatChange(current, previous, options)).toEqual({ text, ok: true });
  });

  it.each([
    [5, 0],
    [0, 0],
  ])('%d vs previous %d → not ok', (current, previous) => {
    const r = formatChange(current, previous);
    expect(r).toMatchObject({ ok: false, text: '—' });
    expect(r.problem).toContain('上年数值为0');
  });

  it('throws on invalid input', () => {
    expect(() => formatChange(-1, 5)).toThrow(RangeError);
    expect(() => formatChange(1, NaN)).toThrow(RangeError);
    expect(() => formatChange(1, 5, { decimals: 9 })).toThrow(RangeError);
  });
});

describe('joinEqualRates', () => {
  it.each([
    [[], ''],
    [[{ label: '合格率', text: '100%' }], '合格率100%'],
    [
      [
        { label: '参考率', text: '100%' },
        { label: '合格率', text: '100%' },
      ],
      '参考率、合格率均达到100%',
    ],
    [
      [
        { label: '参考率', text: '99.14%' },
        { label: '合格率', text: '100%' },
      ],
      '参考率99.14%，合格率100%',
    ],
    [
      [
        { label: '办结率', text: '100%' },
        { label: '满意率', text: '100%' },
        { label: '回访率', text: '100%' },
      ],
      '办结率、满意率、回访率均达到100%',
    ],
    [
      [
        { label: '败诉率', text: '0%' },
        { label: '纠错率', text: '0%' },
      ],
      '败诉率、纠错率均为0%',
    ],
    [
      [
        { label: '参考率', text: '—' },
        { label: '合格率', text: '—' },
      ],
      '参考率—，合格率—',
    ],
  ])('%o → %s', (items, text) => {
    expect(joinEqualRates(items)).toBe(text);
  });

  it('joins formatRate output', () => {
    const items = [
      { label: '参考率', text: formatRate(116, 116).text },
      { label: '合格率', text: formatRate(116, 116).text },
    ];
    expect(joinEqualRates(items)).toBe('参考率、合格率均达到100%');
  });

  it('reads “均为100%” where chosen, and never “均达到0%”', () => {
    const full = [
      { label: '办结率', text: '100%' },
      { label: '满意率', text: '100%' },
    ];
    expect(joinEqualRates(full, '为')).toBe('办结率、满意率均为100%');
    expect(joinEqualRates(full, '达到')).toBe('办结率、满意率均达到100%');
    expect(
      joinEqualRates(
        full.map((i) => ({ ...i, text: '0%' })),
        '达到',
      ),
    ).toBe('办结率、满意率均为0%');
  });
});

describe('formatFigure', () => {
  const count = (value: number, unit = '次'): FigureValue => ({ kind: 'count', value, unit });
  const sum = (value: number, unit = '人次'): FigureValue => ({ kind: 'sum', value, unit });
  const money = (value: number): FigureValue => ({ kind: 'money', value, unit: '元' });
  const rate = (numerator?: number, denominator?: number): FigureValue => ({ kind: 'rate', value: 0, numerator, denominator, unit: '%' });

  it.each<[FigureValue, DisplayRule | undefined, string]>([
    [count(11), undefined, '11次'],
    [count(63), approx(), '60余次'],
    [count(4), approx(), '4次'],
    [count(0, '件'), { type: 'exact' }, '0件'],
    [sum(1234), approx(), '1200余人次'],
    [sum(1253), approx(10), '1250余人次'],
    [sum(20350), approx(), '2万余人次'],
    [sum(20350), undefined, '20350人次'],
    [money(61770), undefined, '6.177万元'],
    [money(0), undefined, '0元'],
    [money(61770), { type: 'exact' }, '61770元'],
    [money(61770), approx(), '6.1万余元'],
    [money(61770.5), { type: 'wan', decimals: 2 }, '6.18万元'],
    [rate(115, 116), undefined, '99.14%'],
    [rate(406, 410), { type: 'percent', decimals: 0 }, '99%'],
    [rate(116, 116), { type: 'percent' }, '100%'],
  ])('%o with %o → %s', (f, rule, text) => {
    expect(formatFigure(f, rule)).toEqual({ text, ok: true });
  });

  it.each<[FigureValue, DisplayRule | undefined, RegExp]>([
    [rate(0, 0), undefined, /分母为0/],
    [rate(5, 0), undefined, /分母为0/],
    [rate(5, 4), undefined, /分子（5）大于分母（4）/],
    [rate(5, undefined), undefined, /缺少分子或分母/],
    [rate(undefined, undefined), undefined, /缺少分子或分母/],
    [count(5), { type: 'wan' }, /“万元”不适用于计数类指标/],
    [count(5), { type: 'percent' }, /不适用于计数/],
    [sum(5), { type: 'wan' }, /不适用于合计/],
    [money(5), { type: 'percent' }, /“百分比”不适用于金额/],
    [rate(1, 2), approx(), /“约数（“余”）”不适用于比率/],
    [rate(1, 2), { type: 'exact' }, /不适用于比率/],
  ])('%o with %o → not ok', (f, rule, problem) => {
    const r = formatFigure(f, rule);
    expect(r.ok).toBe(false);
    expect(r.text).toBe('—');
    expect(r.problem).toMatch(problem);
  });

  it('lets invalid numbers throw (a bug upstream, not a data check)', () => {
    expect(() => formatFigure(count(-1))).toThrow(RangeError);
    expect(() => formatFigure(money(NaN))).toThrow(RangeError);
    expect(() => formatFigure(rate(-1, 5))).toThrow(RangeError);
    expect(() => formatFigure(count(63), approx(50))).toThrow(RangeError);
  });
});
