/**
 * 更正 a confirmed step of a 行政规范性文件: choose the step, change its fields (prefilled with
 * what was confirmed), say why; normativeDocs.correct keeps the number and writes the history.
 */
import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormModal } from '../lib/modal';
import { asApiError, call, formFailure, type KindDef, type LedgerRecord } from '../lib/api';
import { useFieldForm } from '../lib/use-field-form';
import { useGuardedClose, valuesDiffer } from '../lib/use-guarded-close';
import { FieldInput } from '../records/field-input';
import { clientHint, toPayload } from '../records/form-values';
import { useLedger } from '../state/ledger';
import { NORMATIVE_STEPS, OPTIONAL_STEP_FIELDS, STEP_FIELDS, stageIndex, type NormativeStep } from './steps';

interface Props {
  kind: KindDef;
  record: LedgerRecord;
  onClose: () => void;
  onDone: (rec: LedgerRecord, step: NormativeStep) => void;
}

/** Steps that can be corrected: the confirmed ones after 起草 (起草 is edited in 编辑). */
export const correctableSteps = (r: LedgerRecord): NormativeStep[] => NORMATIVE_STEPS.slice(1, stageIndex(r.data) + 1);

export function CorrectForm({ kind, record, onClose, onDone }: Props) {
  const { settings } = useLedger();
  const steps = correctableSteps(record);
  const [step, setStep] = useState<NormativeStep>(steps[steps.length - 1]);
  const fieldsOf = (s: NormativeStep) =>
    [...STEP_FIELDS[s], ...OPTIONAL_STEP_FIELDS[s]].flatMap((k) => {
      const f = kind.fields.find((x) => x.key === k);
      return f ? [{ ...f, managed: false, required: STEP_FIELDS[s].includes(k) }] : [];
    });
  const fields = fieldsOf(step);
  const startOf = (s: NormativeStep) => ({ ...Object.fromEntries(fieldsOf(s).map((f) => [f.key, record.data[f.key]])), reason: '' });
  const [start, setStart] = useState(() => startOf(step));
  const form = useFieldForm<Record<string, unknown>>(start, (key, v) => {
    if (key === 'reason') return String(v ?? '').trim() ? '' : '请填写更正原因';
    const f = fields.find((x) => x.key === key);
    return f ? clientHint(f, v) : '';
  });
  const [saving, setSaving] = useState(false);
  const closeForm = useGuardedClose(valuesDiffer(form.values, start), onClose, '更正尚未保存，确定放弃吗？');

  const choose = (s: NormativeStep) => {
    const fresh = startOf(s);
    setStep(s);
    setStart(fresh);
    form.setValues({ ...fresh, reason: form.values.reason });
    form.clearFailure();
  };
  const save = async () => {
    setSaving(true);
    form.clearFailure();
    try {
      onDone(
        await call('normativeDocs.correct', {
          id: record.id,
          step,
          data: toPayload(fields, form.values),
          reason: String(form.values.reason ?? ''),
        }),
        step,
      );
    } catch (err) {
      form.fail(asApiError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal
      opened
      title="更正已办理的环节"
      onClose={closeForm}
      onSubmit={save}
      saving={saving}
      failure={formFailure(form.failure)}
      submitLabel="保存更正"
      size={640}
      testId="correct-form"
    >
      <Text size="sm" mb={4}>
        {String(record.data.number ?? '')}　{String(record.data.title ?? '')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        更正不改变统一编号和所处环节；原内容、新内容和原因都记入“更正与退回记录”。
      </Text>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
        <Select
          label="更正环节"
          data={steps}
          value={step}
          onChange={(v) => v && choose(v as NormativeStep)}
          allowDeselect={false}
          withAsterisk
        />
        <div />
        {fields.map((f) => (
          <div key={`${step}-${f.key}`} className={f.type === 'textarea' ? 'span-all' : undefined} data-field={f.key}>
            <FieldInput
              field={f}
              value={form.values[f.key]}
              onChange={(v) => form.set(f.key, v)}
              onBlur={() => form.blur(f.key)}
              error={form.error(f.key)}
              villages={settings.villages}
            />
          </div>
        ))}
        <div className="span-all" data-field="reason">
          <TextInput
            label="更正原因"
            withAsterisk
            data-autofocus
            placeholder="如：审核日期录入有误"
            value={String(form.values.reason ?? '')}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            onBlur={() => form.blur('reason')}
            error={form.error('reason')}
            maxLength={200}
          />
        </div>
      </SimpleGrid>
    </FormModal>
  );
}
