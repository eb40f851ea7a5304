/**
 * The one generator of valid sample records, for the unit suites and the Chromium (e2e) suites
 * alike. Pure (only @rules), so either side imports it without opening a ledger.
 */
import { getKind, type FieldDef, type KindDef, type RecordData } from '@rules/kinds';
import type { FigureDef } from '@rules/figures/types';
import { levelText } from '@rules/town-type';

/**
 * Valid records per kind, as a clerk would type them (no managed fields). The first of each
 * list is the plain case; later ones exercise optional fields and cross-field rules.
 */
export const SAMPLES: Record<string, readonly RecordData[]> = {
  meeting: [
    {
      meetingType: '党委会议',
      date: '2023-01-12',
      title: '2023年第1次党委会议',
      host: '张三',
      attendees: 9,
      studyLawBefore: true,
      studyContent: '《中华人民共和国宪法》',
      lawTopic: true,
    },
    { meetingType: '稳定形势分析会', date: '2023-02-03', title: '2月稳定形势分析会', attendees: 21 },
    {
      meetingType: '人民代表大会',
      date: '2023-03-08',
      title: '双土镇第十八届人民代表大会第三次会议',
      minutesNo: '〔2023〕1号',
      topics: '审议政府工作报告',
    },
  ],
  training: [
    {
      date: '2023-03-15',
      eventType: '普法宣传活动',
      title: '赶场日民法典宣传',
      audience: '辖区群众',
      participants: 320,
      materials: 500,
      consultations: 26,
      theme: '民法典',
      village: '石桥村',
      partner: '司法所',
    },
    {
      date: '2023-06-20',
      eventType: '法治考试',
      title: '机关干部学法考试',
      audience: '机关干部',
      participants: 48,
      examExpected: 50,
      examTaken: 48,
      examPassed: 48,
    },
    {
      date: '2023-09-05',
      eventType: '集中学法',
      title: '中心组集中学习行政处罚法',
      audience: '领导班子',
      participants: 12,
      theme: '行政处罚法',
    },
  ],
  normativeDoc: [
    { registeredDate: '2023-04-01', title: '双土镇农村人居环境整治管理办法', draftingUnit: '党政办' },
    {
      registeredDate: '2023-07-10',
      title: '双土镇集镇摊位管理规定',
      draftingUnit: '综合执法办',
      effectiveDate: '2023-09-01',
      validUntil: '2028-08-31',
    },
  ],
  decision: [
    {
      date: '2023-05-18',
      title: '场镇污水管网改造',
      inCatalogue: true,
      publicParticipation: true,
      expertReview: true,
      riskAssessment: true,
      legalityReview: true,
      collectiveDecision: true,
      meeting: '2023年第5次党委会议',
      publishDate: '2023-05-25',
    },
    { date: '2023-08-02', title: '村道硬化项目', inCatalogue: false, legalityReview: true, collectiveDecision: true },
  ],
  legalAdviser: [
    { name: '王律师', firm: '某某律师事务所', date: '2023-01-01', termEnd: '2023-12-31', villages: ['石桥村', '河坝村'] },
    { name: '赵律师', date: '2023-02-01', villages: ['场镇社区'] },
  ],
  enforcement: [
    {
      date: '2023-04-12',
      title: '场镇违停集中整治',
      domain: '道路交通安全',
      procedure: '简易程序',
      action: '罚款',
      tickets: 35,
      fineAmount: 1750,
      publicized: true,
      recorded: true,
    },
    {
      date: '2023-04-13',
      title: '餐饮店油烟检查',
      domain: '餐饮食品',
      procedure: '普通程序',
      action: '责令改正',
      tickets: 0,
      legalReviewed: true,
    },
    {
      date: '2023-10-01',
      title: '烟花爆竹违规销售',
      domain: '烟花爆竹',
      procedure: '普通程序',
      action: '罚款',
      tickets: 2,
      fineAmount: 1234.56,
      campaign: '国庆安全专项整治',
    },
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
    {
      date: '2023-05-12',
      drillType: '地质灾害',
      title: '石桥村地灾避险演练',
      village: '石桥村',
      organiser: '应急办',
      participants: 80,
      partyMembers: 10,
      gridWorkers: 5,
      residents: 65,
      summary: '撤离用时12分钟',
    },
    { date: '2023-06-28', drillType: '防汛', title: '河坝村防汛演练', participants: 45 },
  ],
  dispute: [
    {
      date: '2023-03-02',
      title: '张某与李某宅基地界址纠纷',
      source: '排查',
      disputeType: '土地山林',
      village: '河坝村',
      mediator: '村（社区）调解室',
      result: '调解成功',
      agreement: true,
      closedDate: '2023-03-10',
    },
    {
      date: '2023-11-20',
      title: '工地欠薪纠纷',
      source: '来访',
      disputeType: '劳资',
      mediator: '司法所',
      result: '在办',
      keySupervised: true,
    },
  ],
  legalService: [
    { date: '2023-05-06', serviceType: '法律咨询', title: '法律顾问坐班咨询', channel: '坐班', count: 14, adviser: '王律师' },
    {
      date: '2023-06-11',
      serviceType: '合法性审查',
      title: '场镇污水管网改造合同合法性审查',
      reviewObject: '合同',
      count: 1,
      adviser: '王律师',
      adopted: true,
      reviewResult: '修改后通过',
      problemsFound: 2,
      problemsFixed: 2,
    },
  ],
  ticket: [
    {
      date: '2023-03-02',
      source: '12345',
      ticketNo: 'YY2023030200118',
      title: '场镇夜间施工噪音扰民',
      result: '已办结',
      closedDate: '2023-03-06',
      satisfied: true,
    },
    { date: '2023-08-19', source: '信访', title: '反映土地承包经营权纠纷', result: '办理中' },
  ],
  disclosure: [
    { mode: '主动公开', date: '2023-02-10', title: '双土镇2023年财政预算公开', category: '财政预决算', channel: '政府网站' },
    {
      mode: '依申请公开',
      date: '2023-07-01',
      title: '关于征地补偿标准的申请',
      receivedDate: '2023-07-01',
      answeredDate: '2023-07-15',
      onTime: true,
      result: '予以公开',
    },
  ],
  npcSupervision: [
    { date: '2023-06-15', activity: '代表视察调研', title: '人大代表视察场镇污水管网建设' },
    { date: '2023-12-10', activity: '代表建议办理', title: '2023年代表建议办理', suggestions: 12, suggestionsDone: 11 },
  ],
  litigation: [
    {
      date: '2023-08-08',
      caseNo: '（2023）渝0101行初12号',
      caseType: '行政诉讼',
      role: '被告',
      title: '不服行政处罚决定',
      hearingDate: '2023-10-10',
      headAppeared: true,
      appearedName: '李四',
      result: '驳回',
    },
    { date: '2023-09-01', caseType: '行政复议', role: '被申请人', title: '不服政府信息公开答复', result: '在办' },
  ],
  accountability: [
    { date: '2023-03-31', itemType: '季度汇总报告', title: '2023年第一季度法治建设工作汇总', person: '张三' },
    { date: '2023-10-15', itemType: '督察考核整改', title: '县法治督察反馈问题整改', problems: 5, problemsFixed: 4, amount: 20000 },
  ],
};

/** A custom figure (自定义指标), as the exchange format documents it (docs/exchange-format.md). */
export const CONTRACT_REVIEWS: FigureDef = {
  id: 'custom.contractReviews',
  name: '合同合法性审查件数',
  section: '7',
  unit: '件',
  value: {
    type: 'sum',
    measure: { kind: 'legalService', where: { serviceType: '合法性审查', reviewObject: '合同' }, agg: { type: 'sum', field: 'count' } },
  },
  display: { type: 'exact' },
};

export interface SampleOptions {
  /** Moves every date by whole years so the record falls in this year (the samples are written for 2023). */
  year?: number;
  /**
   * Instead of the hand-written sample, every editable field filled from the KindDef (the
   * `variant`-th of a series, numbers chosen so the lte rules hold), with these villages: for
   * screens that must show every column and every form field.
   */
  everyField?: { villages: readonly string[] };
}

/**
 * A fresh valid record of a kind: the `variant`-th hand-written sample (variants wrap around),
 * or with `everyField` the `variant`-th generated one; in `year` if given.
 */
export function sampleRecord(kindId: string, variant = 0, opts: SampleOptions = {}): RecordData {
  const kind = getKind(kindId);
  if (opts.everyField) {
    if (!kind) throw new Error(`no kind ${kindId}`);
    return everyField(kind, opts.year ?? 2023, variant, opts.everyField.villages);
  }
  const list = SAMPLES[kindId];
  if (!list?.length || !kind) throw new Error(`no sample for kind ${kindId}`);
  const r = structuredClone(list[variant % list.length]) as RecordData;
  if (opts.year !== undefined) {
    for (const f of kind.fields) {
      const v = r[f.key];
      if (f.type === 'date' && typeof v === 'string') r[f.key] = `${opts.year + Number(v.slice(0, 4)) - 2023}${v.slice(4)}`;
    }
  }
  return r;
}

function everyField(kind: KindDef, year: number, n: number, villages: readonly string[]): RecordData {
  const rightOfLte = new Set((kind.rules ?? []).flatMap((r) => (r.type === 'lte' ? [r.right] : [])));
  const month = String((n % 12) + 1).padStart(2, '0');
  const value = (f: FieldDef): unknown => {
    switch (f.type) {
      case 'text':
        return `${f.label}${n + 1}`.slice(0, f.max ?? 200);
      case 'textarea':
        return `${f.label}：第${n + 1}条示例记录的说明文字。`;
      case 'date':
        return `${year}-${month}-10`;
      case 'int':
        return rightOfLte.has(f.key) ? 100 : Math.max(f.min ?? 0, 5 + n);
      case 'money':
        return 1234.5 + n;
      case 'enum':
        // A level option (rules/town-type.ts) as a 镇 ledger, the default, words it.
        return levelText(f.options![n % f.options!.length], '镇');
      case 'bool':
        return n % 2 === 0;
      case 'village':
        return villages[n % villages.length];
      case 'tags':
        return villages.slice(0, 2);
    }
  };
  return Object.fromEntries(kind.fields.filter((f) => !f.managed).map((f) => [f.key, value(f)]));
}
