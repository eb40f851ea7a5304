/**
 * The figure catalogue: every indicator the report can cite, as a query over the ledger.
 * It covers what the 2023 双土镇 sample reports and the ones such reports commonly carry.
 */
import type { FigureDef, Measure } from './types';

const count = (kind: string, where?: Measure['where']): Measure => ({ kind, where, agg: { type: 'count' } });
const sum = (kind: string, field: string, where?: Measure['where']): Measure => ({ kind, where, agg: { type: 'sum', field } });

const exact = { type: 'exact' } as const;
const approx = { type: 'approx' } as const;
const pct = { type: 'percent' } as const;

const c = (
  id: string,
  name: string,
  section: string,
  unit: string,
  m: Measure,
  display: FigureDef['display'] = exact,
  zeroPhrase?: string,
): FigureDef => ({
  id,
  name,
  section,
  unit,
  value: { type: m.agg.type === 'count' ? 'count' : 'sum', measure: m },
  display,
  zeroPhrase,
});
/** A rate's zeroPhrase is what the report says when there is nothing to divide by (no exam held …). */
const rate = (id: string, name: string, section: string, numerator: Measure, denominator: Measure, zeroPhrase: string): FigureDef => ({
  id,
  name,
  section,
  unit: '%',
  value: { type: 'rate', numerator, denominator },
  display: pct,
  zeroPhrase,
});

const CLOSED = ['调解成功', '调解不成功', '转诉讼', '转信访'];
const ENACTED = ['公布', '报送备案'];
/** Reviews are entered as 合法性审查 (with their object) or, for contracts, also as 合同审查. */
const REVIEW_TYPES = ['合法性审查', '合同审查'];
const reviewsOf = (reviewObject: string) => sum('legalService', 'count', { serviceType: '合法性审查', reviewObject });
/** A contract review counts once whichever way it was entered. */
const CONTRACT_REVIEWS: Measure = {
  kind: 'legalService',
  anyOf: [{ serviceType: '合同审查' }, { serviceType: '合法性审查', reviewObject: '合同' }],
  agg: { type: 'sum', field: 'count' },
};
/**
 * Officers in service during the year: registered by its end, and neither left nor with an
 * expired certificate before its start — so officers registered in earlier years still count.
 */
const inService = (where?: Measure['where']): Measure => ({
  kind: 'officer',
  where,
  agg: { type: 'count' },
  activeUntil: 'leftDate',
});
/**
 * 持证执法人员: in service, holding a certificate still valid on 31 December. An officer whose
 * certificate lapsed still serves (counted in service), but is not certified.
 */
const CERTIFIED_OFFICERS: Measure = { ...inService({ certified: true }), validAtEnd: 'validUntil' };

/**
 * 法治考试 by audience: a 执法人员资格考试 (对象 执法人员) is its own figure, so it never mixes into the
 * 干部学法考试 a report cites as 「组织机关干部法治理论知识考试，参考率…」. An exam without 对象 counts
 * as a cadres' one, as before.
 */
const CADRE_EXAM = { eventType: '法治考试', audience: { notIn: ['执法人员'] } } as const;
const OFFICER_EXAM = { eventType: '法治考试', audience: '执法人员' } as const;
const exams = (prefix: string, name: (what: string) => string, where: Measure['where'], zeroPhrase: string): FigureDef[] => [
  c(`${prefix}.count`, name('场次'), '1', '次', count('training', where)),
  rate(
    `${prefix}.attendanceRate`,
    name('参考率'),
    '1',
    sum('training', 'examTaken', where),
    sum('training', 'examExpected', where),
    zeroPhrase,
  ),
  rate(`${prefix}.passRate`, name('合格率'), '1', sum('training', 'examPassed', where), sum('training', 'examTaken', where), zeroPhrase),
];

/** Penalties (行政处罚) as reports count 处罚案件: never 责令改正, 行政指导 or 不罚 batches. */
const PENALTIES = ['罚款', '警告'];

/** 法律咨询 by channel (「通过村居法律顾问平台解答法律咨询2897人次」), one figure per 渠道 option. */
const CONSULTATION_CHANNELS: readonly [string, string][] = [
  ['villagePlatform', '村居法律顾问平台'],
  ['understanderPlatform', '法律明白人平台'],
  ['center', '公共法律服务中心'],
  ['kiosk', '自助终端'],
  ['onDuty', '坐班'],
  ['phone', '电话'],
  ['onSite', '现场'],
  ['other', '其他'],
];

/** 督察考核、专项督查、案卷评查 each rectify their own problems; a rate never mixes the item types. */
const rectifyRate = (id: string, what: string, section: string, itemType: string): FigureDef =>
  rate(
    id,
    `${what}问题整改率`,
    section,
    sum('accountability', 'problemsFixed', { itemType }),
    sum('accountability', 'problems', { itemType }),
    `${what}未发现问题`,
  );

export const FIGURES: readonly FigureDef[] = [
  // （一） 学习贯彻习近平法治思想 / 普法
  c('meeting.centralGroup.count', '理论学习中心组学习次数', '1', '次', count('meeting', { meetingType: '理论学习中心组学习' })),
  c(
    'meeting.centralGroup.lawStudy',
    '理论学习中心组法治专题学习次数',
    '1',
    '次',
    count('meeting', { meetingType: '理论学习中心组学习', lawTopic: true }),
  ),
  c('meeting.lawStudy.count', '法治专题学习研判会次数', '1', '次', count('meeting', { meetingType: '法治专题学习研判会' })),
  c('meeting.studyLawBefore.count', '会前学法次数', '1', '次', count('meeting', { studyLawBefore: true })),
  c('training.collectiveStudy.count', '集中学法次数', '1', '次', count('training', { eventType: '集中学法' })),
  c('training.collectiveStudy.people', '集中学法人次', '1', '人次', sum('training', 'participants', { eventType: '集中学法' }), approx),
  c('training.lecture.count', '专题宣讲场次', '1', '场次', count('training', { eventType: '专题宣讲' })),
  c('training.pufa.count', '普法宣传活动场次', '1', '场次', count('training', { eventType: '普法宣传活动' }), exact),
  c('training.pufa.people', '普法宣传覆盖人次', '1', '人次', sum('training', 'participants', { eventType: '普法宣传活动' }), approx),
  c('training.pufa.materials', '发放宣传资料份数', '1', '份', sum('training', 'materials', { eventType: '普法宣传活动' }), approx),
  c(
    'training.pufa.consultations',
    '普法活动现场咨询人次',
    '1',
    '人次',
    sum('training', 'consultations', { eventType: '普法宣传活动' }),
    approx,
  ),
  c(
    'training.pufa.specialGroups',
    '面向特殊群体普法活动场次',
    '1',
    '场次',
    count('training', { eventType: '普法宣传活动', audience: '特殊群体' }),
  ),
  c('training.lawTraining.count', '法治培训场次', '1', '场次', count('training', { eventType: ['法治培训', '执法培训'] })),
  c(
    'training.lawTraining.people',
    '法治培训人次',
    '1',
    '人次',
    sum('training', 'participants', { eventType: ['法治培训', '执法培训'] }),
    approx,
  ),
  c('training.enforcementTraining.count', '执法培训场次', '5', '场次', count('training', { eventType: '执法培训' })),
  c('training.enforcementTraining.people', '执法培训人次', '5', '人次', sum('training', 'participants', { eventType: '执法培训' }), approx),
  c('training.warning.count', '警示教育场次', '1', '场次', count('training', { eventType: '警示教育' })),
  c('training.warning.people', '警示教育人次', '1', '人次', sum('training', 'participants', { eventType: '警示教育' }), approx),
  c(
    'training.remote.people',
    '远程教育/网络学院学法人次',
    '10',
    '人次',
    sum('training', 'participants', { eventType: '网络学院学习' }),
    approx,
  ),
  c(
    'training.lawUnderstanders.people',
    '法律明白人培训人次',
    '7',
    '人次',
    sum('training', 'participants', { eventType: '法律明白人培训' }),
    approx,
  ),
  // The cadres' exam is the report's 法治考试 (a 资格考试 is not one): its name and zero wording keep the word.
  ...exams('training.exam', (what) => `法治考试${what}（干部学法考试）`, CADRE_EXAM, '全年未组织法治考试'),
  ...exams('training.enforcementExam', (what) => `执法资格考试${what}`, OFFICER_EXAM, '全年未组织执法资格考试'),
  rate(
    'training.coverageRate',
    '学法培训参学率（参与人次÷应参加人数）',
    '1',
    sum('training', 'participants', { expectedParticipants: { min: 1 } }),
    sum('training', 'expectedParticipants'),
    '未登记应参加人数',
  ),
  c('training.codeBooks', '发放法典读本数', '1', '本', sum('training', 'codeBooks')),
  c('training.drugManuals', '发放禁毒手册份数', '1', '份', sum('training', 'drugManuals')),
  c('training.slogans', '悬挂宣传标语条数', '1', '条', sum('training', 'slogans')),
  c('training.displayBoards', '设置展板块数', '1', '块', sum('training', 'displayBoards')),
  // （三） 依法行政制度体系
  c(
    'normativeDoc.enacted',
    '制定行政规范性文件件数',
    '3',
    '件',
    count('normativeDoc', { stage: ENACTED, withdrawn: false }),
    exact,
    '全年未制定行政规范性文件',
  ),
  c('normativeDoc.filed', '报送备案规范性文件件数', '3', '件', count('normativeDoc', { stage: '报送备案', withdrawn: false })),
  c('normativeDoc.filingPassed', '备案审查通过件数', '3', '件', count('normativeDoc', { filingReview: '通过' })),
  c(
    'normativeDoc.filingCorrected',
    '备案审查被责令改正或撤销件数',
    '3',
    '件',
    count('normativeDoc', { filingReview: ['责令改正', '撤销'] }),
    exact,
    '报送备案的规范性文件均未被责令改正或撤销',
  ),
  rate(
    'normativeDoc.filingRate',
    '规范性文件报备率',
    '3',
    count('normativeDoc', { stage: '报送备案', withdrawn: false }),
    count('normativeDoc', { stage: ENACTED, withdrawn: false }),
    '全年未制定行政规范性文件',
  ),
  c(
    'normativeDoc.cleaned',
    '清理规范性文件件数',
    '3',
    '件',
    count('normativeDoc', { cleanupResult: ['继续有效', '修改', '废止', '失效'] }),
  ),
  // （四） 行政决策
  c('meeting.party.count', '党委会议次数', '4', '次', count('meeting', { meetingType: '党委会议' })),
  c('meeting.government.count', '政府常务（办公）会议次数', '4', '次', count('meeting', { meetingType: ['政府常务会议', '政府办公会议'] })),
  c('meeting.lawTopic.count', '专题研究法治议题次数', '4', '次', count('meeting', { lawTopic: true })),
  c('meeting.firstTopic.count', '“第一议题”学习次数', '1', '次', count('meeting', { firstTopic: true })),
  c('meeting.partyBranch.count', '党支部学习次数', '1', '次', count('meeting', { meetingType: '党支部学习' })),
  c('meeting.problemsSolved', '会议研究解决问题个数', '4', '个', sum('meeting', 'problemsSolved')),
  c(
    'meeting.ruleOfLawGroup.count',
    '{依法治乡镇}领导小组会议次数',
    '二',
    '次',
    count('meeting', { meetingType: '{依法治乡镇}领导小组会议' }),
  ),
  c('decision.count', '重大行政决策事项数', '4', '项', count('decision')),
  rate(
    'decision.fullProcedureRate',
    '重大行政决策五项程序履行率',
    '4',
    count('decision', {
      publicParticipation: true,
      expertReview: true,
      riskAssessment: true,
      legalityReview: true,
      collectiveDecision: true,
    }),
    count('decision'),
    '全年未作出重大行政决策',
  ),
  c('legalAdviser.villages', '法律顾问覆盖村（社区）数', '4', '个', {
    kind: 'legalAdviser',
    agg: { type: 'distinctTags', field: 'villages' },
    activeUntil: 'termEnd',
  }),
  // 「法律顾问1名」 is the township's own: village advisers (类别 村（社区）) are counted apart.
  c('legalAdviser.count', '聘请{乡镇级}法律顾问人数', '4', '名', {
    kind: 'legalAdviser',
    where: { adviserType: { notIn: ['村（社区）'] } },
    agg: { type: 'count' },
    activeUntil: 'termEnd',
  }),
  c('legalAdviser.villageCount', '村（社区）法律顾问人数', '4', '名', {
    kind: 'legalAdviser',
    where: { adviserType: '村（社区）' },
    agg: { type: 'count' },
    activeUntil: 'termEnd',
  }),
  // （五） 执法
  c('campaign.count', '专项整治次数', '5', '次', count('campaign')),
  c('campaign.joint', '联合执法次数', '5', '次', count('campaign', { joint: true })),
  c('enforcement.tickets', '开出罚单张数（罚款、警告）', '5', '张', sum('enforcement', 'tickets', { action: PENALTIES })),
  c('enforcement.penaltyCases', '行政处罚案件数', '5', '件', sum('enforcement', 'tickets', { action: PENALTIES })),
  c('enforcement.corrections', '责令改正件数', '5', '件', sum('enforcement', 'tickets', { action: '责令改正' })),
  c('enforcement.inspections', '行政检查次数', '5', '次', sum('enforcement', 'inspections')),
  {
    id: 'enforcement.fines',
    name: '罚款金额',
    section: '5',
    unit: '元',
    value: { type: 'money', measure: sum('enforcement', 'fineAmount') },
    display: { type: 'wan' },
  },
  c('enforcement.lenient', '首违不罚、轻微免罚件数', '5', '件', sum('enforcement', 'tickets', { action: ['首违不罚', '轻微免罚'] })),
  c('officer.count', '在岗执法人员人数', '5', '名', inService()),
  c('officer.certified', '持证执法人员人数', '5', '名', CERTIFIED_OFFICERS),
  rate('officer.certifiedRate', '执法人员持证率（持证÷在岗）', '5', CERTIFIED_OFFICERS, inService(), '暂无在岗行政执法人员'),
  c('officer.newlyCertified', '新增持证执法人员人数', '5', '名', {
    kind: 'officer',
    where: { certified: true },
    agg: { type: 'count' },
    dateBy: 'certDate',
  }),
  // （六） 突发事件
  c('emergencyPlan.count', '制定修订应急预案件数', '6', '件', count('emergencyPlan')),
  c('drill.count', '应急演练次数', '6', '次', count('drill'), approx),
  c('drill.participants', '应急演练动员人次', '6', '人次', sum('drill', 'participants'), approx),
  // （七） 矛盾纠纷与法律服务
  c('dispute.count', '排查调处矛盾纠纷起数', '7', '起', count('dispute')),
  rate(
    'dispute.successRate',
    '矛盾纠纷调解成功率（占已办结）',
    '7',
    count('dispute', { result: '调解成功' }),
    count('dispute', { result: CLOSED }),
    '全年无调处办结的矛盾纠纷',
  ),
  // 化解率 as reports write it: resolved over every dispute handled, 在办 included.
  rate(
    'dispute.resolvedRate',
    '矛盾纠纷化解率（占全部受理）',
    '7',
    count('dispute', { result: '调解成功' }),
    count('dispute'),
    '全年未排查调处矛盾纠纷',
  ),
  c('dispute.keySupervised', '重点督办矛盾纠纷起数', '7', '起', count('dispute', { keySupervised: true })),
  c(
    'legalService.consultations',
    '法律咨询人次（全部渠道）',
    '7',
    '人次',
    sum('legalService', 'count', { serviceType: '法律咨询' }),
    approx,
  ),
  ...CONSULTATION_CHANNELS.map(([slug, channel]) =>
    c(
      `legalService.consultations.${slug}`,
      `法律咨询人次（${channel}）`,
      '7',
      '人次',
      sum('legalService', 'count', { serviceType: '法律咨询', channel }),
    ),
  ),
  c('legalService.opinions', '法律顾问提出法律意见建议条数', '7', '条', sum('legalService', 'count', { serviceType: '法律意见建议' })),
  // 「审查1090件，其中规范性文件2件、合同10件…」: the parts below add up to the total.
  c('legalService.reviews', '合法性审查件数（含合同审查）', '7', '件', sum('legalService', 'count', { serviceType: REVIEW_TYPES })),
  c('legalService.reviews.normativeDoc', '规范性文件合法性审查件数', '7', '件', reviewsOf('规范性文件')),
  c('legalService.reviews.decision', '重大行政决策合法性审查件数', '7', '件', reviewsOf('重大行政决策')),
  c('legalService.reviews.enforcement', '重大执法决定法制审核件数', '7', '件', reviewsOf('重大执法决定')),
  c('legalService.contracts', '合同合法性审查件数', '7', '件', CONTRACT_REVIEWS),
  c('legalService.reviews.villageRules', '村规民约合法性审查件数', '7', '件', reviewsOf('村规民约')),
  c('legalService.reviews.other', '其他合法性审查件数', '7', '件', reviewsOf('其他')),
  rate(
    'legalService.reviewPassRate',
    '合法性审查通过率',
    '7',
    sum('legalService', 'count', { serviceType: REVIEW_TYPES, reviewResult: ['通过', '修改后通过'] }),
    sum('legalService', 'count', { serviceType: REVIEW_TYPES, reviewResult: ['通过', '修改后通过', '不通过'] }),
    '全年未开展合法性审查',
  ),
  c(
    'legalService.reviewProblems',
    '合法性审查发现问题个数',
    '7',
    '个',
    sum('legalService', 'problemsFound', { serviceType: REVIEW_TYPES }),
  ),
  c('legalService.onDuty', '坐班服务次数', '7', '次', count('legalService', { serviceType: '坐班服务' })),
  c('legalService.enterpriseCheckups', '企业法治体检家次', '7', '家次', sum('legalService', 'count', { serviceType: '企业法治体检' })),
  // 诉求工单 (12345 / 8890 / 掌上基层 / 信访)
  c('ticket.count', '受理群众诉求件数', '7', '件', count('ticket'), exact, '全年未收到群众诉求工单'),
  rate('ticket.closedRate', '群众诉求办结率', '7', count('ticket', { result: '已办结' }), count('ticket'), '全年未收到群众诉求'),
  rate(
    'ticket.satisfiedRate',
    '群众诉求满意率',
    '7',
    count('ticket', { result: '已办结', satisfied: true }),
    count('ticket', { result: '已办结' }),
    '全年无办结的群众诉求',
  ),
  // （八） 监督与公开
  c('meeting.npc.count', '{本级人大会议}次数', '8', '次', count('meeting', { meetingType: '{人大会议}' })),
  c('npc.inspections', '人大代表视察调研场次', '8', '场次', count('npcSupervision', { activity: '代表视察调研' })),
  c('npc.suggestions', '办理代表建议件数', '8', '件', sum('npcSupervision', 'suggestions')),
  rate(
    'npc.suggestionDoneRate',
    '代表建议办结率',
    '8',
    sum('npcSupervision', 'suggestionsDone'),
    sum('npcSupervision', 'suggestions'),
    '全年未收到人大代表建议',
  ),
  c('disclosure.proactive', '主动公开政府信息条数', '8', '条', count('disclosure', { mode: '主动公开' })),
  c('disclosure.onRequest', '依申请公开件数', '8', '件', count('disclosure', { mode: '依申请公开' }), exact, '全年未收到政府信息公开申请'),
  rate(
    'disclosure.onTimeRate',
    '依申请公开按时答复率',
    '8',
    count('disclosure', { mode: '依申请公开', onTime: true }),
    count('disclosure', { mode: '依申请公开' }),
    '全年未收到政府信息公开申请',
  ),
  c('litigation.count', '行政复议和行政诉讼案件数', '8', '件', count('litigation'), exact, '全年未发生行政复议和行政诉讼案件'),
  c(
    'litigation.lost',
    '败诉（被纠错）案件数',
    '8',
    '件',
    count('litigation', { result: ['撤销', '确认违法', '责令履行', '变更'] }),
    exact,
    '无败诉案件',
  ),
  rate(
    'litigation.headAppearanceRate',
    '行政机关负责人出庭应诉率',
    '8',
    count('litigation', { caseType: '行政诉讼', headAppeared: true }),
    count('litigation', { caseType: '行政诉讼' }),
    '全年未发生行政诉讼案件',
  ),
  c('meeting.stability.count', '稳定形势分析会次数', '7', '次', count('meeting', { meetingType: '稳定形势分析会' })),
  // 二、 第一责任人职责
  c('accountability.quarterly', '季度汇总报告次数', '二', '次', count('accountability', { itemType: '季度汇总报告' })),
  c('accountability.lawReports', '述法人次', '二', '人次', count('accountability', { itemType: ['述法', '第一责任人述职'] })),
  c('accountability.inspections', '专项督查次数', '二', '次', count('accountability', { itemType: '专项督查' })),
  c('accountability.inspectionProblems', '专项督查发现问题个数', '二', '个', sum('accountability', 'problems', { itemType: '专项督查' })),
  c('accountability.caseReviews', '案卷评查次数', '5', '次', count('accountability', { itemType: '案卷评查' })),
  c('accountability.caseReviewProblems', '案卷评查发现问题个数', '5', '个', sum('accountability', 'problems', { itemType: '案卷评查' })),
  {
    id: 'accountability.funds',
    name: '法治建设经费',
    section: '二',
    unit: '元',
    value: { type: 'money', measure: sum('accountability', 'amount', { itemType: '经费保障' }) },
    display: { type: 'wan' },
  },
  rectifyRate('accountability.rectifyRate', '督察考核', '二', '督察考核整改'),
  c('accountability.rectifyProblems', '督察考核发现问题个数', '二', '个', sum('accountability', 'problems', { itemType: '督察考核整改' })),
  rectifyRate('accountability.inspectionRectifyRate', '专项督查', '二', '专项督查'),
  rectifyRate('accountability.caseReviewRectifyRate', '案卷评查', '5', '案卷评查'),
];

const byId = new Map(FIGURES.map((f) => [f.id, f]));
export const getFigure = (id: string): FigureDef | undefined => byId.get(id);
