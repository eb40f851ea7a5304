/**
 * The options of a chip's chosen display rule: the 约数 granularity and 汉字 (十余场、近千人), the
 * decimals of 万元 and 百分比, 万元 below 1万, and the step of “以上”. The wording each produces is
 * the rule's own (@rules/figures/format), the same in the preview, the HTML and the DOCX.
 */
import { Checkbox, NumberInput, Select } from '@mantine/core';
import type { FigureSegment } from '../types';

type DisplayRule = NonNullable<FigureSegment['rule']>;

const GRANULARITY = [
  { value: 'auto', label: '自动' },
  { value: '10', label: '到十位' },
  { value: '100', label: '到百位' },
  { value: '1000', label: '到千位' },
  { value: '10000', label: '到万位' },
];
const STEPS = [
  { value: '10', label: '到十（60%以上）' },
  { value: '5', label: '到五（95%以上）' },
  { value: '1', label: '到个位（98%以上）' },
];

export function RuleOptions({ rule, onChange }: { rule: DisplayRule | undefined; onChange(rule: DisplayRule): void }) {
  if (!rule) return null;
  const hanzi = (r: Extract<DisplayRule, { type: 'approx' | 'near' }>) => (
    <Checkbox
      size="xs"
      label={r.type === 'near' ? '用汉字（如“近千人”）' : '用汉字（如“十余场”“一万四千余份”）'}
      checked={!!r.hanzi}
      onChange={(e) => onChange({ ...r, hanzi: e.currentTarget.checked || undefined })}
    />
  );
  switch (rule.type) {
    case 'approx':
      return (
        <>
          <Select
            size="xs"
            label="约到"
            value={rule.granularity ? String(rule.granularity) : 'auto'}
            data={GRANULARITY}
            onChange={(v) => onChange({ ...rule, granularity: v === 'auto' || !v ? undefined : (Number(v) as 10) })}
            comboboxProps={{ withinPortal: false }}
          />
          {hanzi(rule)}
        </>
      );
    case 'near':
      return hanzi(rule);
    case 'wan':
    case 'percent':
      return (
        <>
          <NumberInput
            size="xs"
            label="保留小数位（不填则自动）"
            min={0}
            max={rule.type === 'wan' ? 6 : 4}
            value={rule.decimals ?? ''}
            onChange={(v) => onChange({ ...rule, decimals: v === '' ? undefined : Number(v) })}
          />
          {rule.type === 'wan' && (
            <Checkbox
              size="xs"
              label="不足1万元也写万元（默认写元，如“7610元”）"
              checked={!!rule.alwaysWan}
              onChange={(e) => onChange({ ...rule, alwaysWan: e.currentTarget.checked || undefined })}
            />
          )}
        </>
      );
    case 'atLeast':
      return (
        <Select
          size="xs"
          label="向下取整"
          value={String(rule.step ?? 10)}
          data={STEPS}
          onChange={(v) => onChange({ ...rule, step: v ? (Number(v) as 10) : undefined })}
          comboboxProps={{ withinPortal: false }}
        />
      );
    default:
      return null;
  }
}
