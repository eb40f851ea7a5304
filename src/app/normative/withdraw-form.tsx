/** 撤回 a 行政规范性文件, with the reason the core requires; a withdrawn document goes no further. */
import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormModal } from '../lib/modal';
import { asApiError, call, formFailure, type LedgerRecord } from '../lib/api';
import { useFieldForm } from '../lib/use-field-form';
import { useGuardedClose } from '../lib/use-guarded-close';

interface Props {
  record: LedgerRecord;
  onClose: () => void;
  onDone: (rec: LedgerRecord) => void;
}

export function WithdrawForm({ record, onClose, onDone }: Props) {
  const form = useFieldForm<{ reason: string }>({ reason: '' }, (_k, v) => (String(v ?? '').trim() ? '' : '请填写撤回原因'));
  const [saving, setSaving] = useState(false);
  const closeForm = useGuardedClose(form.values.reason.trim() !== '', onClose, '撤回原因尚未确认，确定放弃吗？');
  const save = async () => {
    setSaving(true);
    form.clearFailure();
    try {
      onDone(await call('normativeDocs.withdraw', { id: record.id, reason: form.values.reason }));
    } catch (err) {
      // The core names the reason field withdrawReason.
      const e = asApiError(err);
      form.fail({ ...e, issues: e.issues.map((i) => (i.field === 'withdrawReason' ? { ...i, field: 'reason' } : i)) });
    } finally {
      setSaving(false);
    }
  };
  const failure = formFailure(form.failure);
  return (
    <FormModal
      opened
      title="撤回规范性文件"
      onClose={closeForm}
      onSubmit={save}
      saving={saving}
      failure={failure}
      submitLabel="确认撤回"
      submitColor="red"
      size={480}
      testId="withdraw-form"
    >
      <Text size="sm" mb="sm">
        {String(record.data.number ?? '')}　{String(record.data.title ?? '')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        撤回后该文件不能再办理后续环节，记录仍保留在台账中。
      </Text>
      <TextInput
        label="撤回原因"
        withAsterisk
        data-autofocus
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.currentTarget.value)}
        onBlur={() => form.blur('reason')}
        error={form.error('reason')}
        maxLength={200}
      />
    </FormModal>
  );
}
