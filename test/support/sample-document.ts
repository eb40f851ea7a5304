/**
 * Hand-built ReportDocuments for renderer tests: one shaped like the 2023 双土镇 report
 * (five pages with the red 版头), one that fits a single page, a long one (seven pages with the red
 * 版头) and a very long one (more than ten pages).
 * The wording is the project's own; only structure and figures follow the sample.
 */
import type { Block, ReportDocument, Run } from '@rules/report/document';

const p = (...runs: (string | Run)[]): Block => ({
  type: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
const h1 = (text: string): Block => ({ type: 'heading', level: 1, runs: [{ text }] });
/** Run-in level-2 heading: 楷体 heading then body text in one paragraph. */
const runIn = (heading: string, ...rest: (string | Run)[]): Block => p({ text: heading, font: 'kai' }, ...rest);
const fig = (text: string, figureId: string): Run => ({ text, figureId });

const PART_ONE: Block[] = [
  h1('一、2023年推进法治政府建设的主要举措和成效'),
  p('全镇把法治政府建设列为年度重点工作，与经济社会发展同谋划、同部署、同考核，各项任务稳步推进，依法行政水平持续提升。'),
  runIn(
    '（一）深入学习贯彻习近平法治思想。',
    '镇党委把习近平法治思想列入理论学习中心组年度学习计划，班子成员带头学、带头讲。依托干部网络学院组织机关干部开展法治理论学习，年底组织法治理论知识考试，',
    fig('参考率、合格率均达到100%', 'exam.rates'),
    '。全年召开法治专题学习研判会',
    fig('4次', 'meeting.lawStudy.count'),
    '，组织镇村干部集中学法，利用赶场日和节假日开展街头法治宣传。',
  ),
  runIn(
    '（二）健全政府机构职能体系。',
    '持续深化放管服改革，规范便民服务中心和村（社区）便民服务点建设，推进政务服务事项网上可办，强化行政权力公开透明运行，营造公平有序的营商环境。',
  ),
  runIn(
    '（三）健全依法行政制度体系。',
    '落实行政规范性文件管理制度，明确起草、合法性审核、集体审议、公布和备案各环节责任，对规范性文件实行专人登记、统一编号。',
    fig('全年未制定行政规范性文件', 'normativeDoc.count'),
    '。',
  ),
  runIn(
    '（四）健全行政决策制度体系。',
    '严格执行重大行政决策程序，坚持公众参与、专家论证、风险评估、合法性审查和集体讨论决定。全年召开党委会议',
    fig('11次', 'meeting.party.count'),
    '，重大事项均经集体讨论决定并形成会议纪要。聘请执业律师担任法律顾问，服务覆盖全镇',
    fig('11个', 'adviser.villages'),
    '村（社区）。',
  ),
  runIn(
    '（五）严格规范公正文明执法。',
    '整合执法力量，推行行政执法公示、执法全过程记录和重大执法决定法制审核制度，对餐饮、药店、工地、加油站和烟花爆竹销售点等重点领域开展检查。开展道路交通安全领域专项整治',
    fig('2次', 'campaign.count'),
    '；综合行政执法大队开出罚单',
    fig('906张', 'enforcement.tickets'),
    '，罚款',
    fig('6.177万元', 'enforcement.fines'),
    '。',
  ),
  runIn(
    '（六）提升突发事件应对能力。',
    '年初修订突发事件应急预案，按预案组织消防、地质灾害等应急演练',
    fig('60余次', 'drill.count'),
    '，动员党员、网格员和群众',
    fig('1200余人次', 'drill.participants'),
    '参与，依法处置突发事件的能力进一步增强。',
  ),
  runIn(
    '（七）预防调处化解矛盾纠纷。',
    '坚持每月分析稳定形势，健全村级调解室和镇人民调解委员会两级调解网络，推动人民调解、行政调解、司法调解衔接联动。全年排查调处矛盾纠纷',
    fig('406起', 'dispute.count'),
    '，调解成功率',
    fig('99%', 'dispute.successRate'),
    '。村居法律顾问平台接受群众咨询',
    fig('1250余人次', 'legalService.consultations'),
    '，开展法律明白人培训',
    fig('40余人次', 'training.lawUnderstanders'),
    '，法律顾问为重大决策和重大行政行为提出法律意见',
    fig('5条', 'legalService.opinions'),
    '。',
  ),
  runIn(
    '（八）强化行政权力制约和监督。',
    '召开镇人民代表大会',
    fig('2次', 'meeting.npc.count'),
    '，报告政府重点工作和财政预算执行情况，配合人大代表开展集中视察调研',
    fig('1场次', 'npc.inspections'),
    '。坚持机关干部周五学习制度，开展廉政教育。依法主动公开政府信息',
    fig('25条', 'disclosure.proactive'),
    '。',
  ),
  runIn(
    '（九）加快建设数字法治政府。',
    '推广“渝快办”移动端亮证、扫码等功能，推进电子证照在企业开办、社保、民政等高频事项中的应用，利企便民政策集中发布、一站查询。',
  ),
  runIn(
    '（十）完善法治政府建设推进机制。',
    '落实法治政府建设与责任落实督察工作规定，对督察反馈问题逐项整改。利用远程教育平台组织干部',
    fig('100余人', 'training.remote'),
    '学习法律法规，广泛开展法律进机关、进乡村、进社区、进学校、进企业活动。',
  ),
];

const PART_TWO: Block[] = [
  h1('二、2023年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况'),
  p(
    '党政主要负责人把推进法治建设第一责任人职责记在心上、扛在肩上，重要工作亲自部署、重大问题亲自过问、重点环节亲自协调。将履职情况纳入年度述职内容，保障法治建设工作经费。成立由书记、镇长任组长的法治政府建设工作领导小组，领导小组办公室每季度汇总报告工作推进情况。',
  ),
];

const PART_THREE: Block[] = [
  h1('三、2023年推进法治政府建设存在的不足和原因'),
  p('一是少数干部运用法治思维和法治方式解决问题的能力还需提高；二是公共法律服务供给与群众需求之间仍有差距，基层法律服务资源还不够充足。'),
];

const PART_FOUR: Block[] = [
  h1('四、2024年推进法治政府建设的工作安排'),
  runIn('（一）提升依法行政能力。', '抓好领导干部这个关键少数，常态化开展会前学法和法治培训，加大执法人员培训力度。'),
  runIn('（二）推动普法提质增效。', '落实“八五”普法规划，深化法律明白人培养工程，推进法治文化阵地建设。'),
  runIn('（三）推进法治建设常态长效。', '规范重大行政决策管理，完善矛盾纠纷多元化解机制，推动诉源治理。'),
];

function base(body: Block[]): ReportDocument {
  return {
    header: {
      mode: 'none',
      organs: ['中共云阳县双土镇委员会', '云阳县双土镇人民政府'],
      suffix: '文件',
      docNumber: '双土委文〔2024〕2号',
      signers: ['张三', '李四'],
    },
    title: ['中共云阳县双土镇委员会', '云阳县双土镇人民政府', '关于2023年法治政府建设情况的报告'],
    recipients: '县委、县政府',
    body,
    closing: '特此报告',
    signature: { organs: ['中共云阳县双土镇委员会', '云阳县双土镇人民政府'], date: '2024年1月15日', layout: 'sealed' },
    note: '（此件公开发布）',
    imprint: null,
    meta: { title: '关于2023年法治政府建设情况的报告', author: '中共云阳县双土镇委员会', year: 2023 },
  };
}

const OPENING = p(
  '2023年，双土镇在县委、县政府领导下，坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：',
);

export function sampleDocument(): ReportDocument {
  return base([OPENING, ...PART_ONE, ...PART_TWO, ...PART_THREE, ...PART_FOUR]);
}

export function shortDocument(): ReportDocument {
  return base([OPENING, h1('一、主要举措和成效'), p('全年召开党委会议11次，开展应急演练60余次。')]);
}

export function longDocument(): ReportDocument {
  const repeated = [0, 1].flatMap(() => PART_ONE);
  return base([OPENING, ...repeated, ...PART_TWO, ...PART_THREE, ...PART_FOUR]);
}

export function veryLongDocument(): ReportDocument {
  const repeated = [0, 1, 2, 3, 4].flatMap(() => PART_ONE);
  return base([OPENING, ...repeated, ...PART_TWO, ...PART_THREE, ...PART_FOUR]);
}

export const IMPRINT = { cc: '县委依法治县办', issuer: '双土镇党政办公室', issueDate: '2024年1月15日' } as const;

/**
 * The short report lengthened by a paragraph of about `fillerLines` lines, so its text ends where a
 * test needs it (on an odd or an even page, with or without room for a 版记 under it).
 */
export function lengthenedDocument(fillerLines: number, withImprint: boolean): ReportDocument {
  const doc = shortDocument();
  const text = '依法行政水平持续提升法治政府建设稳步推进'.repeat(Math.ceil((28 * fillerLines) / 20) + 1);
  const para = (chars: number): Block => ({ type: 'paragraph', runs: [{ text: text.slice(0, chars) + '。' }] });
  doc.body = [...doc.body, para(28 * fillerLines - 4), para(28 * 4 - 6)];
  doc.imprint = withImprint ? { ...IMPRINT } : null;
  return doc;
}
