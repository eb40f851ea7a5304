/**
 * The problems panel's one-click fixes (electron/rules/record-fix.ts): a rate with nothing to divide by (no
 * 法治考试 held) drops its clause or lets its zero wording stand for it. The pure edits on crafted
 * paragraphs, then through the real assembler on a real ledger: an empty one (the fix takes effect,
 * the problems go) and the 双土镇 fixture (a year with exams reads exactly as before the fix).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport } from '@core/report/assemble';
import { getReportSpec } from '@core/report/store';
import { applyZeroWording, dropFigure } from '../../src/app/report/clause-fix';
import { clauseAround } from '@rules/report/clause';
import { allParagraphs } from '../../src/app/report/spec-edit';
import type { ReportSpec, Segment } from '../../src/app/report/types';
import { tempLedger, type TempLedger } from '../support/ledger';
import { shuangtuLedger } from '../report/support';

const t = (text: string): Segment => ({ type: 'text', text });
const fig = (figureId: string, extra: object = {}): Segment => ({ type: 'figure', figureId, ...extra });
const EXAM = 'training.exam.attendanceRate';
const PASS = 'training.exam.passRate';
const exams = (): Segment => ({
  type: 'rates',
  items: [
    { figureId: EXAM, label: '参考率' },
    { figureId: PASS, label: '合格率' },
  ],
});

/** A spec with one paragraph (id p1) made of `segments`. */
const specOf = (...segments: Segment[]): ReportSpec => ({
  opening: [{ id: 'p1', segments }],
  sections: [],
  settings: {} as ReportSpec['settings'],
});
const segs = (s: ReportSpec) => s.opening[0].segments;

describe('the clause around a figure', () => {
  it('runs from the punctuation before to the punctuation after', () => {
    expect(
      clauseAround([t('全年排查调处矛盾纠纷'), fig('dispute.count'), t('，调解成功率'), fig('dispute.successRate'), t('。')], 3),
    ).toEqual({
      keepBefore: '，',
      lead: '调解成功率',
      trail: '',
      keepAfter: '。',
    });
  });

  it('takes the words before a comma that ends right at the figure: a number alone is not a clause', () => {
    expect(clauseAround([t('开展法治学习，年底组织法治理论知识考试，'), exams(), t('。')], 1)).toEqual({
      keepBefore: '开展法治学习，',
      lead: '年底组织法治理论知识考试，',
      trail: '',
      keepAfter: '。',
    });
  });

  it('keeps words after the figure with it up to the next punctuation, and leaves them when none follows', () => {
    expect(clauseAround([t('开出罚单'), fig('enforcement.tickets'), t('张以上，罚款')], 1)).toMatchObject({
      trail: '张以上',
      keepAfter: '，罚款',
    });
    expect(clauseAround([fig('a'), t('与'), fig('b')], 0)).toMatchObject({ keepBefore: '', lead: '', trail: '', keepAfter: '与' });
  });
});

describe('dropping a figure', () => {
  it('drops the clause and joins the rest without doubled punctuation', () => {
    const s = specOf(t('全年排查调处矛盾纠纷'), fig('dispute.count'), t('，调解成功率'), fig('dispute.successRate'), t('。'));
    expect(segs(dropFigure(s, 'p1', 'dispute.successRate', 'clause'))).toEqual([t('全年排查调处矛盾纠纷'), fig('dispute.count'), t('。')]);
  });

  it('drops a rate group with the words that introduce it', () => {
    const s = specOf(t('依托网络学院开展法治学习，年底组织法治理论知识考试，'), exams(), t('。'));
    expect(segs(dropFigure(s, 'p1', PASS, 'clause'))).toEqual([t('依托网络学院开展法治学习。')]);
  });

  it('drops only one rate of a group when asked, and the whole paragraph’s text when it was all clause', () => {
    const s = specOf(t('考试'), exams(), t('。'));
    expect(segs(dropFigure(s, 'p1', EXAM, 'item'))).toEqual([
      t('考试'),
      { type: 'rates', items: [{ figureId: PASS, label: '合格率' }] },
      t('。'),
    ]);
    expect(
      segs(dropFigure(specOf(t('出庭应诉率'), fig('litigation.headAppearanceRate')), 'p1', 'litigation.headAppearanceRate', 'clause')),
    ).toEqual([t('')]);
  });

  it('does not open a paragraph with a comma, and keeps a sentence end over a comma', () => {
    const s = specOf(fig('dispute.successRate'), t('，其余纠纷均已化解。'));
    expect(segs(dropFigure(s, 'p1', 'dispute.successRate', 'clause'))).toEqual([t('其余纠纷均已化解。')]);
    const mid = specOf(t('已整改。整改率'), fig('accountability.rectifyRate'), t('，问题清零。'));
    expect(segs(dropFigure(mid, 'p1', 'accountability.rectifyRate', 'clause'))).toEqual([t('已整改。问题清零。')]);
  });

  it('leaves other paragraphs and a paragraph without the figure alone', () => {
    const s = specOf(t('无数值。'));
    expect(dropFigure(s, 'p1', EXAM, 'clause')).toEqual(s);
    expect(dropFigure(s, 'p9', EXAM, 'clause')).toEqual(s);
  });
});

describe('the zero wording', () => {
  it('moves the clause’s words into the placeholder’s template and sets its zero text', () => {
    const s = specOf(t('依托网络学院开展法治学习，年底组织法治理论知识考试，'), exams(), t('。'));
    expect(segs(applyZeroWording(s, 'p1', EXAM, '全年未组织法治考试'))).toEqual([
      t('依托网络学院开展法治学习，'),
      { ...(exams() as object), template: '年底组织法治理论知识考试，{值}', zeroText: '全年未组织法治考试' },
      t('。'),
    ]);
  });

  it('keeps a template the figure already has, inside the clause’s words', () => {
    const s = specOf(t('统一编号。{年度}年'), fig('normativeDoc.enacted', { template: '制定文件{值}' }), t('。'));
    expect(segs(applyZeroWording(s, 'p1', 'normativeDoc.enacted', '全年未制定行政规范性文件'))).toEqual([
      t('统一编号。'),
      fig('normativeDoc.enacted', { template: '{年度}年制定文件{值}', zeroText: '全年未制定行政规范性文件' }),
      t('。'),
    ]);
  });

  it('leaves a hand-typed value alone', () => {
    const s = specOf(t('考试合格率'), fig(PASS, { manual: '100%' }), t('。'));
    expect(applyZeroWording(s, 'p1', PASS, '全年未组织法治考试')).toEqual(s);
  });
});

/** The default outline's paragraph holding the exam rates, and its printed text. */
function examParagraph(spec: ReportSpec): string {
  for (const { p } of allParagraphs(spec))
    if (p.segments.some((s) => s.type === 'rates' && s.items.some((it) => it.figureId === EXAM))) return p.id;
  throw new Error('the default outline has no exam rates');
}
/** The whole printed body (the exam paragraph runs in after its heading, so it has no block of its own). */
const printed = (l: { ctx: TempLedger['ctx'] }, year: number, spec: ReportSpec) => {
  const r = assembleReport(l.ctx.db, year, spec);
  return { text: r.document.body.map((b) => b.runs.map((x) => x.text).join('')).join('\n'), problems: r.problems };
};

describe('through the assembler', () => {
  let empty: TempLedger;
  let full: ReturnType<typeof shuangtuLedger>;
  beforeAll(() => {
    empty = tempLedger();
    full = shuangtuLedger();
  });
  afterAll(() => {
    empty?.cleanup();
    full?.cleanup();
  });

  it('an empty ledger: both exam rates lack a base and offer the zero wording and dropping the clause', () => {
    const spec = getReportSpec(empty.ctx.db, 2025).spec;
    const id = examParagraph(spec);
    const { problems } = printed(empty, 2025, spec);
    const exam = problems.filter((p) => p.figureId === EXAM || p.figureId === PASS);
    expect(exam.map((p) => [p.code, p.severity, p.suggestion, p.drop, p.anchor])).toEqual([
      ['noBase', 'blocking', '全年未组织法治考试', 'clause', id],
      ['noBase', 'blocking', '全年未组织法治考试', 'clause', id],
    ]);
    // One problem each, not also a “为0” warning.
    expect(problems.filter((p) => p.code === 'zero' && (p.figureId === EXAM || p.figureId === PASS))).toEqual([]);
  });

  it('the zero wording: the paragraph says no exam was held and the exam problems are gone', () => {
    const spec = getReportSpec(empty.ctx.db, 2025).spec;
    const id = examParagraph(spec);
    const fixed = printed(empty, 2025, applyZeroWording(spec, id, EXAM, '全年未组织法治考试'));
    expect(fixed.text).toContain('开展法治学习，全年未组织法治考试。');
    expect(fixed.text).not.toContain('理论知识考试');
    expect(fixed.problems.filter((p) => p.anchor === id && (p.figureId === EXAM || p.figureId === PASS))).toEqual([]);
  });

  it('dropping the clause: the sentence ends before the exam and the problems are gone', () => {
    const spec = getReportSpec(empty.ctx.db, 2025).spec;
    const id = examParagraph(spec);
    const dropped = printed(empty, 2025, dropFigure(spec, id, PASS, 'clause'));
    expect(dropped.text).toMatch(/开展法治学习。\n/);
    expect(dropped.problems.filter((p) => p.figureId === EXAM || p.figureId === PASS)).toEqual([]);
  });

  it('a year with exams reads exactly as before the zero wording was chosen', () => {
    const spec = getReportSpec(full.ctx.db, 2023).spec;
    const id = examParagraph(spec);
    const before = printed(full, 2023, spec).text;
    expect(before).toMatch(/考试，参考率、合格率均达到100%|考试，参考率\d/);
    expect(printed(full, 2023, applyZeroWording(spec, id, EXAM, '全年未组织法治考试')).text).toBe(before);
  });
});
