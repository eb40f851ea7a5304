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
  activeUntil: ['leftDate', 'validUntil'],
});

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
    '远程教育/网络学院学法人数',
    '10',
    '人',
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
  c('training.exam.count', '法治考试场次', '1', '次', count('training', { eventType: '法治考试' })),
  rate(
    'training.exam.attendanceRate',
    '法治考试参考率',
    '1',
    sum('training', 'examTaken', { eventType: '法治考试' }),
    sum('training', 'examExpected', { eventType: '法治考试' }),
    '全年未组织法治考试',
  ),
  rate(
    'training.exam.passRate',
    '法治考试合格率',
    '1',
    sum('training', 'examPassed', { eventType: '法治考试' }),
    sum('training', 'examTaken', { eventType: '法治考试' }),
    '全年未组织法治考试',
  ),
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
  c('legalAdviser.count', '聘请法律顾问人数', '4', '名', { kind: 'legalAdviser', agg: { type: 'count' }, activeUntil: 'termEnd' }),
  // （五） 执法
  c('campaign.count', '专项整治次数', '5', '次', count('campaign')),
  c('campaign.joint', '联合执法次数', '5', '次', count('campaign', { joint: true })),
  c('enforcement.tickets', '开出罚单张数', '5', '张', sum('enforcement', 'tickets')),
  {
    id: 'enforcement.fines',
    name: '罚款金额',
    section: '5',
    unit: '元',
    value: { type: 'money', measure: sum('enforcement', 'fineAmount') },
    display: { type: 'wan' },
  },
  c('enforcement.lenient', '首违不罚、轻微免罚件数', '5', '件', sum('enforcement', 'tickets', { action: ['首违不罚', '轻微免罚'] })),
  c('officer.count', '执法人员人数', '5', '名', inService()),
  rate('officer.certifiedRate', '执法人员持证率', '5', inService({ certified: true }), inService(), '暂无在岗行政执法人员'),
  c('officer.newlyCertified', '新增持证执法人员人数', '5', '名', count('officer', { certified: true })),
  // （六） 突发事件
  c('emergencyPlan.count', '制定修订应急预案件数', '6', '件', count('emergencyPlan')),
  c('drill.count', '应急演练次数', '6', '次', count('drill'), approx),
  c('drill.participants', '应急演练动员人次', '6', '人次', sum('drill', 'participants'), approx),
  // （七） 矛盾纠纷与法律服务
  c('dispute.count', '排查调处矛盾纠纷起数', '7', '起', count('dispute')),
  rate(
    'dispute.successRate',
    '矛盾纠纷调解成功率',
    '7',
    count('dispute', { result: '调解成功' }),
    count('dispute', { result: CLOSED }),
    '全年无调处办结的矛盾纠纷',
  ),
  c('dispute.keySupervised', '重点督办矛盾纠纷起数', '7', '起', count('dispute', { keySupervised: true })),
  c('legalService.consultations', '法律咨询人次', '7', '人次', sum('legalService', 'count', { serviceType: '法律咨询' }), approx),
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
  rate(
    'accountability.rectifyRate',
    '督察考核问题整改率',
    '二',
    sum('accountability', 'problemsFixed'),
    sum('accountability', 'problems'),
    '督察考核未发现问题',
  ),
];

const byId = new Map(FIGURES.map((f) => [f.id, f]));
export const getFigure = (id: string): FigureDef | undefined => byId.get(id);
