/** One form control generated from a FieldDef: the input type, required mark, unit and error. */
import { NumberInput, Switch, Textarea, TextInput } from '@mantine/core';
import { ChoiceField } from './choice-field';
import { ListField } from './list-field';
import type { FieldDef } from './api';
import { DateField } from './date-field';
import { checkValue } from '@rules/kinds/validate';

interface FieldInputProps {
  field: FieldDef;
  value: unknown;
  onChange: (v: unknown) => void;
  onBlur?: () => void;
  error?: string;
  /** The settings' 村（社区） list: a village field is chosen from it when it is set, free text otherwise. */
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
  // What the core will say about a typed text that is not one of the choices.
  const refusal = (typed: string) => checkValue(f, typed, { villages }).error ?? '';
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
        <ChoiceField {...common} options={f.options ?? []} value={str} onChange={onChange} clearable={!f.required} refusal={refusal} />
      );
    case 'village':
      return villages.length ? (
        <ChoiceField {...common} options={villages} value={str} onChange={onChange} clearable refusal={refusal} />
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
        <ListField
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
          suggestions={f.villageItems ? villages : []}
        />
      );
    default:
      return <TextInput {...common} value={str} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
