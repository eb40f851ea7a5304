/**
 * Generates test/fixtures/shuangtu-2023.json: the 2023 ledger behind the 双土镇 sample report,
 * as individual records (11 党委会议, 63 drills with 1234 人次, 906 tickets totalling 61770 元,
 * 406 disputes of which 396 of 400 closed were settled, 25 disclosures, no normative document…),
 * plus a little of 2022. Deterministic: fixed ids, times and a seeded generator.
 * Run: npx tsx scripts/make-shuangtu-fixture.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { stableStringify, EXCHANGE_FORMAT, EXCHANGE_VERSION, type ExchangeFile } from '@core/ledger/exchange';
import { defaultReportSpec } from '@core/report/default-outline';
import type { Settings } from '@rules/settings';

let seed = 20230101;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const pad = (n: number) => String(n).padStart(2, '0');
/** The d-th of n dates spread over the year. */
const spread = (year: number, i: number, n: number) => {
  const day = Math.floor((i * 365) / n) + 1 + Math.floor(rand() * Math.max(1, 365 / n - 1));
  const d = new Date(Date.UTC(year, 0, Math.min(day, 365)));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
/** Splits total into n positive integer parts. */
const split = (total: number, n: number, min = 1) => {
  const parts = Array.from({ length: n }, () => min);
  for (let left = total - n * min; left > 0; left--) parts[Math.floor(rand() * n)]++;
  return parts;
};

const settings: Settings = {
  town: '双土镇',
  townType: '镇',
  county: '云阳县',
  partyOrg: '中共云阳县双土镇委员会',
  govOrg: '云阳县双土镇人民政府',
  partyCode: '双土委文',
  govCode: '双土府文',
  normativeCode: '双土府规',
  mainRecipients: '县委、县政府',
  cc: '县委依法治县办',
  issuer: '双土镇党政办公室',
  villages: ['双土社区', '长春村', '新华村', '高峰村', '石门村', '青龙村', '花园村', '永兴村', '和平村', '红岩村', '太平村'],
  secretary: '张明',
  mayor: '李华',
};

const records: ExchangeFile['records'] = [];
let n = 0;
const add = (kind: string, data: Record<string, unknown>) => {
  n++;
  const t = `${String(data.date ?? data.registeredDate).slice(0, 4)}-12-31T08:00:00.000Z`;
  records.push({ id: `st-${kind}-${String(n).padStart(5, '0')}`, kind, data, createdAt: t, updatedAt: t, deletedAt: null });
};

function year2023() {
  const Y = 2023;
  const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]; // 11 党委会议; none in November
  months.forEach((m, i) =>
    add('meeting', {
      meetingType: '党委会议',
      date: `${Y}-${pad(m)}-${pad(8 + (i % 10))}`,
      title: `${Y}年第${i + 1}次党委会议`,
      host: '张明',
      attendees: 9,
      lawTopic: i % 3 === 0,
      studyLawBefore: true,
      studyContent: pick(['宪法', '民法典', '行政处罚法', '信访工作条例']),
    }),
  );
  [3, 6, 9, 12].forEach((m, i) =>
    add('meeting', {
      meetingType: '法治专题学习研判会',
      date: `${Y}-${pad(m)}-20`,
      title: `法治专题学习研判会（第${i + 1}次）`,
      host: '张明',
      attendees: 12,
    }),
  );
  for (let m = 1; m <= 12; m++)
    add('meeting', {
      meetingType: '稳定形势分析会',
      date: `${Y}-${pad(m)}-05`,
      title: `${m}月稳定形势分析会`,
      host: '李华',
      attendees: 15,
    });
  [
    ['01-12', '双土镇第十八届人民代表大会第三次会议'],
    ['12-22', '双土镇第十八届人民代表大会第四次会议'],
  ].forEach(([d, t]) => add('meeting', { meetingType: '人民代表大会', date: `${Y}-${d}`, title: t, attendees: 56 }));
  for (let i = 0; i < 6; i++)
    add('meeting', {
      meetingType: '理论学习中心组学习',
      date: spread(Y, i, 6),
      title: `党委理论学习中心组第${i + 1}次集中学习`,
      host: '张明',
      attendees: 11,
    });

  for (let i = 0; i < 4; i++)
    add('training', {
      eventType: '集中学法',
      date: spread(Y, i, 4),
      title: `镇村干部集中学法（第${i + 1}次）`,
      audience: '村社干部',
      participants: 40 + i,
    });
  add('training', {
    eventType: '法治考试',
    date: `${Y}-12-15`,
    title: '机关干部法治理论知识考试',
    audience: '机关干部',
    participants: 35,
    examExpected: 35,
    examTaken: 35,
    examPassed: 35,
  });
  [52, 52].forEach((p, i) =>
    add('training', {
      eventType: '网络学院学习',
      date: `${Y}-${i ? '09' : '04'}-10`,
      title: '村级远程教育平台法律法规学习',
      audience: '村社干部',
      participants: p,
    }),
  );
  [21, 22].forEach((p, i) =>
    add('training', {
      eventType: '法律明白人培训',
      date: `${Y}-${i ? '10' : '05'}-18`,
      title: `“法律明白人”培训（第${i + 1}期）`,
      audience: '法律明白人',
      participants: p,
    }),
  );
  for (let i = 0; i < 8; i++)
    add('training', {
      eventType: '普法宣传活动',
      date: spread(Y, i, 8),
      title: pick(['赶场日法治宣传', '宪法宣传周活动', '民法典进村入户', '防范电信诈骗宣传']),
      audience: '辖区群众',
      participants: 80 + Math.floor(rand() * 60),
      materials: 200 + Math.floor(rand() * 100),
      village: pick(settings.villages),
      partner: '镇司法所',
    });

  add('legalAdviser', { name: '王律师', firm: '重庆某律师事务所', date: '2022-03-01', termEnd: '2025-02-28', villages: settings.villages });

  add('campaign', {
    date: `${Y}-04-10`,
    title: '道路交通安全和运输执法领域突出问题专项整治（春季）',
    domain: '道路交通安全',
    endDate: `${Y}-05-31`,
    problemsFound: 12,
    problemsFixed: 12,
  });
  add('campaign', {
    date: `${Y}-09-01`,
    title: '道路交通安全和运输执法领域突出问题专项整治（秋季）',
    domain: '道路交通安全',
    endDate: `${Y}-10-31`,
    problemsFound: 9,
    problemsFixed: 9,
  });
  const batches = 48;
  const tickets = split(906, batches, 5);
  const finesHundreds = split(617, batches, 0); // 61,700 元 in hundreds …
  finesHundreds[0] += 0;
  tickets.forEach((t, i) =>
    add('enforcement', {
      date: spread(Y, i, batches),
      title: pick(['道路交通违法行为处罚', '摩托车驾乘人员未戴头盔', '占道经营', '烟花爆竹违规销售']),
      domain: pick(['道路交通安全', '道路交通安全', '市容环境', '烟花爆竹']),
      procedure: '简易程序',
      action: '罚款',
      tickets: t,
      fineAmount: finesHundreds[i] * 100 + (i === 0 ? 70 : 0), // … plus 70 元 = 61,770 元
      publicized: true,
      recorded: true,
    }),
  );

  add('emergencyPlan', { title: '双土镇突发事件总体应急预案', category: '综合', date: `${Y}-01-10`, action: '修订', filed: true });
  const drills = 63;
  const people = split(1234, drills, 8);
  people.forEach((p, i) => {
    const party = Math.floor(p / 4);
    const grid = Math.floor(p / 5);
    add('drill', {
      date: spread(Y, i, drills),
      drillType: pick(['消防', '地质灾害', '防汛', '森林防火']),
      title: '应急演练',
      village: settings.villages[i % 11],
      participants: p,
      partyMembers: party,
      gridWorkers: grid,
      residents: p - party - grid,
    });
  });

  const outcomes = [...Array(396).fill('调解成功'), '调解不成功', '调解不成功', '转诉讼', '转信访', ...Array(6).fill('在办')];
  outcomes.forEach((result, i) => {
    const date = spread(Y, i, outcomes.length);
    const closed = result === '在办' ? undefined : date;
    add('dispute', {
      date,
      title: pick(['宅基地边界纠纷', '赡养纠纷', '邻里排水纠纷', '务工工资纠纷', '土地承包纠纷']),
      source: pick(['排查', '来访', '转办']),
      disputeType: pick(['邻里', '婚姻家庭', '土地山林', '劳资']),
      village: pick(settings.villages),
      mediator: pick(['村（社区）调解室', '镇人民调解委员会', '司法所']),
      result,
      closedDate: closed,
    });
  });
  split(1256, 12, 60).forEach((c, i) =>
    add('legalService', {
      date: `${Y}-${pad(i + 1)}-28`,
      serviceType: '法律咨询',
      title: `${i + 1}月村居法律顾问平台网上咨询`,
      channel: '村居法律顾问平台',
      count: c,
      adviser: '王律师',
    }),
  );
  for (let i = 0; i < 5; i++)
    add('legalService', {
      date: spread(Y, i, 5),
      serviceType: '法律意见建议',
      title: pick(['集体资产租赁合同法律意见', '项目征地补偿方案法律意见', '重大事项决策法律建议']),
      channel: '现场',
      count: 1,
      adviser: '王律师',
      adopted: true,
    });

  add('npcSupervision', { date: `${Y}-06-15`, activity: '代表视察调研', title: '人大代表集中视察农村人居环境整治' });
  for (let i = 0; i < 25; i++)
    add('disclosure', {
      mode: '主动公开',
      date: spread(Y, i, 25),
      title: pick(['财政预算公开', '惠民惠农补贴发放公示', '重大项目信息公开', '低保对象公示', '政策解读']),
      category: pick(['法定主动公开内容', '财政预决算', '政策解读', '通知公告']),
      channel: pick(['政府网站', '政务公开栏']),
    });
  [1, 2, 3, 4].forEach((q) =>
    add('accountability', {
      date: `${Y}-${pad(q * 3)}-28`,
      itemType: '季度汇总报告',
      title: `第${q}季度法治政府建设工作推进情况汇总`,
      person: '政法委员',
    }),
  );
  add('accountability', { date: `${Y}-02-20`, itemType: '领导小组成立/调整', title: '调整镇法治政府建设工作领导小组', person: '张明' });
  add('accountability', { date: `${Y}-03-01`, itemType: '年度工作方案', title: '双土镇2023年法治政府建设工作方案' });
}

function year2022() {
  const Y = 2022;
  for (let i = 0; i < 9; i++)
    add('meeting', { meetingType: '党委会议', date: spread(Y, i, 9), title: `${Y}年第${i + 1}次党委会议`, host: '张明', attendees: 9 });
  for (let i = 0; i < 40; i++)
    add('drill', {
      date: spread(Y, i, 40),
      drillType: '消防',
      title: '消防应急演练',
      village: settings.villages[i % 11],
      participants: 20,
    });
  for (let i = 0; i < 20; i++)
    add('disclosure', { mode: '主动公开', date: spread(Y, i, 20), title: '政府信息公开', category: '通知公告', channel: '政府网站' });
}

year2022();
year2023();
const report = defaultReportSpec(2023, settings);
report.settings.docSeq = 2;
const file: ExchangeFile = {
  format: EXCHANGE_FORMAT,
  version: EXCHANGE_VERSION,
  settings,
  numberSequences: [],
  customFigures: [],
  records,
  reports: [{ year: 2023, updatedAt: '2024-01-10T08:00:00.000Z', data: report }],
};
const out = path.join(import.meta.dirname, '../test/fixtures/shuangtu-2023.json');
fs.writeFileSync(out, stableStringify(file));
console.log(`${records.length} records → ${out}`);
