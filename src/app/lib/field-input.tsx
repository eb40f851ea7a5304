/** One form control generated from a FieldDef: the input type, required mark, unit and error. */
import { NumberInput, Select, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { FieldDef } from './api';
import { DateField } from './date-field';

export interface FieldInputProps {
  field: FieldDef;
  value: unknown;
  onChange: (v: unknown) => void;
  onBlur?: () => void;
  error?: string;
  /** The settings' 村（社区） list: a village field is a Select when it is set, free text otherwise. */
  villages: readonly string[];
  autoFocus?: boolean;
  /** A date's calendar opens on this month (YYYY-MM-01) while the field is empty. */
  calendarMonth?: string;
}

export function FieldInput({ field: f, value, onChange, onBlur, error, villages, autoFocus, calendarMonth }: FieldInputProps) {
  // data-autofocus: the dialog's focus trap puts the cursor here when it opens.
  const common = {
    label: f.label,
    withAsterisk: !!f.required,
    error,
    onBlur,
    'data-autofocus': autoFocus || undefined,
    description: f.help,
    name: f.key,
  };
  const str = typeof value === 'string' ? value : '';
  switch (f.type) {
    case 'textarea':
      return <Textarea {...common} value={str} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={2} maxRows={6} />;
    case 'date':
      return <DateField {...common} value={str} onChange={onChange} defaultDate={calendarMonth} />;
    case 'int':
    case 'money':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={onChange}
          // The minus sign is kept so a typed -50 is refused with a message, not silently made 50.
          allowNegative
          allowDecimal={f.type === 'money'}
          decimalScale={f.type === 'money' ? 2 : 0}
          thousandSeparator=","
          hideControls
          rightSection={f.unit ? <span className="input-unit">{f.unit}</span> : undefined}
          rightSectionWidth={f.unit ? 44 : undefined}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={[...(f.options ?? [])]}
          value={str || null}
          onChange={(v) => onChange(v ?? '')}
          clearable={!f.required}
          placeholder="请选择"
          maxDropdownHeight={300}
        />
      );
    case 'village':
      return villages.length ? (
        <Select
          {...common}
          data={[...villages]}
          value={str || null}
          onChange={(v) => onChange(v ?? '')}
          clearable
          searchable
          placeholder="请选择"
          nothingFoundMessage="名单中没有该村（社区）"
        />
      ) : (
        <TextInput {...common} value={str} onChange={(e) => onChange(e.currentTarget.value)} placeholder="可在“设置”中维护村（社区）名单" />
      );
    case 'bool':
      return (
        <Switch
          label={f.label}
          error={error}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          size="sm"
          name={f.key}
        />
      );
    case 'tags':
      return (
        <TagsInput
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
          data={f.key === 'villages' || /村|社区/.test(f.label) ? [...villages] : []}
          placeholder="输入后按回车添加"
          clearable
        />
      );
    default:
      return <TextInput {...common} value={str} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
