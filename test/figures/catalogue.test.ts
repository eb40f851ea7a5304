/**
 * The built-in catalogue on a real ledger file: every definition matches the kinds (the same
 * check custom figures pass), officers count while in service, a contract review counts once
 * whichever way it was entered, the review parts add up to the total, the new kinds' figures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIGURES } from '@rules/figures/catalogue';
import { checkAgainstKinds } from '@rules/figures/schema';
import { computeFigure, traceFigure, yearPeriod } from '@core/figures/compute';
import { createRecord } from '@core/ledger/records';
import { tempLedger, type TempLedger } from '../support/ledger';

describe('the catalogue', () => {
  it.each(FIGURES.map((f) => [f.id, f] as const))('%s matches the kinds', (_id, f) => {
    expect(checkAgainstKinds(f)).toEqual([]);
  });

  it('has unique ids, none in the custom namespace', () => {
    const ids = FIGURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('custom.'))).toEqual([]);
  });
});

describe('built-in figures on a ledger', () => {
  let l: TempLedger;
  beforeEach(() => {
    l = tempLedger();
  });
  afterEach(() => l.cleanup());
  const add = (kind: string, data: Record<string, unknown>) => createRecord(l.ctx.db, kind, data);
  const value = (id: string, year: number) => computeFigure(l.ctx.db, id, yearPeriod(year));

  it('counts officers in service during the year, whenever they were registered', () => {
    add('officer', { name: '甲', date: '2022-03-01', certified: true, certNo: 'A1', validUntil: '2027-12-31' });
    add('officer', { name: '乙', date: '2022-09-01', certified: true, certNo: 'A2', validUntil: '2027-12-31' });
    add('officer', { name: '丙', date: '2024-05-01', certified: true, certNo: 'A3', certDate: '2024-04-20', validUntil: '2029-12-31' });
    expect(value('officer.count', 2024).display).toBe('3名'); // was 1名: only those registered in 2024
    expect(value('officer.count', 2022).display).toBe('2名');
    expect(value('officer.count', 2021).display).toBe('0名');
    expect(value('officer.newlyCertified', 2024).display).toBe('1名');
    expect(value('officer.certifiedRate', 2024).display).toBe('100%');
    expect(traceFigure(l.ctx.db, 'officer.count', yearPeriod(2024)).map((r) => r.data.name)).toEqual(['甲', '乙', '丙']);
  });

  it('drops officers who left before the year, keeps them for the year they leave in, and keeps a lapsed certificate in service', () => {
    add('officer', { name: '甲', date: '2020-03-01', certified: true, certNo: 'A1', validUntil: '2030-12-31', leftDate: '2023-06-30' });
    add('officer', { name: '乙', date: '2020-03-01', certified: true, certNo: 'A2', validUntil: '2022-12-31' });
    add('officer', { name: '丙', date: '2020-03-01', certified: false });
    // 甲 served half of 2023; 乙 still serves though the certificate ran out in 2022.
    expect(value('officer.count', 2023).display).toBe('3名');
    expect(value('officer.certified', 2023).display).toBe('1名');
    expect(value('officer.count', 2024).display).toBe('2名');
    expect(value('officer.certifiedRate', 2023).display).toBe('33.33%');
  });

  it('counts a contract review once whichever way it was entered, and the parts add up to the total', () => {
    add('legalService', { date: '2024-02-01', serviceType: '合同审查', title: '采购合同', count: 3 });
    add('legalService', {
      date: '2024-03-01',
      serviceType: '合法性审查',
      reviewObject: '合同',
      title: '租赁合同',
      count: 2,
      reviewResult: '通过',
    });
    add('legalService', {
      date: '2024-04-01',
      serviceType: '合法性审查',
      reviewObject: '规范性文件',
      title: '管理办法',
      count: 1,
      reviewResult: '不通过',
    });
    add('legalService', {
      date: '2024-05-01',
      serviceType: '合法性审查',
      reviewObject: '重大行政决策',
      title: '场镇改造',
      count: 4,
      reviewResult: '修改后通过',
    });
    add('legalService', { date: '2024-05-02', serviceType: '合法性审查', reviewObject: '村规民约', title: '石桥村村规民约', count: 11 });
    add('legalService', { date: '2024-06-01', serviceType: '法律咨询', title: '咨询', count: 50 });
    expect(value('legalService.contracts', 2024).value).toBe(5);
    expect(value('legalService.reviews', 2024).value).toBe(21);
    const parts = ['normativeDoc', 'decision', 'enforcement', 'villageRules', 'other'].map(
      (p) => value(`legalService.reviews.${p}`, 2024).value,
    );
    expect(parts).toEqual([1, 4, 0, 11, 0]);
    expect(parts.reduce((a, b) => a + b, 0) + value('legalService.contracts', 2024).value).toBe(value('legalService.reviews', 2024).value);
    // 通过2 + 修改后通过4 of the 7 with a result.
    expect(value('legalService.reviewPassRate', 2024).display).toBe('85.71%');
    expect(traceFigure(l.ctx.db, 'legalService.contracts', yearPeriod(2024)).map((r) => r.data.title)).toEqual(['采购合同', '租赁合同']);
  });

  it('computes 诉求工单 件数, 办结率 and 满意率', () => {
    add('ticket', { date: '2024-01-05', source: '12345', title: '噪音', result: '已办结', closedDate: '2024-01-08', satisfied: true });
    add('ticket', { date: '2024-02-05', source: '8890', title: '道路', result: '已办结', closedDate: '2024-02-20', satisfied: false });
    add('ticket', { date: '2024-03-05', source: '掌上基层', title: '路灯', result: '已办结', closedDate: '2024-03-06', satisfied: true });
    add('ticket', { date: '2024-12-30', source: '信访', title: '土地', result: '办理中' });
    expect(value('ticket.count', 2024).display).toBe('4件');
    expect(value('ticket.closedRate', 2024).display).toBe('75%');
    expect(value('ticket.satisfiedRate', 2024).display).toBe('66.67%');
  });

  it('computes the figures real reports cite from existing fields', () => {
    add('meeting', { date: '2024-03-01', meetingType: '理论学习中心组学习', title: '学习宪法', lawTopic: true });
    add('meeting', { date: '2024-04-01', meetingType: '理论学习中心组学习', title: '学习二十大报告' });
    add('training', {
      date: '2024-03-05',
      eventType: '普法宣传活动',
      title: '赶场日普法',
      participants: 320,
      consultations: 46,
      audience: '特殊群体',
    });
    add('training', { date: '2024-04-05', eventType: '执法培训', title: '执法证培训', participants: 14 });
    add('training', { date: '2024-05-05', eventType: '警示教育', title: '参观警示教育基地', participants: 36 });
    add('training', { date: '2024-06-05', eventType: '集中学法', title: '学习民法典', participants: 1300 });
    add('legalService', { date: '2024-06-01', serviceType: '坐班服务', title: '周三坐班', count: 12 });
    add('campaign', { date: '2024-07-01', title: '道路交通联合整治', domain: '道路交通安全', joint: true, partners: '派出所、交巡警' });
    add('accountability', { date: '2024-08-01', itemType: '专项督查', title: '法治督查', problems: 12, problemsFixed: 12 });
    const shown = (id: string) => value(id, 2024).display;
    expect(shown('meeting.centralGroup.lawStudy')).toBe('1次');
    expect(shown('training.pufa.consultations')).toBe('40余人次');
    expect(shown('training.pufa.specialGroups')).toBe('1场次');
    expect([shown('training.enforcementTraining.count'), shown('training.enforcementTraining.people')]).toEqual(['1场次', '10余人次']);
    expect([shown('training.warning.count'), shown('training.warning.people')]).toEqual(['1场次', '30余人次']);
    expect(shown('training.collectiveStudy.people')).toBe('1300人次');
    expect(shown('legalService.onDuty')).toBe('1次');
    expect(shown('campaign.joint')).toBe('1次');
    expect([shown('accountability.inspections'), shown('accountability.inspectionProblems')]).toEqual(['1次', '12个']);
  });
});
