import type { KindDef } from './types';
import { dateField, noteField, titleField, villageField } from './common';

const DISPUTE_RESULTS = ['调解成功', '调解不成功', '转诉讼', '转信访', '在办'] as const;

export const dispute: KindDef = {
  id: 'dispute',
  label: '矛盾纠纷',
  aliases: ['纠纷', '矛盾纠纷排查调处', '人民调解'],
  section: '7',
  dateField: 'date',
  titleField: 'title',
  register: { columns: ['date', 'title', 'disputeType', 'village', 'mediator', 'result', 'agreement', 'closedDate'] },
  evidence: ['调解记录'],
  evidenceIf: [{ when: 'agreement', values: [true], items: ['调解协议书'] }],
  fields: [
    dateField('登记日期'),
    { ...titleField('纠纷概要'), aliases: ['纠纷名称', '纠纷事项', '简要情况', '名称', '事项'] },
    { key: 'source', label: '来源', type: 'enum', options: ['排查', '来访', '转办', '其他'], required: true },
    {
      key: 'disputeType',
      label: '纠纷类型',
      type: 'enum',
      options: ['婚姻家庭', '邻里', '土地山林', '劳资', '债务', '征地拆迁', '交通事故', '医疗', '其他'],
      required: true,
      listed: true,
    },
    villageField,
    {
      key: 'mediator',
      label: '调解主体',
      type: 'enum',
      options: ['村（社区）调解室', '{乡镇级}人民调解委员会', '司法所', '行政调解', '其他'],
      required: true,
      listed: true,
    },
    { key: 'result', label: '结果', type: 'enum', options: DISPUTE_RESULTS, required: true, listed: true },
    { key: 'agreement', label: '签订协议书', type: 'bool' },
    { key: 'closedDate', label: '结案日期', type: 'date', listed: true },
    { key: 'keySupervised', label: '重点督办', type: 'bool' },
    noteField,
  ],
  rules: [
    { type: 'dateOrder', from: 'date', to: 'closedDate' },
    { type: 'requiredIf', field: 'closedDate', when: 'result', values: ['调解成功', '调解不成功', '转诉讼', '转信访'] },
  ],
};
