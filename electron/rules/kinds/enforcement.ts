import type { KindDef } from './types';
import { countField, dateField, noteField, titleField } from './common';

const ENFORCEMENT_DOMAINS = [
  '道路交通安全',
  '安全生产',
  '烟花爆竹',
  '餐饮食品',
  '药品',
  '建筑工地',
  '加油站',
  '生态环境',
  '市容环境',
  '农业农村',
  '其他',
] as const;

/** A batch of tickets and fines issued on one day in one domain (records are events, never yearly totals). */
export const enforcement: KindDef = {
  id: 'enforcement',
  label: '行政执法',
  aliases: ['执法', '执法案件'],
  section: '5',
  dateField: 'date',
  titleField: 'title',
  register: { columns: ['date', 'title', 'domain', 'procedure', 'action', 'tickets', 'fineAmount', 'inspections', 'publicized'] },
  evidence: ['执法文书'],
  evidenceIf: [
    { when: 'legalReviewed', values: [true], items: ['法制审核意见'] },
    { when: 'publicized', values: [true], items: ['公示截图'] },
  ],
  fields: [
    dateField('执法日期'),
    titleField('事由', 200),
    { key: 'domain', label: '执法领域', type: 'enum', options: ENFORCEMENT_DOMAINS, required: true, listed: true },
    { key: 'procedure', label: '程序', type: 'enum', options: ['简易程序', '普通程序'], required: true, listed: true },
    {
      key: 'action',
      label: '执法行为',
      type: 'enum',
      options: ['罚款', '警告', '责令改正', '行政指导', '首违不罚', '轻微免罚', '行政检查'],
      required: true,
      listed: true,
    },
    { ...countField('tickets', '罚单张数', '张', true), required: true, aliases: ['罚单', '张数'] },
    { key: 'fineAmount', label: '罚款金额', type: 'money', unit: '元', listed: true, aliases: ['罚款', '金额'] },
    { ...countField('inspections', '行政检查次数', '次'), aliases: ['检查次数'] },
    { key: 'campaign', label: '所属专项整治', type: 'text', max: 100 },
    { key: 'publicized', label: '已公示', type: 'bool' },
    { key: 'recorded', label: '全过程记录', type: 'bool' },
    { key: 'legalReviewed', label: '经法制审核', type: 'bool' },
    noteField,
  ],
};

export const campaign: KindDef = {
  id: 'campaign',
  label: '专项整治',
  section: '5',
  dateField: 'date',
  titleField: 'title',
  evidence: ['实施方案', '工作总结'],
  fields: [
    dateField('开展日期'),
    titleField('整治名称'),
    { key: 'domain', label: '领域', type: 'enum', options: ENFORCEMENT_DOMAINS, required: true, listed: true },
    { key: 'endDate', label: '结束日期', type: 'date' },
    countField('problemsFound', '发现问题', '个', true),
    countField('problemsFixed', '整改问题', '个', true),
    { key: 'joint', label: '联合执法', type: 'bool', listed: true },
    { key: 'partners', label: '联合单位', type: 'text', max: 100 },
    noteField,
  ],
  rules: [
    { type: 'dateOrder', from: 'date', to: 'endDate' },
    { type: 'lte', left: ['problemsFixed'], right: 'problemsFound' },
  ],
};

export const officer: KindDef = {
  id: 'officer',
  label: '执法人员',
  section: '5',
  dateField: 'date',
  titleField: 'name',
  evidenceIf: [{ when: 'certified', values: [true], items: ['执法证复印件'] }],
  fields: [
    { key: 'name', label: '姓名', type: 'text', required: true, max: 20, listed: true },
    dateField('登记日期'),
    { key: 'certified', label: '持有执法证', type: 'bool', listed: true },
    { key: 'certNo', label: '执法证号', type: 'text', max: 50, listed: true },
    { key: 'certDate', label: '发证日期', type: 'date', help: '执法证的发证（取得）日期；新增持证人数按它统计', aliases: ['取证日期'] },
    { key: 'validUntil', label: '证件有效期至', type: 'date', listed: true },
    { key: 'trainingHours', label: '年度培训学时', type: 'int', min: 0, max: 1000, unit: '学时' },
    { key: 'leftDate', label: '离岗日期', type: 'date', listed: true, help: '调离、退休或不再从事执法的日期；在岗的不填' },
    noteField,
  ],
  rules: [
    { type: 'requiredIf', field: 'certNo', when: 'certified', values: [true] },
    { type: 'dateOrder', from: 'date', to: 'leftDate' },
    { type: 'dateOrder', from: 'certDate', to: 'validUntil' },
  ],
};
