/**
 * Every indicator real reports cite that the catalogue once got wrong or could not reach, defined
 * in 自定义指标 through the API the builder uses (preview, then save) — with options, yes/no,
 * number ranges, none-of conditions, another date for the year and validity at year end, never a
 * text filter — and computed to the report's number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { computeFigure, yearPeriod } from '@core/figures/compute';
import { createRecord } from '@core/ledger/records';
import type { FigureDef, Measure } from '@rules/figures/types';
import { tempLedger, type TempLedger } from '../support/ledger';

let l: TempLedger;
const add = (kind: string, data: Record<string, unknown>) => createRecord(l.ctx.db, kind, data);

beforeAll(() => {
  l = tempLedger();
  const exam = (audience: string, e: number, t: number, p: number) =>
    add('training', {
      date: '2024-11-20',
      eventType: '法治考试',
      title: `${audience}考试`,
      audience,
      examExpected: e,
      examTaken: t,
      examPassed: p,
    });
  exam('机关干部', 215, 208, 200);
  exam('执法人员', 12, 12, 11);
  add('training', {
    date: '2024-03-05',
    eventType: '普法宣传活动',
    title: '禁毒宣传',
    participants: 300,
    expectedParticipants: 480,
    codeBooks: 120,
  });
  add('training', { date: '2024-04-05', eventType: '集中学法', title: '学法', participants: 40 });
  for (const [result, n] of [
    ['调解成功', 24],
    ['调解不成功', 1],
    ['在办', 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      add('dispute', {
        date: '2024-05-01',
        title: `纠纷${result}${i}`,
        source: '排查',
        disputeType: '邻里',
        mediator: '司法所',
        result,
        ...(result === '在办' ? {} : { closedDate: '2024-05-09' }),
      });
    }
  }
  const batch = (action: string, tickets: number, inspections?: number) =>
    add('enforcement', { date: '2024-06-01', title: action, domain: '安全生产', procedure: '简易程序', action, tickets, inspections });
  batch('罚款', 250);
  batch('警告', 18);
  batch('责令改正', 20);
  batch('行政检查', 0, 36);
  add('officer', { name: '甲', date: '2021-01-01', certified: true, certNo: 'A1', certDate: '2024-02-01', validUntil: '2029-12-31' });
  add('officer', { name: '乙', date: '2021-01-01', certified: true, certNo: 'A2', certDate: '2018-02-01', validUntil: '2023-12-31' });
  add('accountability', { date: '2024-04-01', itemType: '督察考核整改', title: '督察反馈', problems: 2, problemsFixed: 1 });
  add('accountability', { date: '2024-08-01', itemType: '专项督查', title: '专项督查', problems: 5, problemsFixed: 5 });
  add('legalService', { date: '2024-05-01', serviceType: '法律咨询', title: '平台', channel: '村居法律顾问平台', count: 5350 });
  add('legalService', { date: '2024-05-01', serviceType: '法律咨询', title: '中心', channel: '公共法律服务中心', count: 2897 });
  add('legalAdviser', { name: '王律师', date: '2024-01-01', villages: ['石桥村'] });
  add('legalAdviser', { name: '村顾问', adviserType: '村（社区）', date: '2024-01-01', villages: ['河坝村'] });
  add('meeting', { meetingType: '党委会议', date: '2024-02-01', title: '党委会', firstTopic: true, problemsSolved: 4 });
  add('meeting', { meetingType: '党支部学习', date: '2024-03-01', title: '支部学习', firstTopic: true, problemsSolved: 2 });
});
afterAll(() => l.cleanup());

const api = async (name: string, input: unknown) => {
  const r = await callApi(l.ctx, name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const m = (kind: string, where: Measure['where'], agg: Measure['agg'] = { type: 'count' }, extra: Partial<Measure> = {}): Measure => ({
  kind,
  ...(where ? { where } : {}),
  agg,
  ...extra,
});
const sumOf = (field: string) => ({ type: 'sum', field }) as const;

const INDICATORS: [string, string, FigureDef['value'], string][] = [
  [
    '干部学法考试参考率',
    '%',
    {
      type: 'rate',
      numerator: m('training', { eventType: '法治考试', audience: { notIn: ['执法人员'] } }, sumOf('examTaken')),
      denominator: m('training', { eventType: '法治考试', audience: { notIn: ['执法人员'] } }, sumOf('examExpected')),
    },
    '96.74%',
  ],
  [
    '执法资格考试合格率',
    '%',
    {
      type: 'rate',
      numerator: m('training', { eventType: '法治考试', audience: '执法人员' }, sumOf('examPassed')),
      denominator: m('training', { eventType: '法治考试', audience: '执法人员' }, sumOf('examTaken')),
    },
    '91.67%',
  ],
  [
    '矛盾纠纷化解率',
    '%',
    { type: 'rate', numerator: m('dispute', { result: '调解成功' }), denominator: m('dispute', undefined) },
    '92.31%',
  ],
  ['处罚案件数', '件', { type: 'sum', measure: m('enforcement', { action: ['罚款', '警告'] }, sumOf('tickets')) }, '268件'],
  ['责令改正件数', '件', { type: 'sum', measure: m('enforcement', { action: '责令改正' }, sumOf('tickets')) }, '20件'],
  ['行政检查次数', '次', { type: 'sum', measure: m('enforcement', undefined, sumOf('inspections')) }, '36次'],
  ['在岗执法人员', '名', { type: 'count', measure: m('officer', undefined, undefined, { activeUntil: 'leftDate' }) }, '2名'],
  [
    '持证执法人员',
    '名',
    { type: 'count', measure: m('officer', { certified: true }, undefined, { activeUntil: 'leftDate', validAtEnd: 'validUntil' }) },
    '1名',
  ],
  ['新增持证执法人员', '名', { type: 'count', measure: m('officer', { certified: true }, undefined, { dateBy: 'certDate' }) }, '1名'],
  [
    '督察考核问题整改率',
    '%',
    {
      type: 'rate',
      numerator: m('accountability', { itemType: '督察考核整改' }, sumOf('problemsFixed')),
      denominator: m('accountability', { itemType: '督察考核整改' }, sumOf('problems')),
    },
    '50%',
  ],
  [
    '法律咨询人次（公共法律服务中心）',
    '人次',
    { type: 'sum', measure: m('legalService', { serviceType: '法律咨询', channel: '公共法律服务中心' }, sumOf('count')) },
    '2897人次',
  ],
  [
    '乡镇法律顾问',
    '名',
    { type: 'count', measure: m('legalAdviser', { adviserType: { notIn: ['村（社区）'] } }, undefined, { activeUntil: 'termEnd' }) },
    '1名',
  ],
  ['“第一议题”学习次数', '次', { type: 'count', measure: m('meeting', { firstTopic: true }) }, '2次'],
  ['党支部学习次数', '次', { type: 'count', measure: m('meeting', { meetingType: '党支部学习' }) }, '1次'],
  ['会议研究解决问题数', '个', { type: 'sum', measure: m('meeting', undefined, sumOf('problemsSolved')) }, '6个'],
  ['发放法典读本', '本', { type: 'sum', measure: m('training', undefined, sumOf('codeBooks')) }, '120本'],
  [
    '普法覆盖率',
    '%',
    {
      type: 'rate',
      numerator: m('training', { expectedParticipants: { min: 1 } }, sumOf('participants')),
      denominator: m('training', undefined, sumOf('expectedParticipants')),
    },
    '62.5%',
  ],
  ['备案审查被责令改正或撤销', '件', { type: 'count', measure: m('normativeDoc', { filingReview: ['责令改正', '撤销'] }) }, '0件'],
];

describe('indicators reports cite, defined without a text filter', () => {
  it.each(INDICATORS.map((x, i) => [x[0], i] as const))('%s', async (name, i) => {
    const [, unit, value, expected] = INDICATORS[i];
    const def: FigureDef = {
      id: `custom.indicator${i}`,
      name,
      section: '1',
      unit,
      value,
      display: { type: value.type === 'rate' ? 'percent' : 'exact' },
    };
    expect(JSON.stringify(def)).not.toContain('contains');
    const p = (await api('figures.custom.preview', { year: 2024, def })) as { issues: unknown[]; result: { display: string } };
    expect(p.issues).toEqual([]);
    expect(p.result.display).toBe(expected);
    await api('figures.custom.save', { def });
    expect(computeFigure(l.ctx.db, def.id, yearPeriod(2024)).display).toBe(expected);
  });

  it('refuses a none-of condition on a field that is not a choice, and another date together with 有效期', async () => {
    const bad = (value: FigureDef['value']) =>
      callApi(l.ctx, 'figures.custom.save', {
        def: { id: 'custom.bad', name: '错', section: '1', unit: '次', value, display: { type: 'exact' } },
      });
    const r1 = await bad({ type: 'count', measure: m('meeting', { title: { notIn: ['党委会'] } }) });
    expect(r1.ok).toBe(false);
    const r2 = await bad({ type: 'count', measure: m('officer', undefined, undefined, { dateBy: 'certDate', activeUntil: 'leftDate' }) });
    expect(!r2.ok && r2.error.issues.map((i) => i.message)).toEqual(['按其他日期归入年度时，不能同时按有效期统计']);
    const r3 = await bad({ type: 'count', measure: m('officer', undefined, undefined, { validAtEnd: 'name' }) });
    expect(!r3.ok && r3.error.issues.map((i) => i.message)).toEqual(['“执法人员”没有日期字段“name”']);
  });
});
