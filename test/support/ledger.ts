/**
 * Test support for the ledger: a real ledger file in a fresh temp folder, and valid sample
 * records for every kind. Other test suites reuse it, so it stays small and side-effect free.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContext, type LedgerContext } from '@core/api';
import { getKind, KINDS, type RecordData } from '@rules/kinds';
import { createRecord, type LedgerRecord } from '@core/ledger/records';
import { saveSettings } from '@core/ledger/settings';
import type { Settings } from '@rules/settings';
import { LedgerError } from '@rules/errors';
import { expect } from 'vitest';

/** Settings every temp ledger starts with (enough for 规范性文件 numbering and village checks). */
export const SAMPLE_SETTINGS: Partial<Settings> = {
  town: '双土镇',
  county: '某县',
  partyOrg: '中共双土镇委员会',
  govOrg: '双土镇人民政府',
  partyCode: '双土委文',
  govCode: '双土府发',
  normativeCode: '双土府规',
  mainRecipients: '县委、县政府',
  cc: '县委依法治县办',
  issuer: '双土镇党政办公室',
  villages: ['石桥村', '河坝村', '场镇社区'],
  secretary: '张三',
  mayor: '李四',
};

export interface TempLedger {
  ctx: LedgerContext;
  /** Absolute path of the ledger file. */
  file: string;
  /** The temp folder holding it (removed by cleanup). */
  dir: string;
  /** Closes the ledger and removes the folder. Safe to call twice. */
  cleanup: () => void;
}

/** Makes an empty temp folder; the caller removes it. */
export function tempDir(prefix = 'fazhi-ledger-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Opens a new ledger file in a temp folder, with SAMPLE_SETTINGS saved
 * (pass `settings: null` for a ledger with no settings at all).
 */
export function tempLedger(opts: { settings?: Partial<Settings> | null; name?: string } = {}): TempLedger {
  const dir = tempDir();
  const file = path.join(dir, opts.name ?? 'ledger.db');
  const ctx = openContext(file);
  if (opts.settings !== null) saveSettings(ctx.db, { ...SAMPLE_SETTINGS, ...opts.settings });
  return {
    ctx,
    file,
    dir,
    cleanup() {
      ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** sha256 of a file's bytes, to prove a file was not touched. */
export function hashFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Valid records per kind, as a clerk would type them (no managed fields). The first of each
 * list is the plain case; later ones exercise optional fields and cross-field rules.
 */
export const SAMPLES: Record<string, readonly RecordData[]> = {
  meeting: [
    { meetingType: '党委会议', date: '2023-01-12', title: '2023年第1次党委会议', host: '张三', attendees: 9, studyLawBefore: true, studyContent: '《中华人民共和国宪法》', lawTopic: true },
    { meetingType: '稳定形势分析会', date: '2023-02-03', title: '2月稳定形势分析会', attendees: 21 },
    { meetingType: '人民代表大会', date: '2023-03-08', title: '双土镇第十八届人民代表大会第三次会议', minutesNo: '〔2023〕1号', topics: '审议政府工作报告' },
  ],
  training: [
    { date: '2023-03-15', eventType: '普法宣传活动', title: '赶场日民法典宣传', audience: '辖区群众', participants: 320, materials: 500, consultations: 26, theme: '民法典', village: '石桥村', partner: '司法所' },
    { date: '2023-06-20', eventType: '法治考试', title: '机关干部学法考试', audience: '机关干部', participants: 48, examExpected: 50, examTaken: 48, examPassed: 48 },
    { date: '2023-09-05', eventType: '集中学法', title: '中心组集中学习行政处罚法', audience: '领导班子', participants: 12, theme: '行政处罚法' },
  ],
  normativeDoc: [
    { registeredDate: '2023-04-01', title: '双土镇农村人居环境整治管理办法', draftingUnit: '党政办' },
    { registeredDate: '2023-07-10', title: '双土镇集镇摊位管理规定', draftingUnit: '综合执法办', effectiveDate: '2023-09-01', validUntil: '2028-08-31' },
  ],
  decision: [
    { date: '2023-05-18', title: '场镇污水管网改造', inCatalogue: true, publicParticipation: true, expertReview: true, riskAssessment: true, legalityReview: true, collectiveDecision: true, meeting: '2023年第5次党委会议', publishDate: '2023-05-25' },
    { date: '2023-08-02', title: '村道硬化项目', inCatalogue: false, legalityReview: true, collectiveDecision: true },
  ],
  legalAdviser: [
    { name: '王律师', firm: '某某律师事务所', date: '2023-01-01', termEnd: '2023-12-31', villages: ['石桥村', '河坝村'] },
    { name: '赵律师', date: '2023-02-01', villages: ['场镇社区'] },
  ],
  enforcement: [
    { date: '2023-04-12', title: '场镇违停集中整治', domain: '道路交通安全', procedure: '简易程序', action: '罚款', tickets: 35, fineAmount: 1750, publicized: true, recorded: true },
    { date: '2023-04-13', title: '餐饮店油烟检查', domain: '餐饮食品', procedure: '普通程序', action: '责令改正', tickets: 0, legalReviewed: true },
    { date: '2023-10-01', title: '烟花爆竹违规销售', domain: '烟花爆竹', procedure: '普通程序', action: '罚款', tickets: 2, fineAmount: 1234.56, campaign: '国庆安全专项整治' },
  ],
  campaign: [
    { date: '2023-09-20', title: '国庆安全专项整治', domain: '安全生产', endDate: '2023-10-08', problemsFound: 14, problemsFixed: 14 },
    { date: '2023-12-01', title: '冬季消防专项整治', domain: '其他', problemsFound: 6, problemsFixed: 3 },
  ],
  officer: [
    { name: '刘执法', date: '2023-01-05', certified: true, certNo: '渝执0012345', validUntil: '2026-01-04', trainingHours: 60 },
    { name: '陈协管', date: '2023-01-05', certified: false },
  ],
  emergencyPlan: [
    { title: '双土镇防汛抗旱应急预案', category: '防汛', date: '2023-04-30', action: '修订', filed: true },
    { title: '双土镇森林防火应急预案', category: '森林防火', date: '2023-02-15', action: '制定' },
  ],
  drill: [
    { date: '2023-05-12', drillType: '地质灾害', title: '石桥村地灾避险演练', village: '石桥村', organiser: '应急办', participants: 80, partyMembers: 10, gridWorkers: 5, residents: 65, summary: '撤离用时12分钟' },
    { date: '2023-06-28', drillType: '防汛', title: '河坝村防汛演练', participants: 45 },
  ],
  dispute: [
    { date: '2023-03-02', title: '张某与李某宅基地界址纠纷', source: '排查', disputeType: '土地山林', village: '河坝村', mediator: '村（社区）调解室', result: '调解成功', agreement: true, closedDate: '2023-03-10' },
    { date: '2023-11-20', title: '工地欠薪纠纷', source: '来访', disputeType: '劳资', mediator: '司法所', result: '在办', keySupervised: true },
  ],
  legalService: [
    { date: '2023-05-06', serviceType: '法律咨询', title: '法律顾问坐班咨询', channel: '坐班', count: 14, adviser: '王律师' },
    { date: '2023-06-11', serviceType: '合法性审查', title: '场镇污水管网改造合同合法性审查', reviewObject: '合同', count: 1, adviser: '王律师', adopted: true, reviewResult: '修改后通过', problemsFound: 2, problemsFixed: 2 },
  ],
  ticket: [
    { date: '2023-03-02', source: '12345', ticketNo: 'YY2023030200118', title: '场镇夜间施工噪音扰民', result: '已办结', closedDate: '2023-03-06', satisfied: true },
    { date: '2023-08-19', source: '信访', title: '反映土地承包经营权纠纷', result: '办理中' },
  ],
  disclosure: [
    { mode: '主动公开', date: '2023-02-10', title: '双土镇2023年财政预算公开', category: '财政预决算', channel: '政府网站' },
    { mode: '依申请公开', date: '2023-07-01', title: '关于征地补偿标准的申请', receivedDate: '2023-07-01', answeredDate: '2023-07-15', onTime: true, result: '予以公开' },
  ],
  npcSupervision: [
    { date: '2023-06-15', activity: '代表视察调研', title: '人大代表视察场镇污水管网建设' },
    { date: '2023-12-10', activity: '代表建议办理', title: '2023年代表建议办理', suggestions: 12, suggestionsDone: 11 },
  ],
  litigation: [
    { date: '2023-08-08', caseNo: '（2023）渝0101行初12号', caseType: '行政诉讼', role: '被告', title: '不服行政处罚决定', hearingDate: '2023-10-10', headAppeared: true, appearedName: '李四', result: '驳回' },
    { date: '2023-09-01', caseType: '行政复议', role: '被申请人', title: '不服政府信息公开答复', result: '在办' },
  ],
  accountability: [
    { date: '2023-03-31', itemType: '季度汇总报告', title: '2023年第一季度法治建设工作汇总', person: '张三' },
    { date: '2023-10-15', itemType: '督察考核整改', title: '县法治督察反馈问题整改', problems: 5, problemsFixed: 4, amount: 20000 },
  ],
};

/** A fresh copy of the `variant`-th valid sample of a kind (variants wrap around). */
export function sampleRecord(kindId: string, variant = 0): RecordData {
  const list = SAMPLES[kindId];
  if (!list?.length || !getKind(kindId)) throw new Error(`no sample for kind ${kindId}`);
  return structuredClone(list[variant % list.length]) as RecordData;
}

/** The sample moved to another year (its date field, and every other date, shifted by whole years). */
export function sampleInYear(kindId: string, year: number, variant = 0): RecordData {
  const r = sampleRecord(kindId, variant);
  for (const f of getKind(kindId)!.fields) {
    const v = r[f.key];
    if (f.type === 'date' && typeof v === 'string') {
      const shifted = `${year + Number(v.slice(0, 4)) - 2023}${v.slice(4)}`;
      r[f.key] = shifted;
    }
  }
  return r;
}

/** Creates every sample of every kind in each of `years`; returns the records in creation order. */
export function addAllSamples(ctx: LedgerContext, years: readonly number[] = [2023]): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  for (const year of years) {
    for (const k of KINDS) SAMPLES[k.id].forEach((_, v) => out.push(createRecord(ctx.db, k.id, sampleInYear(k.id, year, v))));
  }
  return out;
}

/** Every kind id, for `it.each`. */
export const KIND_IDS_FOR_TESTS: string[] = KINDS.map((k) => k.id);

/** Runs fn, expecting a LedgerError with the given code, and returns it for further checks. */
export function fails(fn: () => unknown, code: string): LedgerError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError);
    expect((e as LedgerError).code).toBe(code);
    return e as LedgerError;
  }
  throw new Error(`expected ${code}`);
}
