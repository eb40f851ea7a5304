import type { KindDef } from './types';
import { countField, dateField, noteField, organiserField, titleField, villageField } from './common';

const EMERGENCY_TYPES = ['消防', '地质灾害', '防汛', '森林防火', '危化品', '道路交通', '公共卫生', '综合', '其他'] as const;

export const emergencyPlan: KindDef = {
  id: 'emergencyPlan',
  label: '应急预案',
  section: '6',
  dateField: 'date',
  titleField: 'title',
  evidence: ['预案文本'],
  evidenceIf: [{ when: 'filed', values: [true], items: ['备案回执'] }],
  fields: [
    titleField('预案名称'),
    { key: 'category', label: '类别', type: 'enum', options: EMERGENCY_TYPES, required: true, listed: true },
    dateField('制定/修订日期'),
    { key: 'action', label: '事项', type: 'enum', options: ['制定', '修订'], required: true, listed: true },
    { key: 'filed', label: '已备案', type: 'bool', listed: true },
    noteField,
  ],
};

export const drill: KindDef = {
  id: 'drill',
  label: '应急演练',
  aliases: ['演练'],
  section: '6',
  dateField: 'date',
  titleField: 'title',
  register: { columns: ['date', 'drillType', 'title', 'village', 'organiser', 'participants', 'partyMembers', 'gridWorkers', 'residents'] },
  evidence: ['演练方案', '照片', '评估总结'],
  fields: [
    dateField('演练日期'),
    { key: 'drillType', label: '演练类型', type: 'enum', options: EMERGENCY_TYPES, required: true, listed: true },
    titleField('演练名称'),
    villageField,
    organiserField,
    { ...countField('participants', '参演人数', '人次', true), required: true, aliases: ['参与人数', '参加人数', '人数'] },
    countField('partyMembers', '其中党员', '人次'),
    countField('gridWorkers', '其中网格员', '人次'),
    countField('residents', '其中群众', '人次'),
    { key: 'summary', label: '评估总结', type: 'textarea', max: 2000 },
    noteField,
  ],
  rules: [{ type: 'lte', left: ['partyMembers', 'gridWorkers', 'residents'], right: 'participants' }],
};
