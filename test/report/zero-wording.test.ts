/**
 * Zero wording replaces the clause it stands in (@rules/report/clause), in the assembled document
 * that both renderers draw; a count of 0 gets a wording made from its clause; and report.overview
 * answers the screen with each of the year's figures computed once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport } from '@core/report/assemble';
import { getReportSpec } from '@core/report/store';
import { zeroWording } from '@rules/report/clause';
import type { ReportSpec, Segment } from '@rules/report/spec';
import type { Block } from '@rules/report/document';
import { api } from '../support/call';
import { shuangtuLedger } from './support';

const t = (text: string): Segment => ({ type: 'text', text });
const fig = (figureId: string, extra: object = {}): Segment => ({ type: 'figure', figureId, ...extra });
const textOf = (b: Block) => b.runs.map((r) => r.text).join('');

/** The spec with `zeroText` set on every placeholder of `figureId`, as the chip menu sets it. */
function withZeroText(spec: ReportSpec, figureId: string, zeroText: string): ReportSpec {
  const copy = structuredClone(spec);
  const walk = (secs: ReportSpec['sections']): void =>
    secs.forEach((s) => {
      for (const p of s.paragraphs)
        for (const seg of p.segments) if (seg.type === 'figure' && seg.figureId === figureId) seg.zeroText = zeroText;
      walk(s.children ?? []);
    });
  walk(copy.sections);
  return copy;
}

describe('zero wording', () => {
  let l: ReturnType<typeof shuangtuLedger>;
  beforeAll(() => {
    l = shuangtuLedger();
  });
  afterAll(() => l.cleanup());

  it('replaces the clause, not just the number, and a year with a value reads as before', () => {
    // 2024 has no records in the fixture: 专项整治 is 0 there, 2023 has some.
    const empty = assembleReport(l.ctx.db, 2024, withZeroText(getReportSpec(l.ctx.db, 2024).spec, 'campaign.count', '全年未开展专项整治'));
    const para = empty.document.body.map(textOf).find((x) => x.includes('全年未开展专项整治'))!;
    expect(para).toContain('慎罚。全年未开展专项整治，');
    expect(para).not.toContain('开展专项整治全年未');
    const full = assembleReport(l.ctx.db, 2023, withZeroText(getReportSpec(l.ctx.db, 2023).spec, 'campaign.count', '全年未开展专项整治'));
    expect(full.document.body.map(textOf).join('')).toMatch(/开展专项整治\d+次/);
  });

  it('makes a count’s wording from its clause, from the verb on, without the number', () => {
    expect(zeroWording([t('落实免罚。开展专项整治'), fig('campaign.count'), t('，')], 1)).toBe('全年未开展专项整治');
    expect(zeroWording([t('综合行政执法队伍开出罚单'), fig('enforcement.tickets'), t('。')], 1)).toBe('全年未开出罚单');
    expect(zeroWording([t('依托平台组织干部'), fig('training.remote.people'), t('学习法律法规，推动')], 1)).toBe(
      '全年未组织干部学习法律法规',
    );
    expect(zeroWording([t('{年度}年'), fig('normativeDoc.enacted', { template: '制定规范性文件{值}' }), t('。')], 1)).toBe(
      '全年未制定规范性文件',
    );
    // The figure's own phrase wins; a clause without a verb gets none.
    expect(zeroWording([t('开展专项整治'), fig('campaign.count')], 1, '全年无专项整治')).toBe('全年无专项整治');
    expect(zeroWording([t('动员网格员和群众'), fig('drill.participants'), t('参与，')], 1)).toBeUndefined();
  });

  it('offers the wording and dropping the clause on every count of 0', () => {
    const zero = assembleReport(l.ctx.db, 2024, getReportSpec(l.ctx.db, 2024).spec).problems.filter((p) => p.code === 'zero');
    expect(zero.length).toBeGreaterThanOrEqual(6);
    for (const p of zero) expect(p.drop).toBe('clause');
    expect(zero.find((p) => p.figureId === 'meeting.party.count')?.suggestion).toBe('全年未召开党委会议');
  });

  it('report.overview computes each figure once for the values, the assembly and the staleness', async () => {
    const db = l.ctx.db;
    const prepare = db.prepare.bind(db);
    let aggregates = 0;
    db.prepare = ((sql: string) => {
      if (/SELECT (count|total)\(/.test(sql)) aggregates++;
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      const count = async (name: string) => {
        aggregates = 0;
        const out = await api(l.ctx, name, { year: 2023 });
        return { n: aggregates, out };
      };
      const list = await count('figures.list');
      const assembled = await count('report.assemble');
      const overview = await count('report.overview');
      const o = overview.out as { values: unknown; assembled: unknown };
      expect(o.values).toEqual(list.out);
      expect(o.assembled).toEqual(assembled.out);
      // The assembly's figures of the year come from the values already computed.
      expect(overview.n).toBeLessThan(list.n + assembled.n);
      expect(overview.n).toBeLessThanOrEqual(list.n + assembled.n - 20);
    } finally {
      db.prepare = prepare;
    }
  });
});
