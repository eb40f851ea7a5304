/**
 * The outline a new ledger starts from: parts 一–四 with part 一's ten subsections following
 * the 纲要, and short, neutral default wording of our own around the figure placeholders.
 * The clerk rewrites it freely; later years start from the previous year's text.
 */
import type { FigureSegment, ParagraphSpec, ReportSpec, Segment, SectionSpec } from '@rules/report/spec';
import type { Settings } from '@rules/settings';

type Piece = string | Segment;
let seq = 0;
const para = (...pieces: Piece[]): ParagraphSpec => ({
  id: `p${++seq}`,
  segments: pieces.map((x) => (typeof x === 'string' ? { type: 'text', text: x } : x)),
});
const f = (figureId: string, opts: Omit<FigureSegment, 'type' | 'figureId'> = {}): Segment => ({ type: 'figure', figureId, ...opts });
const sec = (id: string, heading: string, paragraphs: ParagraphSpec[], extra: Partial<SectionSpec> = {}): SectionSpec => ({
  id,
  heading,
  paragraphs,
  ...extra,
});
const sub = (id: string, heading: string, ...paragraphs: ParagraphSpec[]): SectionSpec => sec(id, heading, paragraphs, { runIn: true });

function partOne(): SectionSpec {
  return sec(
    'part1',
    '{年度}年推进法治政府建设的主要举措和成效',
    [para('{乡镇}把法治政府建设列入年度重点工作，与经济社会发展同谋划、同部署、同推进，依法行政水平稳步提升。')],
    {
      children: [
        sub(
          's1',
          '深入学习贯彻习近平法治思想',
          para(
            '把习近平法治思想列为党委理论学习中心组重点学习内容，班子成员带头学习、带头宣讲。全年召开法治专题学习研判会',
            f('meeting.lawStudy.count'),
            '，组织{乡镇干部}集中学法',
            f('training.collectiveStudy.count'),
            '；依托干部网络学院开展法治学习，年底组织机关干部法治理论知识考试，',
            {
              type: 'rates',
              items: [
                { figureId: 'training.exam.attendanceRate', label: '参考率' },
                { figureId: 'training.exam.passRate', label: '合格率' },
              ],
            },
            '。',
          ),
        ),
        sub(
          's2',
          '健全政府机构职能体系',
          para('持续深化放管服改革，规范便民服务中心和村（社区）便民服务点建设，推动政务服务事项网上可办，营造公平透明的营商环境。'),
        ),
        sub(
          's3',
          '健全依法行政制度体系',
          para(
            '落实行政规范性文件管理制度，明确起草、合法性审核、集体审议、公布和备案责任，文件实行专人登记、统一编号。{年度}年',
            f('normativeDoc.enacted', { template: '制定行政规范性文件{值}', zeroText: '全年未制定行政规范性文件' }),
            '。',
          ),
        ),
        sub(
          's4',
          '健全行政决策制度体系',
          para(
            '严格执行重大行政决策程序，落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定。全年召开党委会议',
            f('meeting.party.count'),
            '，重大事项均经集体讨论决定并形成会议纪要。聘请执业律师担任法律顾问，服务覆盖全{乡镇级}',
            f('legalAdviser.villages'),
            '村（社区），为重大决策提供法律意见。',
          ),
        ),
        sub(
          's5',
          '严格规范公正文明执法',
          para(
            '整合执法力量，全面推行行政执法公示、执法全过程记录和重大执法决定法制审核制度，落实轻微违法免罚和初次违法慎罚。开展专项整治',
            f('campaign.count'),
            '，综合行政执法队伍开出罚单',
            f('enforcement.tickets'),
            '，罚款',
            f('enforcement.fines'),
            '。',
          ),
        ),
        sub(
          's6',
          '提升突发事件应对能力',
          para(
            '修订完善突发事件应急预案，按预案组织消防、地质灾害等应急演练',
            f('drill.count'),
            '，动员党员、网格员和群众',
            f('drill.participants'),
            '参与，依法应对突发事件的能力进一步增强。',
          ),
        ),
        sub(
          's7',
          '预防调处化解社会矛盾纠纷',
          para(
            '坚持每月分析研判稳定形势，健全村（社区）调解室和{乡镇级}人民调解委员会调解网络，推动人民调解、行政调解、司法调解联动。全年排查调处矛盾纠纷',
            f('dispute.count'),
            '，调解成功率',
            f('dispute.successRate'),
            '。',
          ),
          para(
            '通过村居法律顾问平台接受群众法律咨询',
            f('legalService.consultations.villagePlatform', { rule: { type: 'approx', granularity: 10 } }),
            '，开展法律明白人培训',
            f('training.lawUnderstanders.people'),
            '；法律顾问为重大决策和重大行政行为提出法律意见',
            f('legalService.opinions'),
            '。',
          ),
        ),
        sub(
          's8',
          '强化行政权力制约和监督',
          para(
            // {召开人大会议}: a 街道 has no 人大 of its own and reports to the 人大街道工委 (@rules/town-type.ts).
            '自觉接受人大监督，全年{召开人大会议}',
            f('meeting.npc.count'),
            '，听取代表对重点工作和预算执行情况的意见建议，配合人大代表开展集中视察调研',
            f('npc.inspections'),
            '。坚持机关干部学习制度，加强廉政教育。依法主动公开政府信息',
            f('disclosure.proactive'),
            '。',
          ),
        ),
        sub('s9', '加快建设数字法治政府', para('推广政务服务平台移动端应用，推进电子证照在高频事项中的使用，分类集中发布利企便民政策。')),
        sub(
          's10',
          '完善法治政府建设推进机制',
          para(
            '落实法治政府建设与责任落实督察工作规定，对督察反馈问题逐项整改。依托远程教育平台组织干部',
            f('training.remote.people'),
            '学习法律法规，推动法律进机关、进乡村、进社区、进学校、进企业。',
          ),
        ),
      ],
    },
  );
}

export function defaultReportSpec(year: number, s: Settings): ReportSpec {
  seq = 0;
  return {
    settings: {
      docCode: s.partyCode,
      docYear: year + 1,
      docSeq: 1,
      issuers: 'joint',
      titleLines: [],
      recipients: s.mainRecipients || '县委、县政府',
      signers: [s.secretary, s.mayor].filter(Boolean),
      signDate: `${year + 1}-01-15`,
      disclosure: '主动公开',
      // The normal form is the red-headed document (双土委文〔2024〕2号); without a 代字 there is
      // no 发文字号 to head, so the plain form stays until the clerk fills it in.
      headerMode: s.partyCode ? 'red' : 'none',
      signatureLayout: 'sealed',
      closing: '特此报告',
      cc: s.cc,
      imprint: false,
      issuer: s.issuer,
      issueDate: '',
    },
    opening: [
      para(
        '{年度}年，{乡镇}在上级党委、政府领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：',
      ),
    ],
    sections: [
      partOne(),
      sec('part2', '{年度}年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', [
        para(
          '党政主要负责人认真履行推进法治建设第一责任人职责，重要工作亲自部署、重大问题亲自过问、重点环节亲自协调，将履职情况纳入年度述职内容，保障法治建设工作经费。成立由书记、{乡镇长}任组长的法治政府建设工作领导小组，领导小组办公室',
          f('accountability.quarterly', { template: '每季度汇总报告工作推进情况，全年共汇总{值}', zeroText: '定期汇总报告工作推进情况' }),
          '。',
        ),
      ]),
      sec('part3', '{年度}年推进法治政府建设存在的不足和原因', [
        para('一是少数干部运用法治思维和法治方式解决问题的能力还需提高；二是基层公共法律服务供给与群众需求之间仍有差距。'),
      ]),
      sec('part4', '{下年度}年推进法治政府建设的工作安排', [para('{下年度}年，{乡镇}将继续深入贯彻习近平法治思想，重点抓好以下工作。')], {
        children: [
          sub('n1', '提升依法行政能力', para('抓好领导干部这个“关键少数”，常态化开展会前学法和法治培训，加大执法人员培训力度。')),
          sub('n2', '推动普法提质增效', para('落实“八五”普法规划，深化法律明白人培养，推进法治文化阵地建设。')),
          sub('n3', '推进法治建设常态长效', para('规范重大行政决策管理，完善矛盾纠纷多元化解机制，推动诉源治理。')),
        ],
      }),
    ],
  };
}
