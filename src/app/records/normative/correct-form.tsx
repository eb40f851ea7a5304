/**
 * 更正 a confirmed step of a 行政规范性文件: choose the step, change its fields (prefilled with
 * what was confirmed), say why; normativeDocs.correct keeps the number and writes the history.
 */
import { Select, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { call, type KindDef, type LedgerRecord } from '../../lib/api';
import { useFieldForm } from '../../lib/use-field-form';
import { FormField } from '../../lib/form-field';
import { clientHint, toPayload } from '../../lib/form-values';
import { ReasonField, reasonHint } from './reason-dialog';
import { StepDialog } from './step-dialog';
import { NORMATIVE_STEPS, stageIndex, stepFields, type NormativeStep } from './steps';

interface Props {
  kind: KindDef;
  record: LedgerRecord;
  onClose: () => void;
  onDone: (rec: LedgerRecord, step: NormativeStep) => void;
}

/** Steps that can be corrected: the confirmed ones after 起草 (起草 is edited in 编辑). */
const correctableSteps = (r: LedgerRecord): NormativeStep[] => NORMATIVE_STEPS.slice(1, stageIndex(r.data) + 1);

const REASON = '更正原因';

export function CorrectForm({ kind, record, onClose, onDone }: Props) {
  const steps = correctableSteps(record);
  const [step, setStep] = useState<NormativeStep>(steps[steps.length - 1]);
  const fields = stepFields(kind, step);
  const startOf = (s: NormativeStep) => ({
    ...Object.fromEntries(stepFields(kind, s).map((f) => [f.key, record.data[f.key]])),
    reason: '',
  });
  const [start, setStart] = useState(() => startOf(step));
  const form = useFieldForm<Record<string, unknown>>(start, (key, v) => {
    if (key === 'reason') return reasonHint(REASON, v);
    const f = fields.find((x) => x.key === key);
    return f ? clientHint(f, v) : '';
  });

  const choose = (s: NormativeStep) => {
    const fresh = startOf(s);
    setStep(s);
    setStart(fresh);
    form.setValues({ ...fresh, reason: form.values.reason });
    form.clearFailure();
  };

  return (
    <StepDialog
      record={record}
      form={form}
      start={start}
      unsavedMessage="更正尚未保存，确定放弃吗？"
      onClose={onClose}
      submit={async () => {
        const data = toPayload(fields, form.values);
        onDone(await call('normativeDocs.correct', { id: record.id, step, data, reason: String(form.values.reason ?? '') }), step);
      }}
      title="更正已办理的环节"
      submitLabel="保存更正"
      size={640}
      testId="correct-form"
      note="更正不改变统一编号和所处环节；原内容、新内容和原因都记入“更正与退回记录”。"
    >
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
          <FormField key={`${step}-${f.key}`} field={f} form={form} />
        ))}
        <ReasonField form={form} label={REASON} placeholder="如：审核日期录入有误" className="span-all" />
      </SimpleGrid>
    </StepDialog>
  );
}
