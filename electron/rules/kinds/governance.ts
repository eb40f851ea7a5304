/** Kinds that record how power is checked: 重大行政决策, 人大监督, 复议诉讼, 责任落实. */
import type { KindDef } from './types';
import { countField, dateField, noteField, titleField } from './common';

export const decision: KindDef = {
  id: 'decision',
  label: '重大行政决策',
  section: '4',
  dateField: 'date',
  titleField: 'title',
  evidence: ['合法性审查意见', '会议纪要'],
  evidenceIf: [
    { when: 'publicParticipation', values: [true], items: ['征求意见材料'] },
    { when: 'expertReview', values: [true], items: ['专家论证意见'] },
    { when: 'riskAssessment', values: [true], items: ['风险评估报告'] },
  ],
  fields: [
    dateField('决定日期'),
    titleField('决策事项'),
    { key: 'inCatalogue', label: '纳入年度目录', type: 'bool', listed: true },
    { key: 'publicParticipation', label: '公众参与', type: 'bool', listed: true },
    { key: 'expertReview', label: '专家论证', type: 'bool', listed: true },
    { key: 'riskAssessment', label: '风险评估', type: 'bool', listed: true },
    { key: 'legalityReview', label: '合法性审查', type: 'bool', listed: true },
    { key: 'collectiveDecision', label: '集体讨论决定', type: 'bool', listed: true },
    { key: 'meeting', label: '决定会议', type: 'text', max: 100 },
    { key: 'result', label: '决定结果', type: 'textarea', max: 2000 },
    { key: 'publishDate', label: '公开日期', type: 'date' },
    noteField,
  ],
  rules: [{ type: 'dateOrder', from: 'date', to: 'publishDate' }],
};

export const npcSupervision: KindDef = {
  id: 'npcSupervision',
  label: '人大监督',
  section: '8',
  dateField: 'date',
  titleField: 'title',
  evidence: ['活动记录'],
  evidenceIf: [{ when: 'activity', values: ['代表建议办理'], items: ['办理答复函'] }],
  fields: [
    dateField('日期'),
    {
      key: 'activity',
      label: '监督形式',
      type: 'enum',
      options: ['代表视察调研', '代表建议办理', '向人大报告工作', '政协民主监督', '其他'],
      required: true,
      listed: true,
    },
    titleField('事项'),
    countField('suggestions', '代表建议件数', '件', true),
    countField('suggestionsDone', '已办结件数', '件', true),
    noteField,
  ],
  rules: [{ type: 'lte', left: ['suggestionsDone'], right: 'suggestions' }],
};

export const litigation: KindDef = {
  id: 'litigation',
  label: '行政复议与诉讼',
  section: '8',
  dateField: 'date',
  titleField: 'title',
  evidence: ['起诉状或复议申请书', '答辩书'],
  evidenceIf: [
    { when: 'result', values: ['维持', '驳回', '撤诉', '调解', '撤销', '确认违法', '责令履行', '变更'], items: ['裁判或复议文书'] },
    { when: 'headAppeared', values: [true], items: ['出庭记录'] },
  ],
  fields: [
    dateField('立案日期'),
    { key: 'caseNo', label: '案号', type: 'text', max: 50, listed: true },
    { key: 'caseType', label: '类别', type: 'enum', options: ['行政复议', '行政诉讼', '国家赔偿'], required: true, listed: true },
    { key: 'role', label: '本机关身份', type: 'enum', options: ['被申请人', '被告', '第三人'], required: true },
    titleField('案由'),
    { key: 'hearingDate', label: '开庭日期', type: 'date' },
    { key: 'headAppeared', label: '负责人出庭', type: 'bool', listed: true },
    { key: 'appearedName', label: '出庭负责人', type: 'text', max: 20 },
    {
      key: 'result',
      label: '结果',
      type: 'enum',
      options: ['在办', '维持', '驳回', '撤诉', '调解', '撤销', '确认违法', '责令履行', '变更'],
      required: true,
      listed: true,
    },
    noteField,
  ],
  rules: [
    { type: 'dateOrder', from: 'date', to: 'hearingDate' },
    { type: 'requiredIf', field: 'appearedName', when: 'headAppeared', values: [true] },
  ],
};

export const accountability: KindDef = {
  id: 'accountability',
  label: '责任落实',
  section: '二',
  dateField: 'date',
  titleField: 'title',
  evidenceIf: [
    { when: 'itemType', values: ['领导小组成立/调整'], items: ['成立或调整文件'] },
    { when: 'itemType', values: ['年度工作方案'], items: ['方案文本'] },
    { when: 'itemType', values: ['述法'], items: ['述法报告'] },
    { when: 'itemType', values: ['第一责任人述职'], items: ['述职报告'] },
    { when: 'itemType', values: ['季度汇总报告'], items: ['报告文本'] },
    { when: 'itemType', values: ['经费保障'], items: ['经费凭证'] },
    { when: 'itemType', values: ['督察考核整改'], items: ['整改报告'] },
    { when: 'itemType', values: ['其他'], items: ['相关材料'] },
  ],
  fields: [
    dateField('日期'),
    {
      key: 'itemType',
      label: '事项类型',
      type: 'enum',
      options: ['领导小组成立/调整', '年度工作方案', '述法', '第一责任人述职', '季度汇总报告', '经费保障', '督察考核整改', '专项督查', '案卷评查', '其他'],
      required: true,
      listed: true,
    },
    titleField('事项'),
    { key: 'person', label: '责任人', type: 'text', max: 20, listed: true },
    { key: 'amount', label: '经费金额', type: 'money', unit: '元' },
    countField('problems', '问题数', '个'),
    countField('problemsFixed', '已整改', '个'),
    noteField,
  ],
  rules: [{ type: 'lte', left: ['problemsFixed'], right: 'problems' }],
};
