/**
 * One generated field as the record form and the 规范性文件 step dialogs place it in their
 * two-column grid, wired to the form's state (lib/use-field-form.ts). The wrapper carries the
 * field's key (data-field) so a failed save scrolls to it and tests find its message.
 */
import type { FieldDef } from './api';
import type { FieldForm, Values } from './use-field-form';
import { useLedger } from '../state/ledger';
import { FieldInput } from './field-input';

/** Field types that take a whole row: long texts and lists. */
export const WIDE_TYPES: ReadonlySet<FieldDef['type']> = new Set(['textarea', 'tags']);

interface Props<V extends Values> {
  /** The field as shown (its required mark may come from the form's state). */
  field: FieldDef;
  form: FieldForm<V>;
  autoFocus?: boolean;
  /** A date field's calendar opens on this month (YYYY-MM-01) while it is empty. */
  calendarMonth?: string;
}

export function FormField<V extends Values>({ field: f, form, autoFocus, calendarMonth }: Props<V>) {
  const { settings } = useLedger();
  return (
    <div className={WIDE_TYPES.has(f.type) ? 'span-all' : f.type === 'bool' ? 'field-bool' : undefined} data-field={f.key}>
      <FieldInput
        field={f}
        value={form.values[f.key]}
        onChange={(v) => form.set(f.key, v)}
        onBlur={() => form.blur(f.key)}
        error={form.error(f.key)}
        villages={settings.villages}
        autoFocus={autoFocus}
        calendarMonth={calendarMonth}
      />
    </div>
  );
}
