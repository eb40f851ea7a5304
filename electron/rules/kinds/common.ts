/** Field snippets every event kind shares. */
import type { FieldDef } from './types';

/** The record date of an event kind; 日期 and 时间 head it in most clerks' own sheets. */
export const dateField = (label = '日期'): FieldDef => ({
  key: 'date',
  label,
  type: 'date',
  required: true,
  listed: true,
  aliases: ['日期', '时间'],
});
export const titleField = (label = '名称', max = 200): FieldDef => ({
  key: 'title',
  label,
  type: 'text',
  required: true,
  max,
  listed: true,
  aliases: ['名称', '标题', '事项', '内容'],
});
export const organiserField: FieldDef = { key: 'organiser', label: '承办科室/站所', type: 'text', max: 50 };
export const villageField: FieldDef = {
  key: 'village',
  label: '村（社区）',
  type: 'village',
  listed: true,
  aliases: ['村', '社区', '村社区', '地点'],
};
export const noteField: FieldDef = { key: 'note', label: '备注', type: 'textarea', max: 2000, aliases: ['说明'] };
export const countField = (key: string, label: string, unit: string, listed = false): FieldDef => ({
  key,
  label,
  type: 'int',
  min: 0,
  max: 1_000_000,
  unit,
  listed,
});
