/**
 * Near-named figures that used to count something other than what their name says, each on a
 * real ledger file with the numbers a clerk met: the figure a report cites now gives the report's
 * number, and the old reading (defined as a custom figure, as the clerk could) gives the old one,
 * so the difference is the trap and nothing else.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeDef, computeFigure, traceFigure, yearPeriod } from '@core/figures/compute';
import { createRecord } from '@core/ledger/records';
import { advanceNormativeDoc } from '@core/ledger/normative-doc';
import { getFigure } from '@rules/figures/catalogue';
import { checkCustomFigure } from '@rules/figures/schema';
import type { FigureDef, Measure } from '@rules/figures/types';
import { fails, tempLedger, type TempLedger } from '../support/ledger';

let l: TempLedger;
beforeEach(() => {
  l = tempLedger();
});
afterEach(() => l.cleanup());

const add = (kind: string, data: Record<string, unknown>) => createRecord(l.ctx.db, kind, data);
const addMany = (n: number, kind: string, data: (i: number) => Record<string, unknown>) =>
  l.ctx.db.transaction(() => {
    for (let i = 0; i < n; i++) add(kind, data(i));
  })();
const shown = (id: string, year = 2024) => {
  const r = computeFigure(l.ctx.db, id, yearPeriod(year));
  expect(r.ok, `${id}: ${r.problem ?? ''}`).toBe(true);
  return r.display;
};
/** What a definition reads on this ledger, checked first as the builder checks it. */
const custom = (value: FigureDef['value'], unit = value.type === 'rate' ? '%' : '次') => {
  const def: FigureDef = {
    id: 'custom.old',
    name: '旧口径',
    section: '1',
    unit,
    value,
    display: { type: value.type === 'rate' ? 'percent' : value.type === 'money' ? 'wan' : 'exact' },
  };
  expect(checkCustomFigure(def).issues).toEqual([]);
  return computeDef(l.ctx.db, def, yearPeriod(2024)).display;
};
const rateOf = (numerator: Measure, denominator: Measure): FigureDef['value'] => ({ type: 'rate', numerator, denominator });

describe('法治考试 by audience', () => {
  beforeEach(() => {
    const exam = (title: string, audience: string, e: number, t: number, p: number) =>
      add('training', { date: '2024-11-20', eventType: '法治考试', title, audience, examExpected: e, examTaken: t, examPassed: p });
    exam('机关干部法治理论知识考试', '机关干部', 215, 208, 200);
    exam('执法人员资格考试', '执法人员', 12, 12, 12);
  });

  it.each([
    ['training.exam.attendanceRate', '96.74%'],
    ['training.exam.passRate', '96.15%'],
    ['training.exam.count', '1次'],
    ['training.enforcementExam.attendanceRate', '100%'],
    ['training.enforcementExam.passRate', '100%'],
    ['training.enforcementExam.count', '1次'],
  ])('%s → %s', (id, text) => {
    expect(shown(id)).toBe(text);
  });

  it('folding every audience gave 96.92% / 96.36%', () => {
    const all = { eventType: '法治考试' };
    const sum = (field: string): Measure => ({ kind: 'training', where: all, agg: { type: 'sum', field } });
    expect(custom(rateOf(sum('examTaken'), sum('examExpected')))).toBe('96.92%');
    expect(custom(rateOf(sum('examPassed'), sum('examTaken')))).toBe('96.36%');
  });

  it('counts an exam without 对象 as a cadres’ one', () => {
    add('training', { date: '2024-12-01', eventType: '法治考试', title: '补考', examExpected: 7, examTaken: 7, examPassed: 7 });
    expect(shown('training.exam.count')).toBe('2次');
    expect(shown('training.enforcementExam.count')).toBe('1次');
  });
});

describe('化解率 beside 调解成功率', () => {
  beforeEach(() => {
    // 850 handled: 816 resolved, 13 closed otherwise, 21 still open.
    const result = (i: number) => (i < 816 ? '调解成功' : i < 829 ? '调解不成功' : '在办');
    addMany(850, 'dispute', (i) => ({
      date: '2024-05-01',
      title: `纠纷${i}`,
      source: '排查',
      disputeType: '邻里',
      mediator: '司法所',
      result: result(i),
      ...(result(i) === '在办' ? {} : { closedDate: '2024-05-20' }),
    }));
  });

  it.each([
    ['dispute.resolvedRate', '96%'], // 816 ÷ 850 handled
    ['dispute.successRate', '98.43%'], // 816 ÷ 829 closed
    ['dispute.count', '850起'],
  ])('%s → %s', (id, text) => {
    expect(shown(id)).toBe(text);
  });

  it('names its denominator', () => {
    expect(getFigure('dispute.resolvedRate')!.name).toContain('全部受理');
    expect(getFigure('dispute.successRate')!.name).toContain('已办结');
  });
});

describe('处罚案件 apart from 责令改正', () => {
  beforeEach(() => {
    const batch = (action: string, tickets: number, fineAmount?: number) =>
      add('enforcement', { date: '2024-06-01', title: action, domain: '道路交通安全', procedure: '简易程序', action, tickets, fineAmount });
    batch('罚款', 250, 7000);
    batch('警告', 18);
    batch('责令改正', 20);
    add('enforcement', {
      date: '2024-07-01',
      title: '餐饮检查',
      domain: '餐饮食品',
      procedure: '简易程序',
      action: '行政检查',
      tickets: 0,
      inspections: 36,
    });
  });

  it.each([
    ['enforcement.tickets', '268张'],
    ['enforcement.penaltyCases', '268件'],
    ['enforcement.corrections', '20件'],
    ['enforcement.inspections', '36次'],
    ['enforcement.fines', '7000元'],
  ])('%s → %s', (id, text) => {
    expect(shown(id)).toBe(text);
  });

  it('every batch together gave 288', () => {
    expect(custom({ type: 'sum', measure: { kind: 'enforcement', agg: { type: 'sum', field: 'tickets' } } }, '张')).toBe('288张');
  });
});

describe('在岗 and 持证 执法人员', () => {
  it('two serving, one certificate lapsed → 2名 in service, 1名 certified, 50%', () => {
    add('officer', { name: '甲', date: '2021-03-01', certified: true, certNo: 'A1', validUntil: '2027-12-31' });
    add('officer', { name: '乙', date: '2021-03-01', certified: true, certNo: 'A2', validUntil: '2023-06-30' });
    expect([shown('officer.count'), shown('officer.certified'), shown('officer.certifiedRate')]).toEqual(['2名', '1名', '50%']);
    // The old reading dropped the lapsed officer from both: 1名 and 100%.
    const old: Measure = { kind: 'officer', agg: { type: 'count' }, activeUntil: ['leftDate', 'validUntil'] };
    expect(custom({ type: 'count', measure: old }, '名')).toBe('1名');
    expect(custom(rateOf({ ...old, where: { certified: true } }, old))).toBe('100%');
  });

  it('a certificate running out during the year is not held on 31 December', () => {
    add('officer', { name: '丙', date: '2021-03-01', certified: true, certNo: 'A3', validUntil: '2024-09-30' });
    add('officer', { name: '丁', date: '2021-03-01', certified: true, certNo: 'A4', validUntil: '2024-12-31' });
    expect([shown('officer.count'), shown('officer.certified')]).toEqual(['2名', '1名']);
    expect(traceFigure(l.ctx.db, 'officer.certified', yearPeriod(2024)).map((r) => r.data.name)).toEqual(['丁']);
  });

  it('29 serving of whom 27 certified → 在岗29名, 持证27名', () => {
    addMany(29, 'officer', (i) => ({
      name: `队员${i}`,
      date: '2022-01-10',
      certified: i < 27,
      ...(i < 27 ? { certNo: `C${i}`, validUntil: '2028-12-31' } : {}),
    }));
    expect([shown('officer.count'), shown('officer.certified'), shown('officer.certifiedRate')]).toEqual(['29名', '27名', '93.1%']);
  });

  it('新增持证 counts certificates dated in the year, not officers registered in it', () => {
    add('officer', { name: '甲', date: '2024-02-01', certified: true, certNo: 'A1', certDate: '2019-05-01', validUntil: '2027-12-31' });
    add('officer', { name: '乙', date: '2020-02-01', certified: true, certNo: 'A2', certDate: '2024-08-15', validUntil: '2030-12-31' });
    add('officer', { name: '丙', date: '2024-03-01', certified: false });
    expect(shown('officer.newlyCertified')).toBe('1名');
    expect(traceFigure(l.ctx.db, 'officer.newlyCertified', yearPeriod(2024)).map((r) => r.data.name)).toEqual(['乙']);
    // The old reading: registered in the year with a certificate.
    expect(custom({ type: 'count', measure: { kind: 'officer', where: { certified: true }, agg: { type: 'count' } } }, '名')).toBe('1名');
    expect(
      traceFigure(l.ctx.db, 'officer.newlyCertified', yearPeriod(2019)).map((r) => r.data.name),
      '甲 was certified in 2019, before registering here',
    ).toEqual(['甲']);
  });
});

describe('督察考核整改率 over 督察考核 items only', () => {
  beforeEach(() => {
    add('accountability', { date: '2024-04-01', itemType: '督察考核整改', title: '县督察反馈', problems: 2, problemsFixed: 1 });
    add('accountability', { date: '2024-08-01', itemType: '专项督查', title: '法治专项督查', problems: 5, problemsFixed: 5 });
    add('accountability', { date: '2024-09-01', itemType: '案卷评查', title: '执法案卷评查', problems: 4, problemsFixed: 3 });
  });

  it.each([
    ['accountability.rectifyRate', '50%'],
    ['accountability.rectifyProblems', '2个'],
    ['accountability.inspectionRectifyRate', '100%'],
    ['accountability.caseReviewRectifyRate', '75%'],
  ])('%s → %s', (id, text) => {
    expect(shown(id)).toBe(text);
  });

  it('督察考核 2/1 + 专项督查 5/5 together gave 85.71%', () => {
    const sum = (field: string): Measure => ({
      kind: 'accountability',
      where: { itemType: ['督察考核整改', '专项督查'] },
      agg: { type: 'sum', field },
    });
    expect(custom(rateOf(sum('problemsFixed'), sum('problems')))).toBe('85.71%');
  });
});

describe('units that say what is summed', () => {
  it('远程教育 sums 人次', () => {
    add('training', { date: '2024-04-10', eventType: '网络学院学习', title: '远程学法', participants: 52 });
    add('training', { date: '2024-09-10', eventType: '网络学院学习', title: '远程学法', participants: 52 });
    expect(shown('training.remote.people')).toBe('100余人次');
    expect(getFigure('training.remote.people')!.name).toContain('人次');
  });
});

describe('法律咨询 by channel', () => {
  beforeEach(() => {
    const ask = (channel: string, count: number) =>
      add('legalService', { date: '2024-05-01', serviceType: '法律咨询', title: `${channel}咨询`, channel, count });
    ask('村居法律顾问平台', 5350);
    ask('公共法律服务中心', 2897);
    add('legalService', { date: '2024-05-02', serviceType: '法律咨询', title: '未填渠道', count: 3 });
  });

  it.each([
    ['legalService.consultations', '8200余人次'],
    ['legalService.consultations.center', '2897人次'],
    ['legalService.consultations.villagePlatform', '5350人次'],
    ['legalService.consultations.phone', '0人次'],
  ])('%s → %s', (id, text) => {
    expect(shown(id)).toBe(text);
  });
});

describe('法律顾问 by 类别', () => {
  it('village advisers do not turn 「法律顾问1名」 into 10名', () => {
    add('legalAdviser', { name: '王律师', date: '2023-03-01', termEnd: '2026-02-28', villages: ['石桥村'] });
    addMany(9, 'legalAdviser', (i) => ({ name: `村顾问${i}`, adviserType: '村（社区）', date: '2024-01-05', villages: ['河坝村'] }));
    expect([shown('legalAdviser.count'), shown('legalAdviser.villageCount'), shown('legalAdviser.villages')]).toEqual([
      '1名',
      '9名',
      '2个',
    ]);
    expect(custom({ type: 'count', measure: { kind: 'legalAdviser', agg: { type: 'count' }, activeUntil: 'termEnd' } }, '名')).toBe('10名');
  });
});

describe('规范性文件 备案审查结果', () => {
  it('「未被责令改正或撤销」 reads from the 备案审查结果', () => {
    const filed = (title: string, filingReview?: string) => {
      let r = createRecord(l.ctx.db, 'normativeDoc', { registeredDate: '2024-03-01', title });
      const steps: [string, Record<string, unknown>][] = [
        ['合法性审核', { reviewDate: '2024-03-05', reviewer: '镇司法所' }],
        ['集体审议', { deliberationDate: '2024-03-10', deliberationMeeting: '政府常务会议' }],
        ['公布', { publishDate: '2024-03-15', publishCarrier: '镇政府网站' }],
        ['报送备案', { filingDate: '2024-03-30', filingAuthority: '县司法局', ...(filingReview ? { filingReview } : {}) }],
      ];
      for (const [step, data] of steps) r = advanceNormativeDoc(l.ctx.db, r.id, step, data);
      return r;
    };
    filed('甲办法', '通过');
    filed('乙办法');
    expect([shown('normativeDoc.filingPassed'), shown('normativeDoc.filingCorrected')]).toEqual(['1件', '0件']);
    expect(getFigure('normativeDoc.filingCorrected')!.zeroPhrase).toContain('未被责令改正或撤销');
  });

  it('records the 备案审查结果 only with the 报送备案 step', () => {
    const r = createRecord(l.ctx.db, 'normativeDoc', { registeredDate: '2024-03-01', title: '丙办法' });
    const err = fails(
      () => advanceNormativeDoc(l.ctx.db, r.id, '合法性审核', { reviewDate: '2024-03-05', reviewer: '镇司法所', filingReview: '撤销' }),
      'VALIDATION',
    );
    expect(err.issues.map((i) => `${i.fieldLabel}：${i.message}`)).toEqual(['备案审查结果：“合法性审核”环节不能填写此项']);
  });
});
