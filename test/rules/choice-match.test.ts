import { describe, expect, it } from 'vitest';
import { choiceKeys, matchChoices, settleChoice } from '@rules/choice-match';
import { kindForLevel } from '@rules/kinds';
import { meeting } from '@rules/kinds/meeting';

// The options a 镇's ledger offers (level options worded by kindForLevel).
const MEETING_TYPES = kindForLevel(meeting, '镇').fields.find((f) => f.key === 'meetingType')!.options!;

const VILLAGES = ['东山村', '东风村', '新民村', '中心村', '重庆路社区', 'A区1号'];

describe('choice keys', () => {
  it('reads a label as its full pinyin and its initials', () => {
    expect(choiceKeys('党委会议')).toMatchObject({ full: 'dangweihuiyi', initials: 'dwhy' });
    expect(choiceKeys('法治专题学习研判会').initials).toBe('fzztxxyph');
    // Letters and digits count as themselves, folded to lower case.
    expect(choiceKeys('A区1号')).toMatchObject({ text: 'a区1号', initials: 'aq1h' });
  });
});

describe('matching a typed text', () => {
  it('finds 法治专题学习研判会 first by 法治, by fz and by fazhi (依法治镇… holds them inside)', () => {
    const both = ['法治专题学习研判会', '依法治镇领导小组会议'];
    expect(matchChoices(MEETING_TYPES, '法治')).toEqual(both);
    expect(matchChoices(MEETING_TYPES, 'fz')).toEqual(both);
    expect(matchChoices(MEETING_TYPES, 'FaZhi')).toEqual(both);
    expect(matchChoices(MEETING_TYPES, 'fzzt')).toEqual(['法治专题学习研判会']);
  });

  it('finds 党委会议 by dw, and puts a match at the start before one inside', () => {
    expect(matchChoices(MEETING_TYPES, 'dw')[0]).toBe('党委会议');
    // 会议 ends many labels; none starts with it, so the given order stays.
    const meetings = matchChoices(MEETING_TYPES, '会议');
    expect(meetings[0]).toBe('党委会议');
    expect(meetings).not.toContain('理论学习中心组学习');
    expect(matchChoices(VILLAGES, 'd')).toEqual(['东山村', '东风村']);
    expect(matchChoices(VILLAGES, 'x')).toEqual(['新民村', '中心村']);
  });

  it('an empty query finds everything in order; a query that names nothing finds nothing', () => {
    expect(matchChoices(VILLAGES, '  ')).toEqual(VILLAGES);
    expect(matchChoices(VILLAGES, '西山')).toEqual([]);
    expect(matchChoices(VILLAGES, 'qqq')).toEqual([]);
  });
});

describe('leaving a field with typed text', () => {
  it('takes the exact label, else the one match, else keeps the count of matches', () => {
    expect(settleChoice(VILLAGES, ' 东山 ')).toEqual({ value: '东山村' });
    expect(settleChoice(VILLAGES, 'cqlsq')).toEqual({ value: '重庆路社区' });
    expect(settleChoice(VILLAGES, '东')).toEqual({ matches: 2 });
    expect(settleChoice(VILLAGES, '西山村')).toEqual({ matches: 0 });
    // The exact label wins even where it also begins another (东山 vs 东山村 in one list).
    expect(settleChoice(['东山', '东山村'], '东山')).toEqual({ value: '东山' });
  });
});
