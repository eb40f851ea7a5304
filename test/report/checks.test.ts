import { afterEach, describe, expect, it } from 'vitest';
import { assembleReport } from '@core/report/assemble';
import { getReportSpec, saveReportSpec } from '@core/report/store';
import type { ReportSpec, Segment } from '@rules/report/spec';
import { saveSettings, getSettings } from '@core/ledger/settings';
import { shuangtuLedger } from './support';
import { createRecord } from '@core/ledger/records';
import { sampleRecord } from '../support/samples';

let env: ReturnType<typeof shuangtuLedger> | undefined;
afterEach(() => env?.cleanup());

/** The fixture's 2023 spec with one paragraph of part 一 replaced. */
function withParagraph(...segments: Segment[]): { spec: ReportSpec; anchor: string } {
  env = shuangtuLedger();
  const spec = structuredClone(getReportSpec(env.ctx.db, 2023).spec);
  const p = spec.sections[0].paragraphs[0];
  p.segments = segments;
  return { spec, anchor: p.id };
}
const t = (text: string): Segment => ({ type: 'text', text });
const problems = (spec: ReportSpec) => assembleReport(env!.ctx.db, 2023, spec).problems;

describe('checks before printing', () => {
  it('passes the fixture without blocking problems', () => {
    env = shuangtuLedger();
    expect(problems(getReportSpec(env.ctx.db, 2023).spec).filter((p) => p.severity === 'blocking')).toEqual([]);
  });

  it('blocks an unresolved placeholder and points at its paragraph', () => {
    const { spec, anchor } = withParagraph(t('共'), { type: 'figure', figureId: 'no.such.figure' });
    const found = problems(spec).find((p) => p.code === 'unresolved');
    expect(found).toMatchObject({ severity: 'blocking', anchor });
  });

  it('offers the zero phrasing for a zero figure inside a sentence', () => {
    const { spec } = withParagraph(t('全年制定行政规范性文件'), { type: 'figure', figureId: 'normativeDoc.enacted' }, t('。'));
    const zero = problems(spec).find((p) => p.code === 'zero');
    expect(zero?.suggestion).toBe('全年未制定行政规范性文件');
  });

  it('uses the zero text instead of the number when given', () => {
    const { spec, anchor } = withParagraph({
      type: 'figure',
      figureId: 'normativeDoc.enacted',
      template: '制定文件{值}',
      zeroText: '全年未制定行政规范性文件',
    });
    const r = assembleReport(env!.ctx.db, 2023, spec);
    expect(r.document.body.find((b) => b.anchor === anchor)?.runs[0].text).toBe('全年未制定行政规范性文件');
    expect(r.problems.some((p) => p.code === 'zero')).toBe(false);
  });

  it('blocks a rate with nothing to divide by, offering its zero wording and dropping its clause', () => {
    const { spec } = withParagraph(t('出庭应诉率'), { type: 'figure', figureId: 'litigation.headAppearanceRate' });
    const found = problems(spec).filter((p) => p.figureId === 'litigation.headAppearanceRate');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'blocking', code: 'noBase', suggestion: '全年未发生行政诉讼案件', drop: 'clause' }),
    ]);
  });

  it('prints a rate’s zero text only when there is nothing to divide by, never over a real 0%', () => {
    const seg: Segment = {
      type: 'figure',
      figureId: 'litigation.headAppearanceRate',
      template: '出庭应诉率{值}',
      zeroText: '全年未发生行政诉讼案件',
    };
    const { spec, anchor } = withParagraph(seg, t('。'));
    const body = (s: ReportSpec) =>
      assembleReport(env!.ctx.db, 2023, s)
        .document.body.find((b) => b.anchor === anchor)!
        .runs.map((r) => r.text)
        .join('');
    expect(body(spec)).toBe('全年未发生行政诉讼案件。');
    expect(problems(spec).filter((p) => p.figureId === 'litigation.headAppearanceRate')).toEqual([]);
    // A real rate of 0% (a case heard, no head appeared) is a fact: printed, with no zero wording offered.
    createRecord(env!.ctx.db, 'litigation', {
      ...sampleRecord('litigation', 0, { year: 2023 }),
      caseType: '行政诉讼',
      headAppeared: false,
    });
    expect(body(spec)).toBe('出庭应诉率0%。');
    expect(problems(spec).find((p) => p.figureId === 'litigation.headAppearanceRate')).toMatchObject({
      code: 'zero',
      suggestion: undefined,
    });
  });

  it('lets a group of rates read its zero text when none of them can be computed', () => {
    const rates: Segment = {
      type: 'rates',
      items: [
        { figureId: 'litigation.headAppearanceRate', label: '出庭率' },
        { figureId: 'dispute.successRate', label: '成功率' },
      ],
      template: '其中{值}',
      zeroText: '无可比数据',
    };
    const { spec, anchor } = withParagraph(t('另，'), rates, t('。'));
    const text = (year = 2023) =>
      assembleReport(env!.ctx.db, year, spec)
        .document.body.find((b) => b.anchor === anchor)!
        .runs.map((r) => r.text)
        .join('');
    // 2022 has no records at all: neither rate can be computed, the group reads its zero text.
    expect(text(2022)).toBe('另，无可比数据。');
    expect(assembleReport(env!.ctx.db, 2022, spec).problems.filter((p) => p.anchor === anchor && p.code === 'noBase')).toEqual([]);
    // The fixture has closed disputes but no lawsuits: one rate lacks a base, so the group prints and only it may go.
    expect(text()).toMatch(/^另，其中出庭率—，成功率\d/);
    expect(problems(spec).filter((p) => p.code === 'noBase')).toEqual([
      expect.objectContaining({ figureId: 'litigation.headAppearanceRate', drop: 'item', suggestion: undefined }),
    ]);
  });

  it('leads a rate with a zero denominator to its records: the denominator’s kind, filtered and prefilled', () => {
    const { spec } = withParagraph(t('出庭应诉率'), { type: 'figure', figureId: 'litigation.headAppearanceRate' });
    const found = problems(spec).find((p) => p.figureId === 'litigation.headAppearanceRate');
    expect(found?.fix).toEqual({ kind: 'litigation', filters: { caseType: '行政诉讼' }, prefill: { caseType: '行政诉讼' } });
  });

  it('leads a zero count to its kind, keeping only the conditions a new record can hold', () => {
    const { spec } = withParagraph(t('全年制定行政规范性文件'), { type: 'figure', figureId: 'normativeDoc.enacted' }, t('。'));
    // stage ∈ [公布, 报送备案] is a list, not a value to type in: only 未撤回 remains.
    expect(problems(spec).find((p) => p.code === 'zero')?.fix).toEqual({
      kind: 'normativeDoc',
      filters: { withdrawn: false },
      prefill: { withdrawn: false },
    });
  });

  it('flags a period in the text that differs from the report year', () => {
    const { spec } = withParagraph(t('2022年以来我镇组织集中学习多次。'));
    expect(problems(spec).some((p) => p.code === 'period' && p.message.includes('2022'))).toBe(true);
  });

  it('flags half-width punctuation, half-width brackets, stray spaces and unbalanced brackets', () => {
    const { spec } = withParagraph(t('为提高工作效率,确保依法有序进行(试行。开展专项整治活动 2次'));
    const codes = problems(spec).map((p) => p.message);
    expect(codes.some((m) => m.includes('半角标点'))).toBe(true);
    expect(codes.some((m) => m.includes('半角括号'))).toBe(true);
    expect(codes.some((m) => m.includes('空格'))).toBe(true);
    expect(codes.some((m) => m.includes('括号不成对'))).toBe(true);
  });

  it('flags a stand-alone heading ending with a full stop', () => {
    env = shuangtuLedger();
    const spec = structuredClone(getReportSpec(env.ctx.db, 2023).spec);
    spec.sections[1].heading += '。';
    expect(problems(spec).some((p) => p.code === 'heading')).toBe(true);
  });

  it('blocks missing settings', () => {
    env = shuangtuLedger();
    saveSettings(env.ctx.db, { ...getSettings(env.ctx.db), govOrg: '' });
    const spec = structuredClone(getReportSpec(env.ctx.db, 2023).spec);
    spec.settings.docCode = '';
    const msgs = problems(spec)
      .filter((p) => p.severity === 'blocking')
      .map((p) => p.message);
    expect(msgs).toContain('缺少设置：政府全称');
    expect(msgs).toContain('缺少设置：发文代字');
  });

  it('flags an empty section', () => {
    env = shuangtuLedger();
    const spec = structuredClone(getReportSpec(env.ctx.db, 2023).spec);
    spec.sections[2].paragraphs = [];
    expect(problems(spec).find((p) => p.code === 'empty')?.anchor).toBe(spec.sections[2].id);
  });
});

describe('a new year', () => {
  it('starts from last year’s text with every placeholder bound to the new year', () => {
    env = shuangtuLedger();
    const got = getReportSpec(env.ctx.db, 2024);
    expect(got.source).toBe('previous');
    expect(got.spec.settings.docYear).toBe(2025);
    const r = assembleReport(env.ctx.db, 2024, got.spec);
    const headings = r.document.body.filter((b) => b.type === 'heading').map((b) => b.runs[0].text);
    expect(headings[0]).toBe('一、2024年推进法治政府建设的主要举措和成效');
    expect(headings[3]).toBe('四、2025年推进法治政府建设的工作安排');
    expect(r.uses.every((u) => u.period.from === 2024 && u.period.to === 2024)).toBe(true);
    // 2024 has no records: the 党委会议 figure is now 0 and is reported as such.
    expect(r.problems.some((p) => p.code === 'zero' && p.figureId === 'meeting.party.count')).toBe(true);
  });

  it('rejects a malformed spec with Chinese messages and keeps the saved one', () => {
    env = shuangtuLedger();
    const before = getReportSpec(env.ctx.db, 2023).spec;
    expect(() => saveReportSpec(env!.ctx.db, 2023, { ...before, settings: { ...before.settings, signDate: '2024/1/15' } })).toThrow(
      /报告内容格式不正确/,
    );
    expect(getReportSpec(env.ctx.db, 2023).spec).toEqual(before);
  });
});
