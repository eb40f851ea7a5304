/** One filter control per field type: a select for enum/village/bool, a box for the rest (exact match). */
import { NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { FieldDef } from '../lib/api';
import { DateField } from '../lib/date-field';
import { parseDateText } from '../lib/date-text';
import type { FilterValue } from './use-record-list';

interface Props {
  field: FieldDef;
  value: FilterValue | undefined;
  onChange: (v: FilterValue | null) => void;
  villages: readonly string[];
  /** Compact inline use: the label becomes the placeholder. */
  inline?: boolean;
}

const BOOL_DATA = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

/** Fields that can be filtered on (long texts are reached through the search box instead). */
export const filterable = (f: FieldDef) => f.type !== 'textarea';

export function FilterControl({ field: f, value, onChange, villages, inline }: Props) {
  const labelProps = inline ? { 'aria-label': f.label, placeholder: f.label } : { label: f.label, placeholder: '全部' };
  const size = 'sm';
  // Inside the 更多筛选 popover, dropdowns render in place: one in a portal would count as a
  // click outside and close the popover.
  const comboboxProps = { withinPortal: !!inline };
  if (f.type === 'enum' || (f.type === 'village' && villages.length)) {
    const data = f.type === 'enum' ? [...(f.options ?? [])] : [...villages];
    return (
      <Select
        {...labelProps}
        size={size}
        data={data}
        value={value === undefined ? null : String(value)}
        onChange={(v) => onChange(v)}
        clearable
        searchable={data.length > 8}
        w={inline ? 168 : undefined}
        comboboxProps={comboboxProps}
      />
    );
  }
  if (f.type === 'bool') {
    return (
      <Select
        {...labelProps}
        size={size}
        data={BOOL_DATA}
        value={value === undefined ? null : String(value)}
        onChange={(v) => onChange(v === null ? null : v === 'true')}
        clearable
        w={inline ? 120 : undefined}
        comboboxProps={comboboxProps}
      />
    );
  }
  if (f.type === 'int' || f.type === 'money') {
    return (
      <NumberInput
        {...labelProps}
        size={size}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        hideControls
        decimalScale={f.type === 'money' ? 2 : 0}
      />
    );
  }
  if (f.type === 'date')
    return <DateFilter {...labelProps} value={typeof value === 'string' ? value : ''} onChange={onChange} popoverProps={comboboxProps} />;
  return <TextFilter {...labelProps} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
}

function DateFilter({
  value,
  onChange,
  ...rest
}: {
  value: string;
  onChange: (v: string | null) => void;
  label?: string;
  placeholder?: string;
  popoverProps: { withinPortal: boolean };
}) {
  const [text, setText] = useState(value);
  return (
    <DateField
      {...rest}
      size="sm"
      value={text}
      onChange={(t) => {
        setText(t);
        if (!t) onChange(null);
        else if (parseDateText(t)) onChange(t);
      }}
    />
  );
}

function TextFilter({
  value,
  onChange,
  ...rest
}: {
  value: string;
  onChange: (v: string | null) => void;
  label?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const apply = useDebouncedCallback((t: string) => onChange(t.trim() || null), 300);
  return (
    <TextInput
      {...rest}
      size="sm"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        apply(e.currentTarget.value);
      }}
    />
  );
}
