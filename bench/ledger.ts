/**
 * Ledger benchmark: 10 years × 20,000 records (200,000, spread over the kinds roughly as a busy
 * township's ledger would be), written as an exchange file and imported with importLedger,
 * then one page of one kind for one year (default sort, sorted by a field, with a search)
 * a year's counts per kind, and the year's records lacking evidence (the 首页's 待补登记).
 *
 * Run alone with `npm run bench -- ledger`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContext } from '@core/api';
import { getKind, kindForLevel, KINDS, type RecordData } from '@rules/kinds';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, importLedger, stableStringify } from '@core/ledger/exchange';
import { listRecords, listTotals, yearStats } from '@core/ledger/query';
import { evidenceGaps } from '@core/ledger/evidence';
import { EMPTY_SETTINGS } from '@rules/settings';
import { timeMedian, type BenchRow } from './row';

export const YEARS = 10;
export const PER_YEAR = 20_000;
const FIRST_YEAR = 2016;
const CODE = '双土府规';
const VILLAGES = ['石桥村', '河坝村', '场镇社区', '青杠村', '龙井村', '金竹村', '白岩村', '新华村', '红星村', '观音村', '松林村'];

/** Records per kind per year; sums to PER_YEAR. Enforcement batches, disputes and 普法 dominate. */
const WEIGHTS: Record<string, number> = {
  meeting: 1500,
  training: 3000,
  normativeDoc: 100,
  decision: 200,
  legalAdviser: 20,
  enforcement: 4000,
  campaign: 100,
  officer: 80,
  emergencyPlan: 50,
  drill: 800,
  dispute: 3000,
  legalService: 3000,
  disclosure: 1500,
  npcSupervision: 150,
  litigation: 100,
  accountability: 400,
  ticket: 2000,
};

/** Small deterministic PRNG (mulberry32), so every run seeds the same ledger. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    bool: (p = 0.5) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

// Options that name the level are templates; the seeded ledger is a 镇's, so its kinds are worded for one.
const opts = (kind: string, key: string) => kindForLevel(getKind(kind)!, '镇').fields.find((f) => f.key === key)!.options!;
const THEMES = ['宪法', '民法典', '禁毒', '反电信诈骗', '安全生产法', '森林法', '行政处罚法', '未成年人保护法', '消防法', '道路交通安全法'];
const PLACES = ['场镇', '赶场日', '院坝', '学校', '企业', '村委会'];

const GEN: Record<string, (r: Rng, date: string, i: number) => RecordData> = {
  meeting: (r, date, i) => {
    const study = r.bool(0.4);
    return {
      meetingType: r.pick(opts('meeting', 'meetingType')),
      date,
      title: `第${i}次${r.pick(['党委会议', '政府办公会议', '稳定形势分析会', '中心组学习'])}`,
      attendees: r.int(5, 40),
      studyLawBefore: study,
      ...(study ? { studyContent: `《${r.pick(THEMES)}》` } : {}),
      lawTopic: r.bool(0.3),
    };
  },
  training: (r, date, i) => {
    const exam = r.bool(0.05);
    const expected = r.int(20, 80);
    const taken = r.int(10, expected);
    return {
      date,
      eventType: exam ? '法治考试' : r.pick(opts('training', 'eventType').filter((t) => t !== '法治考试')),
      title: `${r.pick(PLACES)}${r.pick(THEMES)}宣传活动（${i}）`,
      audience: r.pick(opts('training', 'audience')),
      participants: r.int(10, 800),
      materials: r.int(0, 1000),
      theme: r.pick(THEMES),
      village: r.pick(VILLAGES),
      ...(exam ? { examExpected: expected, examTaken: taken, examPassed: r.int(0, taken) } : {}),
    };
  },
  normativeDoc: (r, date, i) => ({
    number: `${CODE}〔${date.slice(0, 4)}〕${i}号`,
    stage: '起草',
    registeredDate: date,
    title: `双土镇${r.pick(THEMES)}实施办法（${i}）`,
    draftingUnit: r.pick(['党政办', '综合执法办', '社会事务办']),
  }),
  decision: (r, date, i) => ({
    date,
    title: `重大行政决策事项${i}：${r.pick(VILLAGES)}基础设施建设`,
    inCatalogue: r.bool(0.8),
    publicParticipation: r.bool(),
    expertReview: r.bool(),
    riskAssessment: r.bool(),
    legalityReview: true,
    collectiveDecision: true,
  }),
  legalAdviser: (r, date, i) => ({ name: `顾问${i}`, firm: '某某律师事务所', date, villages: [r.pick(VILLAGES), r.pick(VILLAGES)] }),
  enforcement: (r, date, i) => {
    const fine = r.bool(0.6);
    return {
      date,
      title: `${r.pick(['场镇违停', '占道经营', '无证经营', '违规燃放', '超限运输'])}查处（${i}）`,
      domain: r.pick(opts('enforcement', 'domain')),
      procedure: r.pick(['简易程序', '普通程序']),
      action: fine ? '罚款' : r.pick(['警告', '责令改正', '行政指导', '首违不罚', '轻微免罚']),
      tickets: r.int(0, 20),
      ...(fine ? { fineAmount: r.int(50, 20_000) } : {}),
      publicized: r.bool(0.9),
      recorded: r.bool(0.9),
    };
  },
  campaign: (r, date, i) => {
    const found = r.int(0, 40);
    return {
      date,
      title: `专项整治${i}`,
      domain: r.pick(opts('campaign', 'domain')),
      problemsFound: found,
      problemsFixed: r.int(0, found),
    };
  },
  officer: (r, date, i) => ({ name: `执法员${i}`, date, certified: true, certNo: `执${100000 + i}`, trainingHours: r.int(0, 120) }),
  emergencyPlan: (r, date, i) => ({
    title: `应急预案${i}`,
    category: r.pick(opts('emergencyPlan', 'category')),
    date,
    action: r.pick(['制定', '修订']),
    filed: r.bool(),
  }),
  drill: (r, date, i) => {
    const p = r.int(10, 200);
    const party = r.int(0, Math.floor(p / 3));
    return {
      date,
      drillType: r.pick(opts('drill', 'drillType')),
      title: `${r.pick(VILLAGES)}应急演练（${i}）`,
      village: r.pick(VILLAGES),
      participants: p,
      partyMembers: party,
      residents: p - party,
    };
  },
  dispute: (r, date, i) => {
    const result = r.pick(opts('dispute', 'result'));
    return {
      date,
      title: `${r.pick(['张某', '李某', '王某', '刘某'])}与${r.pick(['陈某', '杨某', '赵某'])}${r.pick(['宅基地', '邻里', '劳资', '债务'])}纠纷（${i}）`,
      source: r.pick(['排查', '来访', '转办', '其他']),
      disputeType: r.pick(opts('dispute', 'disputeType')),
      village: r.pick(VILLAGES),
      mediator: r.pick(opts('dispute', 'mediator')),
      result,
      ...(result === '在办' ? {} : { closedDate: date }),
    };
  },
  legalService: (r, date, i) => {
    const type = r.pick(opts('legalService', 'serviceType'));
    return {
      date,
      serviceType: type,
      title: `法律服务${i}`,
      channel: r.pick(opts('legalService', 'channel')),
      count: r.int(1, 30),
      ...(type === '合法性审查' ? { reviewObject: r.pick(opts('legalService', 'reviewObject')) } : {}),
    };
  },
  disclosure: (r, date, i) =>
    r.bool(0.9)
      ? {
          mode: '主动公开',
          date,
          title: `政务信息${i}`,
          category: r.pick(opts('disclosure', 'category')),
          channel: r.pick(opts('disclosure', 'channel')),
        }
      : { mode: '依申请公开', date, title: `信息公开申请${i}`, receivedDate: date, answeredDate: date, onTime: true, result: '予以公开' },
  npcSupervision: (r, date, i) => {
    const s = r.int(0, 20);
    return {
      date,
      activity: r.pick(opts('npcSupervision', 'activity')),
      title: `人大监督事项${i}`,
      suggestions: s,
      suggestionsDone: r.int(0, s),
    };
  },
  litigation: (r, date, i) => ({
    date,
    caseType: r.pick(['行政复议', '行政诉讼']),
    role: '被告',
    title: `案件${i}`,
    result: r.pick(opts('litigation', 'result')),
  }),
  accountability: (r, date, i) => ({
    date,
    itemType: r.pick(opts('accountability', 'itemType')),
    title: `责任落实事项${i}`,
    person: '张三',
  }),
  ticket: (r, date, i) => {
    const result = r.pick(opts('ticket', 'result'));
    return {
      date,
      source: r.pick(opts('ticket', 'source')),
      ticketNo: `GD${String(i).padStart(6, '0')}`,
      title: `群众诉求${i}`,
      village: r.pick(VILLAGES),
      result,
      ...(result === '已办结' ? { closedDate: date, satisfied: r.bool(0.9) } : {}),
    };
  },
};

/** The seed ledger as exchange-file text (deterministic). */
export function seedExchange(years = YEARS, perYear = PER_YEAR): string {
  const r = rng(20240601);
  const scale = perYear / PER_YEAR;
  const records: unknown[] = [];
  const t0 = Date.UTC(2024, 0, 1);
  let n = 0;
  for (let y = FIRST_YEAR; y < FIRST_YEAR + years; y++) {
    for (const kind of KINDS) {
      const count = Math.round((WEIGHTS[kind.id] ?? 0) * scale);
      const dates = Array.from(
        { length: count },
        () => `${y}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      ).sort();
      dates.forEach((date, i) => {
        const ts = new Date(t0 + n++ * 1000).toISOString();
        const data = GEN[kind.id](r, date, i + 1);
        if (kind.dateField !== 'date') delete data.date;
        records.push({ id: `bench-${String(n).padStart(7, '0')}`, kind: kind.id, data, createdAt: ts, updatedAt: ts, deletedAt: null });
      });
    }
  }
  const seqs = Array.from({ length: years }, (_, k) => ({
    prefix: CODE,
    year: FIRST_YEAR + k,
    last: Math.round(WEIGHTS.normativeDoc * scale),
  }));
  return stableStringify({
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    settings: { ...EMPTY_SETTINGS, town: '双土镇', normativeCode: CODE, villages: VILLAGES },
    numberSequences: seqs,
    records,
    reports: [],
  });
}

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-ledger-'));
  const rows: BenchRow[] = [];
  try {
    let t = performance.now();
    const text = seedExchange();
    const genMs = performance.now() - t;
    const ctx = openContext(path.join(dir, 'bench.db'));
    try {
      t = performance.now();
      const { records } = importLedger(ctx.db, text);
      const importMs = performance.now() - t;
      rows.push({
        name: `ledger: import ${records.toLocaleString('en')} records`,
        ms: importMs,
        note: `${(text.length / 1e6).toFixed(0)} MB exchange text (generated in ${genMs.toFixed(0)} ms); ${Math.round(records / (importMs / 1000)).toLocaleString('en')} records/s`,
      });
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const year = FIRST_YEAR + Math.floor(YEARS / 2);
      const kind = 'enforcement';
      const perKind = yearStats(ctx.db, year)[kind];
      const page = (q: Partial<Parameters<typeof listRecords>[1]>) => () =>
        listRecords(ctx.db, { kind, year, page: 3, pageSize: 50, ...q });
      const cases: [string, ReturnType<typeof page>][] = [
        ['default sort', page({})],
        ['sorted by 罚款金额', page({ sortBy: 'fineAmount', sortDir: 'desc' })],
        ['search “违停”', page({ search: '违停' })],
        ['filter 执法领域 + sort by 罚单张数', page({ filters: { domain: '安全生产' }, sortBy: 'tickets', sortDir: 'asc' })],
      ];
      for (const [label, fn] of cases) {
        fn(); // warm the statement cache and the page cache
        const ms = await timeMedian(15, fn);
        rows.push({
          name: `ledger: list page of 50, ${label}`,
          ms,
          targetMs: 20,
          note: `${kind} ${year}: ${perKind} records of that kind and year`,
        });
      }
      // The 合计 row: sums over every selected record (its own call, so the page above never waits for it).
      listTotals(ctx.db, { kind, year });
      const totalsMs = await timeMedian(15, () => listTotals(ctx.db, { kind, year }));
      rows.push({
        name: 'ledger: records.totals (合计 row), whole year of one kind',
        ms: totalsMs,
        targetMs: 50,
        note: `${kind} ${year}: ${perKind} records summed`,
      });
      yearStats(ctx.db, year);
      const statsMs = await timeMedian(15, () => yearStats(ctx.db, year));
      rows.push({
        name: 'ledger: ledger.stats for one year',
        ms: statsMs,
        targetMs: 50,
        note: `${PER_YEAR.toLocaleString('en')} records that year, ${(YEARS * PER_YEAR).toLocaleString('en')} in all`,
      });
      // The 首页 asks after every change: every record of the year against its kind's checklist.
      const gapsMs = await timeMedian(5, () => evidenceGaps(ctx.db, year, 8));
      rows.push({
        name: 'ledger: ledger.evidenceGaps for one year',
        ms: gapsMs,
        targetMs: 100,
        note: `${evidenceGaps(ctx.db, year, 8).total.toLocaleString('en')} of ${PER_YEAR.toLocaleString('en')} records lack evidence (none attached)`,
      });
    } finally {
      ctx.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
