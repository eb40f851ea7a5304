/** 退回 a 行政规范性文件 one step, with a reason; the step's data is cleared into the history. */
import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormModal } from '../lib/modal';
import { asApiError, call, formFailure, type LedgerRecord } from '../lib/api';
import { useFieldForm } from '../lib/use-field-form';
import { useGuardedClose } from '../lib/use-guarded-close';
import { NORMATIVE_STEPS, stageIndex, stageOf } from './steps';

interface Props {
  record: LedgerRecord;
  onClose: () => void;
  onDone: (rec: LedgerRecord) => void;
}

export function ReturnForm({ record, onClose, onDone }: Props) {
  const form = useFieldForm<{ reason: string }>({ reason: '' }, (_k, v) => (String(v ?? '').trim() ? '' : '请填写退回原因'));
  const [saving, setSaving] = useState(false);
  const closeForm = useGuardedClose(form.values.reason.trim() !== '', onClose, '退回原因尚未确认，确定放弃吗？');
  const stage = stageOf(record.data);
  const back = NORMATIVE_STEPS[stageIndex(record.data) - 1];
  const save = async () => {
    setSaving(true);
    form.clearFailure();
    try {
      onDone(await call('normativeDocs.return', { id: record.id, reason: form.values.reason }));
    } catch (err) {
      form.fail(asApiError(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormModal
      opened
      title="退回上一环节"
      onClose={closeForm}
      onSubmit={save}
      saving={saving}
      failure={formFailure(form.failure)}
      submitLabel={`退回到“${back}”`}
      submitColor="orange"
      size={480}
      testId="return-form"
    >
      <Text size="sm" mb="sm">
        {String(record.data.number ?? '')}　{String(record.data.title ?? '')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        “{stage}”环节已填写的内容将清空（原内容记入“更正与退回记录”），可重新办理；统一编号不变。
      </Text>
      <div data-field="reason">
        <TextInput
          label="退回原因"
          withAsterisk
          data-autofocus
          value={form.values.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          onBlur={() => form.blur('reason')}
          error={form.error('reason')}
          maxLength={200}
        />
      </div>
    </FormModal>
  );
}
