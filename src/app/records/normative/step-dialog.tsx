/**
 * The frame of the 行政规范性文件 lifecycle dialogs (办理, 更正, 退回, 撤回): the document's number
 * and title over a note on what the step does, the step's inputs, and saving them — the core's
 * complaint shown in the form, and Esc or 取消 asking first while what was typed would be lost.
 */
import { Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { FormModal } from '../../lib/modal';
import { asApiError, formFailure, type LedgerRecord } from '../../lib/api';
import type { FieldForm, Values } from '../../lib/use-field-form';
import { useGuardedClose, valuesDiffer } from '../../lib/use-guarded-close';

export interface StepDialogProps<V extends Values> {
  record: LedgerRecord;
  form: FieldForm<V>;
  /** The values the form started from: closing asks first while the form differs from them. */
  start: Values;
  /** The question asked before unsaved input is dropped. */
  unsavedMessage: string;
  onClose: () => void;
  /** Calls the core and hands its answer on; what it throws is shown in the form. */
  submit: () => Promise<void>;
  /** The core's names for fields this form keys differently (撤回: withdrawReason is `reason`). */
  fieldNames?: Readonly<Record<string, string>>;
  title: string;
  submitLabel: string;
  submitColor?: string;
  size: number;
  testId: string;
  note: ReactNode;
  children: ReactNode;
}

export function StepDialog<V extends Values>({
  record,
  form,
  start,
  unsavedMessage,
  onClose,
  submit,
  fieldNames = {},
  title,
  submitLabel,
  submitColor,
  size,
  testId,
  note,
  children,
}: StepDialogProps<V>) {
  const [saving, setSaving] = useState(false);
  const closeForm = useGuardedClose(valuesDiffer(form.values, start), onClose, unsavedMessage);
  const save = async () => {
    setSaving(true);
    form.clearFailure();
    try {
      await submit();
    } catch (err) {
      const e = asApiError(err);
      form.fail({
        ...e,
        issues: e.issues.map((i) => (i.field && Object.hasOwn(fieldNames, i.field) ? { ...i, field: fieldNames[i.field] } : i)),
      });
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormModal
      opened
      title={title}
      onClose={closeForm}
      onSubmit={save}
      saving={saving}
      failure={formFailure(form.failure)}
      submitLabel={submitLabel}
      submitColor={submitColor}
      size={size}
      testId={testId}
    >
      <Text size="sm" mb={4}>
        {String(record.data.number ?? '')}　{String(record.data.title ?? '')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {note}
      </Text>
      {children}
    </FormModal>
  );
}
