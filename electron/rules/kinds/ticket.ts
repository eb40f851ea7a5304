import type { KindDef } from './types';
import { dateField, noteField, titleField, villageField } from './common';

const TICKET_SOURCES = ['12345', '8890', '掌上基层', '信访', '其他'] as const;
const TICKET_RESULTS = ['办理中', '已办结', '已转办'] as const;

/** One citizen request ticket (12345 / 8890 热线, 掌上基层, 信访): 件数, 办结率, 满意率. */
export const ticket: KindDef = {
  id: 'ticket',
  label: '诉求工单',
  // Sheet names clerks use: 12345工单, 热线工单.
  aliases: ['工单', '热线工单'],
  section: '7',
  dateField: 'date',
  titleField: 'title',
  evidence: ['工单截图'],
  evidenceIf: [{ when: 'result', values: ['已办结'], items: ['办结回复'] }],
  fields: [
    dateField('受理日期'),
    { key: 'source', label: '来源', type: 'enum', options: TICKET_SOURCES, required: true, listed: true },
    { key: 'ticketNo', label: '工单编号', type: 'text', max: 50, listed: true },
    titleField('诉求事项'),
    villageField,
    { key: 'result', label: '办理结果', type: 'enum', options: TICKET_RESULTS, required: true, listed: true },
    { key: 'closedDate', label: '办结日期', type: 'date', listed: true },
    { key: 'satisfied', label: '群众满意', type: 'bool', listed: true, help: '回访时群众表示满意或基本满意' },
    noteField,
  ],
  rules: [
    { type: 'dateOrder', from: 'date', to: 'closedDate' },
    { type: 'requiredIf', field: 'closedDate', when: 'result', values: ['已办结'] },
  ],
};
