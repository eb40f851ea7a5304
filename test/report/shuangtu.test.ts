import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleYear } from '@core/report/assemble';
import { callApi } from '@core/api';
import type { Block } from '@rules/report/document';
import { shuangtuLedger } from './support';

const text = (b: Block) => b.runs.map((r) => r.text).join('');

describe('the 双土镇 2023 report assembled from its ledger', () => {
  let env: ReturnType<typeof shuangtuLedger>;
  beforeAll(() => {
    env = shuangtuLedger();
  });
  afterAll(() => env.cleanup());

  /** Each figure of the sample, written the sample's way, in the block of the right subsection. */
  const expected: [anchor: string, phrase: string][] = [
    ['s1', '法治专题学习研判会4次'],
    ['s1', '集中学法4次'],
    ['s1', '参考率、合格率均达到100%'],
    ['s3', '全年未制定行政规范性文件'],
    ['s4', '召开党委会议11次'],
    ['s4', '覆盖全镇11个村（社区）'],
    ['s5', '专项整治2次'],
    ['s5', '罚单906张'],
    ['s5', '罚款6.177万元'],
    ['s6', '应急演练60余次'],
    ['s6', '1200余人次'],
    ['s7', '矛盾纠纷406起'],
    ['s7', '调解成功率99%'],
    ['s10', '100余人'],
    ['s8', '人民代表大会2次'],
    ['s8', '视察调研1场次'],
    ['s8', '政府信息25条'],
  ];

  it('states every sample figure in its section', () => {
    const { document } = assembleYear(env.ctx.db, 2023);
    const bySection = new Map<string, string>();
    let current = '';
    for (const b of document.body) {
      if (b.anchor && /^s\d+$/.test(b.anchor)) current = b.anchor;
      bySection.set(current, (bySection.get(current) ?? '') + text(b));
    }
    for (const [anchor, phrase] of expected) expect(bySection.get(anchor), `${phrase} in ${anchor}`).toContain(phrase);
    // The paragraph after 七's first one carries the legal-service figures.
    expect(bySection.get('s7')).toContain('法律咨询1250余人次');
    expect(bySection.get('s7')).toContain('法律明白人培训40余人次');
    expect(bySection.get('s7')).toContain('法律意见5条');
  });

  it('lays out the sample settings: number, title, recipients, date, note', () => {
    const { document, problems } = assembleYear(env.ctx.db, 2023);
    expect(document.header.docNumber).toBe('双土委文〔2024〕2号');
    expect(document.title).toEqual(['中共云阳县双土镇委员会', '云阳县双土镇人民政府', '关于2023年法治政府建设情况的报告']);
    expect(document.recipients).toBe('县委、县政府');
    expect(document.signature.date).toBe('2024年1月15日');
    expect(document.note).toBe('（此件公开发布）');
    expect(problems.filter((p) => p.severity === 'blocking')).toEqual([]);
  });

  it('marks figure runs with their figure ids, whose traces list the records behind them', async () => {
    const { document } = assembleYear(env.ctx.db, 2023);
    const run = document.body.flatMap((b) => b.runs).find((r) => r.text === '406起');
    expect(run?.figureId).toBe('dispute.count');
    const trace = await callApi(env.ctx, 'figures.trace', { year: 2023, figureId: 'dispute.count' });
    expect(trace.ok && (trace.value as unknown[]).length).toBe(406);
    const rate = await callApi(env.ctx, 'figures.trace', { year: 2023, figureId: 'dispute.successRate' });
    expect(rate.ok && (rate.value as unknown[]).length).toBe(400);
  });

  it('follows the ledger: a new 党委会议 changes the sentence', async () => {
    const created = await callApi(env.ctx, 'records.create', {
      kind: 'meeting',
      data: { meetingType: '党委会议', date: '2023-11-20', title: '补登党委会议' },
    });
    expect(created.ok).toBe(true);
    const after = assembleYear(env.ctx.db, 2023).document.body.map(text).join('');
    expect(after).toContain('召开党委会议12次');
    if (created.ok) await callApi(env.ctx, 'records.delete', { id: (created.value as { id: string }).id });
    expect(assembleYear(env.ctx.db, 2023).document.body.map(text).join('')).toContain('召开党委会议11次');
  });
});
