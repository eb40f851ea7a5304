import type { KindDef } from './types';
import { dateField, noteField, titleField } from './common';

export const disclosure: KindDef = {
  id: 'disclosure',
  label: '政务公开',
  aliases: ['信息公开', '公开'],
  section: '8',
  dateField: 'date',
  titleField: 'title',
  evidenceIf: [
    { when: 'mode', values: ['主动公开'], items: ['公开截图'] },
    { when: 'mode', values: ['依申请公开'], items: ['申请书', '答复书'] },
  ],
  fields: [
    { key: 'mode', label: '公开方式', type: 'enum', options: ['主动公开', '依申请公开'], required: true, listed: true },
    dateField('发布/登记日期'),
    titleField('信息标题'),
    {
      key: 'category',
      label: '类别',
      type: 'enum',
      options: ['法定主动公开内容', '财政预决算', '政策文件', '政策解读', '通知公告', '重大决策', '人事信息', '其他'],
      listed: true,
    },
    { key: 'channel', label: '公开渠道', type: 'enum', options: ['政府网站', '政务公开栏', '微信公众号', '其他'], listed: true },
    { key: 'receivedDate', label: '申请收到日期', type: 'date' },
    { key: 'answeredDate', label: '答复日期', type: 'date' },
    { key: 'onTime', label: '按时答复', type: 'bool' },
    { key: 'result', label: '答复结果', type: 'enum', options: ['予以公开', '部分公开', '不予公开', '信息不存在', '非本机关信息', '其他'] },
    noteField,
  ],
  rules: [
    { type: 'requiredIf', field: 'channel', when: 'mode', values: ['主动公开'] },
    { type: 'requiredIf', field: 'receivedDate', when: 'mode', values: ['依申请公开'] },
    { type: 'dateOrder', from: 'receivedDate', to: 'answeredDate' },
  ],
};
