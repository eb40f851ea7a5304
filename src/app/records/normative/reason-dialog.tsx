/**
 * The reason the core requires for 更正, 退回 and 撤回: its input, its quick hint, and the dialog
 * that asks for nothing else (退回, 撤回).
 */
import { TextInput } from '@mantine/core';
import type { LedgerRecord } from '../../lib/api';
import { useFieldForm, type FieldForm, type Values } from '../../lib/use-field-form';
import { StepDialog, type StepDialogProps } from './step-dialog';

/** The hint under an empty reason once the clerk has left it: 请填写退回原因. */
export const reasonHint = (label: string, value: unknown): string => (String(value ?? '').trim() ? '' : `请填写${label}`);

interface FieldProps<V extends Values> {
  form: FieldForm<V>;
  /** 更正原因, 退回原因, 撤回原因. */
  label: string;
  placeholder?: string;
  className?: string;
}

/** The form's `reason`; the cursor starts here (the dialog's focus trap honours data-autofocus). */
export function ReasonField<V extends Values>({ form, label, placeholder, className }: FieldProps<V>) {
  return (
    <div className={className} data-field="reason">
      <TextInput
        label={label}
        withAsterisk
        data-autofocus
        placeholder={placeholder}
        value={String(form.values.reason ?? '')}
        onChange={(e) => form.set('reason', e.currentTarget.value)}
        onBlur={() => form.blur('reason')}
        error={form.error('reason')}
        maxLength={200}
      />
    </div>
  );
}

/** What the page gives a reason-only dialog (退回, 撤回). */
export interface ReasonFormProps {
  record: LedgerRecord;
  onClose: () => void;
  onDone: (rec: LedgerRecord) => void;
}

type ReasonDialogProps = ReasonFormProps &
  Pick<StepDialogProps<Values>, 'fieldNames' | 'title' | 'submitLabel' | 'submitColor' | 'testId' | 'note'> & {
    /** 退回原因, 撤回原因: the field's label, also worded into its hint and the unsaved question. */
    label: string;
    /** Sends the reason to the core. */
    send: (reason: string) => Promise<LedgerRecord>;
  };

const START = { reason: '' };

/** A step dialog whose only input is the reason. */
export function ReasonDialog({ label, send, onDone, ...frame }: ReasonDialogProps) {
  const form = useFieldForm<{ reason: string }>(START, (_k, v) => reasonHint(label, v));
  return (
    <StepDialog
      {...frame}
      form={form}
      start={START}
      unsavedMessage={`${label}尚未确认，确定放弃吗？`}
      submit={async () => onDone(await send(form.values.reason))}
      size={480}
    >
      <ReasonField form={form} label={label} />
    </StepDialog>
  );
}
