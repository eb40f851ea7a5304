/** 办理 the next lifecycle step of a 行政规范性文件: only that step's fields, then normativeDocs.advance. */
import { SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { FormModal } from '../lib/modal';
import { asApiError, call, formFailure, type KindDef, type LedgerRecord } from '../lib/api';
import { useFieldForm } from '../lib/use-field-form';
import { useGuardedClose, valuesDiffer } from '../lib/use-guarded-close';
import { FieldInput } from '../records/field-input';
import { clientHint, defaultDateFor, toPayload } from '../records/form-values';
import { useLedger } from '../state/ledger';
import { LifecycleStepper } from './lifecycle';
import { OPTIONAL_STEP_FIELDS, STEP_FIELDS, type NormativeStep } from './steps';

interface Props {
  kind: KindDef;
  record: LedgerRecord;
  step: NormativeStep;
  onClose: () => void;
  onDone: (rec: LedgerRecord) => void;
}

export function StepForm({ kind, record, step, onClose, onDone }: Props) {
  const { settings, year } = useLedger();
  const required = STEP_FIELDS[step];
  const keys = [...required, ...OPTIONAL_STEP_FIELDS[step]];
  // The step's fields are managed in the kind (never in the record form); here they are the input.
  const fields = keys.flatMap((k) => {
    const f = kind.fields.find((x) => x.key === k);
    return f ? [{ ...f, managed: false, required: required.includes(k) }] : [];
  });
  // The date comes prefilled; the cursor starts in the first field still to be typed.
  const firstFocus = fields.find((f) => f.type !== 'date');
  const [start] = useState(() => Object.fromEntries(fields.filter((f) => f.type === 'date').map((f) => [f.key, defaultDateFor(year)])));
  const form = useFieldForm(start, (key, v) => {
    const f = fields.find((x) => x.key === key);
    return f ? clientHint(f, v) : '';
  });
  const [saving, setSaving] = useState(false);
  const closeForm = useGuardedClose(valuesDiffer(form.values, start), onClose, `“${step}”环节有填写尚未确认，确定放弃吗？`);

  const save = async () => {
    setSaving(true);
    form.clearFailure();
    try {
      onDone(await call('normativeDocs.advance', { id: record.id, step, data: toPayload(fields, form.values) }));
    } catch (err) {
      form.fail(asApiError(err));
    } finally {
      setSaving(false);
    }
  };
  const failure = formFailure(form.failure);

  return (
    <FormModal
      opened
      title={`办理“${step}”`}
      onClose={closeForm}
      onSubmit={save}
      saving={saving}
      failure={failure}
      submitLabel={`确认${step}`}
      size={640}
      testId="step-form"
    >
      <Text size="sm" mb={4}>
        {String(record.data.number ?? '')}　{String(record.data.title ?? '')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        环节只能依次办理；确认后进入“{step}”环节。
      </Text>
      <LifecycleStepper data={record.data} />
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs" mt="md">
        {fields.map((f) => (
          <div key={f.key} className={f.type === 'textarea' ? 'span-all' : undefined} data-field={f.key}>
            <FieldInput
              field={f}
              value={form.values[f.key]}
              onChange={(v) => form.set(f.key, v)}
              onBlur={() => form.blur(f.key)}
              error={form.error(f.key)}
              villages={settings.villages}
              autoFocus={f === firstFocus}
            />
          </div>
        ))}
      </SimpleGrid>
    </FormModal>
  );
}
