import type { KindDef } from './types';
import { countField, dateField, noteField, titleField } from './common';

const LEGAL_SERVICE_TYPES = ['法律咨询', '合法性审查', '法律意见建议', '合同审查', '坐班服务', '企业法治体检'] as const;
const REVIEW_OBJECTS = ['规范性文件', '重大行政决策', '重大执法决定', '合同', '村规民约', '其他'] as const;
const REVIEW_RESULTS = ['通过', '修改后通过', '不通过'] as const;
/** 本{乡镇级} is a level word (rules/town-type.ts): 本乡, 本镇 or 本街道 as the ledger's 乡镇类型 says. */
const ADVISER_TYPES = ['本{乡镇级}', '村（社区）'] as const;

/** One consultation session, review or opinion (or a batch of them on one day through one channel). */
export const legalService: KindDef = {
  id: 'legalService',
  label: '法律服务',
  section: '7',
  dateField: 'date',
  titleField: 'title',
  evidence: ['服务记录'],
  evidenceIf: [{ when: 'serviceType', values: ['合法性审查'], items: ['审查意见书'] }],
  fields: [
    dateField('日期'),
    { key: 'serviceType', label: '服务类型', type: 'enum', options: LEGAL_SERVICE_TYPES, required: true, listed: true },
    titleField('事项'),
    {
      key: 'channel',
      label: '渠道',
      type: 'enum',
      options: ['村居法律顾问平台', '法律明白人平台', '公共法律服务中心', '自助终端', '坐班', '电话', '现场', '其他'],
      listed: true,
    },
    { ...countField('count', '人次/件数', '人次', true), required: true, min: 1, aliases: ['人次', '件数', '数量'] },
    { key: 'reviewObject', label: '审查对象', type: 'enum', options: REVIEW_OBJECTS, listed: true },
    { key: 'reviewResult', label: '审查结论', type: 'enum', options: REVIEW_RESULTS },
    countField('problemsFound', '发现问题', '个'),
    countField('problemsFixed', '已纠正问题', '个'),
    { key: 'adviser', label: '法律顾问/承办人', type: 'text', max: 50 },
    { key: 'adopted', label: '意见被采纳', type: 'bool' },
    noteField,
  ],
  rules: [
    { type: 'requiredIf', field: 'reviewObject', when: 'serviceType', values: ['合法性审查'] },
    { type: 'lte', left: ['problemsFixed'], right: 'problemsFound' },
  ],
};

export const legalAdviser: KindDef = {
  id: 'legalAdviser',
  label: '法律顾问',
  section: '4',
  dateField: 'date',
  titleField: 'name',
  evidence: ['聘用合同'],
  fields: [
    { key: 'name', label: '姓名', type: 'text', required: true, max: 20, listed: true },
    { key: 'firm', label: '律师事务所', type: 'text', max: 100, listed: true },
    {
      key: 'adviserType',
      label: '类别',
      type: 'enum',
      options: ADVISER_TYPES,
      listed: true,
      help: '本乡（镇、街道）聘请的法律顾问，或驻村（社区）的法律顾问；不填按本乡（镇、街道）的法律顾问统计',
      aliases: ['顾问类别'],
    },
    dateField('聘任日期'),
    { key: 'termEnd', label: '聘期至', type: 'date', listed: true },
    { key: 'villages', label: '服务村（社区）', type: 'tags', villageItems: true, listed: true },
    noteField,
  ],
  rules: [{ type: 'dateOrder', from: 'date', to: 'termEnd' }],
};
