import type { KindDef } from './types';
import { countField, dateField, noteField, titleField } from './common';

/** {依法治乡镇} and {人大会议} are level words (rules/town-type.ts): a ledger offers its own level's wording. */
const MEETING_TYPES = [
  '党委会议',
  '理论学习中心组学习',
  '政府常务会议',
  '政府办公会议',
  '{依法治乡镇}领导小组会议',
  '法治专题学习研判会',
  '稳定形势分析会',
  '{人大会议}',
  '民主生活会',
  '机关干部学习会',
  '党支部学习',
  '其他会议',
] as const;

export const meeting: KindDef = {
  id: 'meeting',
  label: '会议',
  aliases: ['会议记录', '党委会'],
  section: '4',
  dateField: 'date',
  titleField: 'title',
  register: { columns: ['date', 'meetingType', 'title', 'host', 'attendees', 'studyLawBefore', 'lawTopic', 'minutesNo'] },
  evidence: ['会议纪要', '签到表'],
  evidenceIf: [
    { when: 'meetingType', values: ['{人大会议}'], items: ['会议决议'] },
    { when: 'studyLawBefore', values: [true], items: ['学法材料'] },
  ],
  fields: [
    {
      key: 'meetingType',
      label: '会议类型',
      type: 'enum',
      options: MEETING_TYPES,
      required: true,
      listed: true,
      aliases: ['类型', '会议类别'],
    },
    dateField('会议日期'),
    titleField('会议名称'),
    { key: 'host', label: '主持人', type: 'text', max: 20, listed: true, aliases: ['主持'] },
    {
      key: 'attendees',
      label: '出席人数',
      type: 'int',
      min: 0,
      max: 10_000,
      unit: '人',
      listed: true,
      aliases: ['参会人数', '到会人数', '人数'],
    },
    { key: 'topics', label: '议题', type: 'textarea', max: 2000, aliases: ['会议议题', '主要议题'] },
    { key: 'studyLawBefore', label: '会前学法', type: 'bool', listed: true, aliases: ['是否会前学法', '学法'] },
    { key: 'studyContent', label: '学法内容', type: 'text', max: 200 },
    { key: 'lawTopic', label: '研究法治议题', type: 'bool', listed: true, aliases: ['是否研究法治议题', '法治议题'] },
    {
      key: 'firstTopic',
      label: '第一议题',
      type: 'bool',
      help: '会议以学习习近平总书记重要讲话、指示批示精神为第一议题',
      aliases: ['是否第一议题'],
    },
    countField('problemsSolved', '研究解决问题数', '个'),
    { key: 'decisions', label: '涉及重大行政决策事项', type: 'textarea', max: 2000 },
    { key: 'minutesNo', label: '纪要号', type: 'text', max: 50 },
    noteField,
  ],
  rules: [{ type: 'requiredIf', field: 'studyContent', when: 'studyLawBefore', values: [true] }],
};
