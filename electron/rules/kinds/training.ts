import type { KindDef } from './types';
import { countField, dateField, noteField, organiserField, titleField, villageField } from './common';

const TRAINING_TYPES = [
  '普法宣传活动',
  '集中学法',
  '专题宣讲',
  '法治培训',
  '法律明白人培训',
  '执法培训',
  '警示教育',
  '网络学院学习',
  '法治考试',
] as const;

export const training: KindDef = {
  id: 'training',
  label: '普法与培训',
  aliases: ['普法', '培训', '普法宣传', '学法培训', '法治培训'],
  section: '1',
  dateField: 'date',
  titleField: 'title',
  register: { columns: ['date', 'eventType', 'title', 'audience', 'village', 'participants', 'materials', 'consultations'] },
  evidence: ['签到表', '照片'],
  evidenceIf: [{ when: 'eventType', values: ['法治考试'], items: ['成绩单'] }],
  fields: [
    dateField('日期'),
    { key: 'eventType', label: '活动类型', type: 'enum', options: TRAINING_TYPES, required: true, listed: true },
    titleField('活动名称'),
    {
      key: 'audience',
      label: '对象',
      type: 'enum',
      options: ['领导班子', '机关干部', '村社干部', '党员', '执法人员', '法律明白人', '辖区群众', '学生', '企业', '特殊群体'],
      help: '特殊群体：老年人、未成年人、妇女、残疾人等',
      listed: true,
    },
    { ...countField('participants', '参与人次', '人次', true), aliases: ['参加人数', '参与人数', '人数', '参训人数'] },
    countField('materials', '发放资料', '份'),
    countField('consultations', '现场咨询', '人次'),
    // 资料种类: the kinds reports name one by one (「发放法典读本300本、禁毒手册500份」), beside the total 发放资料.
    countField('codeBooks', '法典读本', '本'),
    countField('drugManuals', '禁毒手册', '份'),
    countField('slogans', '宣传标语', '条'),
    countField('displayBoards', '展板', '块'),
    {
      ...countField('expectedParticipants', '应参加人数', '人'),
      help: '应参加学习或培训的人数；填写后可统计参学率、覆盖率',
      aliases: ['应参训人数', '应到人数'],
    },
    { key: 'theme', label: '主题/学习内容', type: 'text', max: 200 },
    villageField,
    organiserField,
    { key: 'partner', label: '合作单位', type: 'text', max: 100 },
    countField('examExpected', '应考人数', '人'),
    countField('examTaken', '实考人数', '人'),
    countField('examPassed', '合格人数', '人'),
    noteField,
  ],
  rules: [
    { type: 'lte', left: ['examTaken'], right: 'examExpected' },
    { type: 'lte', left: ['examPassed'], right: 'examTaken' },
    { type: 'requiredIf', field: 'examExpected', when: 'eventType', values: ['法治考试'] },
    { type: 'requiredIf', field: 'examTaken', when: 'eventType', values: ['法治考试'] },
    { type: 'requiredIf', field: 'examPassed', when: 'eventType', values: ['法治考试'] },
  ],
};
