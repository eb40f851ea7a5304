/**
 * Figures the clerk defines (自定义指标) on real ledger files: every filter type and aggregate,
 * rates, zeros, periods and year-on-year change, the API's refusals by field, chips in the
 * assembled report and the 数据来源附表, a definition the kinds no longer match (never a silent
 * 0), the exchange file round trip, and the CLI listing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { assembleReport } from '@core/report/assemble';
import { getReportSpec } from '@core/report/store';
import { sourcesTable } from '@core/report/provenance';
import { computeFigure, traceFigure } from '@core/figures/compute';
import { exportLedger, importLedger } from '@core/ledger/exchange';
import { createRecord } from '@core/ledger/records';
import type { FigureDef, Measure } from '@rules/figures/types';
import type { ReportSpec } from '@rules/report/spec';
import type { LedgerError } from '@rules/errors';
import { fails, hashFile, tempLedger, type TempLedger } from '../support/ledger';
import { CONTRACT_REVIEWS } from '../support/samples';
import { cli } from '../support/cli';

const def = (id: string, m: Measure, extra: Partial<FigureDef> = {}): FigureDef => ({
  id: `custom.${id}`,
  name: `自定义${id}`,
  section: '1',
  unit: '次',
  value: { type: m.agg.type === 'count' ? 'count' : 'sum', measure: m },
  display: { type: 'exact' },
  ...extra,
});

describe('custom figures', () => {
  let l: TempLedger;
  const api = async <T = unknown>(name: string, input: unknown): Promise<T> => {
    const r = await callApi(l.ctx, name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  const refused = async (name: string, input: unknown) => {
    const r = await callApi(l.ctx, name, input);
    expect(r.ok).toBe(false);
    return r.ok ? null! : r.error;
  };
  const add = (kind: string, data: Record<string, unknown>) => createRecord(l.ctx.db, kind, data);
  /** The value of an unsaved definition for a year, through the builder's preview. */
  const preview = async (d: FigureDef, year = 2024) => {
    const p = await api<{
      issues: unknown[];
      result: { value: number; display: string; ok: boolean } | null;
      records: { id: string }[];
      total: number;
    }>('figures.custom.preview', { year, def: d });
    expect(p.issues).toEqual([]);
    return { value: p.result!.value, display: p.result!.display, records: p.total };
  };

  beforeEach(() => {
    l = tempLedger();
    add('training', {
      date: '2024-03-05',
      eventType: '普法宣传活动',
      title: '宪法进农村',
      participants: 320,
      materials: 500,
      village: '石桥村',
      theme: '宪法宣传周',
    });
    add('training', {
      date: '2024-06-18',
      eventType: '普法宣传活动',
      title: '民法典进社区',
      participants: 80,
      village: '场镇社区',
      theme: '民法典',
    });
    add('training', {
      date: '2024-09-02',
      eventType: '专题宣讲',
      title: '反诈宣讲',
      participants: 45,
      village: '河坝村',
      theme: '反电信诈骗',
    });
    add('training', { date: '2023-05-01', eventType: '普法宣传活动', title: '上年活动', participants: 100, village: '石桥村' });
    add('meeting', {
      date: '2024-02-01',
      meetingType: '党委会议',
      title: '党委会',
      lawTopic: true,
      studyLawBefore: true,
      studyContent: '宪法',
    });
    add('meeting', { date: '2024-03-01', meetingType: '党委会议', title: '党委会', lawTopic: false });
    add('enforcement', {
      date: '2024-04-01',
      title: '占道经营',
      domain: '市容环境',
      procedure: '简易程序',
      action: '罚款',
      tickets: 3,
      fineAmount: 600,
    });
    add('enforcement', {
      date: '2024-05-01',
      title: '超载',
      domain: '道路交通安全',
      procedure: '普通程序',
      action: '罚款',
      tickets: 1,
      fineAmount: 5000,
    });
    add('legalAdviser', { name: '王律师', date: '2022-01-01', termEnd: '2025-12-31', villages: ['石桥村', '河坝村'] });
    add('legalService', { date: '2024-06-11', serviceType: '合法性审查', title: '污水管网合同', reviewObject: '合同', count: 2 });
  });
  afterEach(() => l.cleanup());

  describe('filters', () => {
    it('enumerated values, several at once', async () => {
      expect(
        (await preview(def('a', { kind: 'training', where: { eventType: ['普法宣传活动', '专题宣讲'] }, agg: { type: 'count' } }))).value,
      ).toBe(3);
      expect((await preview(def('b', { kind: 'training', where: { eventType: '专题宣讲' }, agg: { type: 'count' } }))).value).toBe(1);
    });
    it('yes/no', async () => {
      expect((await preview(def('a', { kind: 'meeting', where: { lawTopic: true }, agg: { type: 'count' } }))).value).toBe(1);
      expect((await preview(def('b', { kind: 'meeting', where: { lawTopic: false }, agg: { type: 'count' } }))).value).toBe(1);
    });
    it('number ranges, inclusive, on int and money fields', async () => {
      expect(
        (await preview(def('a', { kind: 'training', where: { participants: { min: 80, max: 320 } }, agg: { type: 'count' } }))).value,
      ).toBe(2);
      expect((await preview(def('b', { kind: 'training', where: { participants: { min: 81 } }, agg: { type: 'count' } }))).value).toBe(1);
      expect((await preview(def('c', { kind: 'enforcement', where: { fineAmount: { max: 600 } }, agg: { type: 'count' } }))).value).toBe(1);
    });
    it('dates, inclusive', async () => {
      expect(
        (await preview(def('a', { kind: 'training', where: { date: { from: '2024-03-05', to: '2024-06-18' } }, agg: { type: 'count' } })))
          .value,
      ).toBe(2);
      expect((await preview(def('b', { kind: 'training', where: { date: { from: '2024-06-19' } }, agg: { type: 'count' } }))).value).toBe(
        1,
      );
    });
    it('text contains, taken literally (no wildcards), also in tags', async () => {
      expect((await preview(def('a', { kind: 'training', where: { theme: { contains: '民法典' } }, agg: { type: 'count' } }))).value).toBe(
        1,
      );
      expect((await preview(def('b', { kind: 'training', where: { title: { contains: '%' } }, agg: { type: 'count' } }))).value).toBe(0);
      expect(
        (
          await preview(
            def('c', { kind: 'legalAdviser', where: { villages: { contains: '河坝村' } }, agg: { type: 'count' }, activeUntil: 'termEnd' }),
          )
        ).value,
      ).toBe(1);
      expect(
        (
          await preview(
            def('d', {
              kind: 'legalAdviser',
              where: { villages: { contains: '场镇社区' } },
              agg: { type: 'count' },
              activeUntil: 'termEnd',
            }),
          )
        ).value,
      ).toBe(0);
    });
    it('village', async () => {
      expect((await preview(def('a', { kind: 'training', where: { village: ['石桥村', '河坝村'] }, agg: { type: 'count' } }))).value).toBe(
        2,
      );
    });
  });

  describe('aggregates', () => {
    it('count, sum of a numeric field, money', async () => {
      expect((await preview(def('a', { kind: 'training', where: { eventType: '普法宣传活动' }, agg: { type: 'count' } }))).display).toBe(
        '2次',
      );
      expect(
        (
          await preview(
            def('b', { kind: 'training', agg: { type: 'sum', field: 'participants' } }, { unit: '人次', display: { type: 'approx' } }),
          )
        ).display,
      ).toBe('400余人次');
      const fines = await preview({
        ...def('c', { kind: 'enforcement', agg: { type: 'sum', field: 'fineAmount' } }),
        value: { type: 'money', measure: { kind: 'enforcement', agg: { type: 'sum', field: 'fineAmount' } } },
        unit: '元',
        display: { type: 'wan' },
      });
      expect(fines.display).toBe('5600元'); // below 1万元 a report writes 元
    });
    it('distinct values of a list field, and records active during the year', async () => {
      const villages = def(
        'a',
        { kind: 'legalAdviser', agg: { type: 'distinctTags', field: 'villages' }, activeUntil: 'termEnd' },
        { unit: '个' },
      );
      expect((await preview(villages, 2024)).display).toBe('2个');
      expect((await preview(villages, 2026)).display).toBe('0个');
      expect((await preview(def('b', { kind: 'training', agg: { type: 'distinctTags', field: 'village' } }, { unit: '个' }))).display).toBe(
        '3个',
      );
    });
    it('a rate of two measures', async () => {
      const r: FigureDef = {
        ...def('r', { kind: 'meeting', agg: { type: 'count' } }),
        unit: '%',
        value: {
          type: 'rate',
          numerator: { kind: 'meeting', where: { lawTopic: true }, agg: { type: 'count' } },
          denominator: { kind: 'meeting', agg: { type: 'count' } },
        },
        display: { type: 'percent' },
      };
      const p = await preview(r);
      expect([p.value, p.display, p.records]).toEqual([50, '50%', 2]);
    });
  });

  it('is stored, listed with the catalogue, computed, traced and listed in figures.list', async () => {
    await api('figures.custom.save', { def: CONTRACT_REVIEWS });
    expect((await api<FigureDef[]>('figures.catalogue', {})).at(-1)).toEqual(CONTRACT_REVIEWS);
    expect(await api('figures.custom.list', {})).toEqual([{ def: CONTRACT_REVIEWS, problem: null }]);
    const all = await api<{ id: string; display: string }[]>('figures.list', { year: 2024 });
    expect(all.find((f) => f.id === 'custom.contractReviews')?.display).toBe('2件');
    const trace = await api<{ data: { title: string } }[]>('figures.trace', { year: 2024, figureId: 'custom.contractReviews' });
    expect(trace.map((r) => r.data.title)).toEqual(['污水管网合同']);
    await api('figures.custom.delete', { id: 'custom.contractReviews' });
    expect(await api('figures.custom.list', {})).toEqual([]);
  });

  it('refuses bad definitions by field and writes nothing', async () => {
    l.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = hashFile(l.file);
    const cases: [unknown, string, RegExp][] = [
      [{ ...CONTRACT_REVIEWS, id: 'contractReviews' }, 'id', /custom\./],
      [
        {
          ...CONTRACT_REVIEWS,
          value: {
            type: 'sum',
            measure: { ...(CONTRACT_REVIEWS.value.type === 'sum' && CONTRACT_REVIEWS.value.measure), kind: 'nothing' },
          },
        },
        'value.measure.kind',
        /未知的台账类型/,
      ],
      [
        {
          ...CONTRACT_REVIEWS,
          value: { type: 'sum', measure: { kind: 'legalService', where: { color: '红' }, agg: { type: 'sum', field: 'count' } } },
        },
        'value.measure.where.color',
        /没有字段/,
      ],
      [
        {
          ...CONTRACT_REVIEWS,
          value: { type: 'sum', measure: { kind: 'legalService', where: { serviceType: '合同' }, agg: { type: 'sum', field: 'count' } } },
        },
        'value.measure.where.serviceType',
        /不是“服务类型”的选项/,
      ],
      [
        { ...CONTRACT_REVIEWS, value: { type: 'sum', measure: { kind: 'legalService', agg: { type: 'sum', field: 'title' } } } },
        'value.measure.agg.field',
        /不是数值字段/,
      ],
      [{ ...CONTRACT_REVIEWS, display: { type: 'percent' } }, 'display', /不适用/],
      [{ ...CONTRACT_REVIEWS, unit: '件 ' }, 'unit', /空格/],
      [{ ...CONTRACT_REVIEWS, id: 'custom.x', name: '' }, 'name', /名称/],
    ];
    for (const [d, field, message] of cases) {
      const e = await refused('figures.custom.save', { def: d });
      expect(
        e.issues.map((i) => i.field),
        JSON.stringify(d),
      ).toContain(field);
      expect(e.issues.find((i) => i.field === field)!.message).toMatch(message);
    }
    expect(
      (
        await refused('figures.custom.save', {
          def: { ...CONTRACT_REVIEWS, id: 'custom.ok', value: { ...CONTRACT_REVIEWS.value, type: 'count' } },
        })
      ).issues[0].field,
    ).toBe('value.type');
    l.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(hashFile(l.file)).toBe(before);
    expect(await api('figures.custom.list', {})).toEqual([]);
  });

  it('is used as a chip like a built-in: unit override, zero wording, periods, change, 数据来源附表', async () => {
    await api('figures.custom.save', { def: CONTRACT_REVIEWS });
    await api('figures.custom.save', {
      def: def(
        'pufa',
        { kind: 'training', where: { eventType: '普法宣传活动' }, agg: { type: 'count' } },
        { unit: '场', zeroPhrase: '未开展普法活动' },
      ),
    });
    const spec = getReportSpec(l.ctx.db, 2024).spec as ReportSpec;
    spec.sections[0].paragraphs.push({
      id: 'custom-test',
      segments: [
        { type: 'text', text: '审查合同' },
        { type: 'figure', figureId: 'custom.contractReviews', unit: '件次' },
        { type: 'text', text: '，普法' },
        { type: 'figure', figureId: 'custom.pufa' },
        { type: 'text', text: '，自2023年以来' },
        { type: 'figure', figureId: 'custom.pufa', sinceYear: 2023 },
        { type: 'text', text: '，' },
        { type: 'figure', figureId: 'custom.pufa', change: true },
      ],
    });
    const a = assembleReport(l.ctx.db, 2024, spec);
    const text = a.document.body.flatMap((b) => b.runs.map((r) => r.text)).join('');
    expect(text).toContain('审查合同2件次，普法2场，自2023年以来3场，较2023年增长100%');
    const run = a.document.body.flatMap((b) => b.runs).find((r) => r.text === '2件次');
    expect(run?.figureId).toBe('custom.contractReviews');
    const sources = sourcesTable(l.ctx.db, a.uses);
    const row = sources.find((s) => s.figureId === 'custom.contractReviews')!;
    expect([row.name, row.display, row.records.map((r) => r.title)]).toEqual(['合同合法性审查件数', '2件次', ['污水管网合同']]);

    // In a year with no records: the zero check offers the definition's wording.
    const z = assembleReport(l.ctx.db, 2022, spec);
    expect(z.problems.find((p) => p.figureId === 'custom.pufa' && p.code === 'zero')?.suggestion).toBe('未开展普法活动');
  });

  it('reads equal rates in a group as “均达到100%”, or “均为100%” where chosen', async () => {
    const full = (id: string): FigureDef => ({
      ...def(id, { kind: 'meeting', agg: { type: 'count' } }),
      unit: '%',
      value: {
        type: 'rate',
        numerator: { kind: 'meeting', where: { lawTopic: true }, agg: { type: 'count' } },
        denominator: { kind: 'meeting', where: { studyLawBefore: true }, agg: { type: 'count' } },
      },
      display: { type: 'percent' },
    });
    await api('figures.custom.save', { def: full('r1') });
    await api('figures.custom.save', { def: full('r2') });
    const spec = getReportSpec(l.ctx.db, 2024).spec as ReportSpec;
    const items = [
      { figureId: 'custom.r1', label: '办结率' },
      { figureId: 'custom.r2', label: '满意率' },
    ];
    spec.sections[0].paragraphs.push({
      id: 'rates',
      segments: [
        { type: 'rates', items },
        { type: 'text', text: '；' },
        { type: 'rates', items, verb: '为' },
      ],
    });
    const text = assembleReport(l.ctx.db, 2024, spec)
      .document.body.flatMap((b) => b.runs.map((r) => r.text))
      .join('');
    expect(text).toContain('办结率、满意率均达到100%；办结率、满意率均为100%');
  });

  it('reports a definition the kinds no longer match, never a silent 0', async () => {
    // As if an option had been renamed in a later version: the stored definition names the old value.
    const stale = def('old', { kind: 'training', where: { eventType: '法治讲座' }, agg: { type: 'count' } });
    l.ctx.db
      .prepare('INSERT INTO custom_figures (id, data, updated_at) VALUES (?, ?, ?)')
      .run(stale.id, JSON.stringify(stale), '2024-01-01T00:00:00.000Z');
    const r = computeFigure(l.ctx.db, stale.id, { from: 2024, to: 2024 });
    expect([r.ok, r.display]).toEqual([false, '—']);
    expect(r.problem).toMatch(/不再匹配.*“法治讲座”不是“活动类型”的选项/);
    expect(traceFigure(l.ctx.db, stale.id, { from: 2024, to: 2024 })).toEqual([]);
    expect((await api<{ problem: string }[]>('figures.custom.list', {}))[0].problem).toMatch(/不再匹配/);
    const spec = getReportSpec(l.ctx.db, 2024).spec as ReportSpec;
    spec.sections[0].paragraphs.push({ id: 'stale', segments: [{ type: 'figure', figureId: stale.id }] });
    const a = assembleReport(l.ctx.db, 2024, spec);
    expect(a.problems.find((p) => p.figureId === stale.id && p.severity === 'blocking')?.message).toMatch(/不再匹配/);
    expect(a.document.body.flatMap((b) => b.runs).some((r) => r.figureId === stale.id && r.text === '—')).toBe(true);
  });

  describe('in the exchange file', () => {
    it('round-trips byte for byte, sorted by id', async () => {
      await api('figures.custom.save', { def: CONTRACT_REVIEWS });
      await api('figures.custom.save', {
        def: def('a.first', {
          kind: 'training',
          where: { participants: { min: 1 }, date: { from: '2024-01-01' }, theme: { contains: '宪法' } },
          agg: { type: 'count' },
        }),
      });
      const text = exportLedger(l.ctx.db);
      const file = JSON.parse(text) as { customFigures: FigureDef[] };
      expect(file.customFigures.map((f) => f.id)).toEqual(['custom.a.first', 'custom.contractReviews']);
      const other = tempLedger();
      try {
        importLedger(other.ctx.db, text);
        expect(exportLedger(other.ctx.db)).toBe(text);
        expect(computeFigure(other.ctx.db, 'custom.contractReviews', { from: 2024, to: 2024 }).display).toBe('2件');
      } finally {
        other.cleanup();
      }
    });

    it('refuses bad definitions by row and field, leaving the ledger unchanged', async () => {
      await api('figures.custom.save', { def: CONTRACT_REVIEWS });
      const file = JSON.parse(exportLedger(l.ctx.db)) as { customFigures: unknown[] };
      file.customFigures = [
        CONTRACT_REVIEWS,
        {
          ...CONTRACT_REVIEWS,
          id: 'custom.b',
          value: { type: 'count', measure: { kind: 'legalService', where: { reviewObject: '电影' }, agg: { type: 'count' } } },
        },
        { ...CONTRACT_REVIEWS, id: 'custom.c', value: { type: 'count', measure: { kind: 'petitions', agg: { type: 'count' } } } },
        { ...CONTRACT_REVIEWS, id: 'dispute.count' },
        CONTRACT_REVIEWS,
      ];
      l.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const before = hashFile(l.file);
      const e = fails(() => importLedger(l.ctx.db, JSON.stringify(file)), 'VALIDATION') as LedgerError;
      const got = e.issues.map((i) => [i.kind, i.row, i.field]);
      expect(got).toEqual([
        ['自定义指标', 2, 'value.measure.where.reviewObject'],
        ['自定义指标', 3, 'value.measure.kind'],
        ['自定义指标', 4, 'id'],
        ['自定义指标', 5, 'id'],
      ]);
      expect(e.issues[3].message).toMatch(/重复/);
      l.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(hashFile(l.file)).toBe(before);
    });
  });

  it('npm run cli -- figures lists them with the built-in ones, same JSON fields', async () => {
    await api('figures.custom.save', { def: CONTRACT_REVIEWS });
    // The CLI opens the same file with a connection of its own while this one holds it (WAL).
    const r = await cli('figures', '--db', l.file, '--year', '2024');
    expect(r.code, r.err).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    const custom = list.find((f) => f.id === 'custom.contractReviews');
    expect(custom).toEqual({
      id: 'custom.contractReviews',
      name: '合同合法性审查件数',
      value: 2,
      unit: '件',
      display: '2件',
      recordCount: 1,
    });
    expect(Object.keys(custom!)).toEqual(Object.keys(list[0]));
  });
});
