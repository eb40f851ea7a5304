/** 办理 the next lifecycle step of a 行政规范性文件: only that step's fields, then normativeDocs.advance. */
import { SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { call, type KindDef, type LedgerRecord } from '../../lib/api';
import { useFieldForm } from '../../lib/use-field-form';
import { FormField } from '../../lib/form-field';
import { clientHint, defaultDateFor, toPayload } from '../../lib/form-values';
import { useLedger } from '../../state/ledger';
import { LifecycleStepper } from './lifecycle';
import { StepDialog } from './step-dialog';
import { stepFields, type NormativeStep } from './steps';

interface Props {
  kind: KindDef;
  record: LedgerRecord;
  step: NormativeStep;
  onClose: () => void;
  onDone: (rec: LedgerRecord) => void;
}

export function StepForm({ kind, record, step, onClose, onDone }: Props) {
  const { year } = useLedger();
  const fields = stepFields(kind, step);
  // Every dialog opens on its first field: here the step's date (prefilled with today, often to be
  // changed to the day the step was really done), then Tab on to the rest.
  const firstFocus = fields[0];
  const [start] = useState(() => Object.fromEntries(fields.filter((f) => f.type === 'date').map((f) => [f.key, defaultDateFor(year)])));
  const form = useFieldForm(start, (key, v) => {
    const f = fields.find((x) => x.key === key);
    return f ? clientHint(f, v) : '';
  });

  return (
    <StepDialog
      record={record}
      form={form}
      start={start}
      unsavedMessage={`“${step}”环节有填写尚未确认，确定放弃吗？`}
      onClose={onClose}
      submit={async () => onDone(await call('normativeDocs.advance', { id: record.id, step, data: toPayload(fields, form.values) }))}
      title={`办理“${step}”`}
      submitLabel={`确认${step}`}
      size={640}
      testId="step-form"
      note={`环节只能依次办理；确认后进入“${step}”环节。`}
    >
      <LifecycleStepper data={record.data} />
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs" mt="md">
        {fields.map((f) => (
          <FormField key={f.key} field={f} form={form} autoFocus={f === firstFocus} />
        ))}
      </SimpleGrid>
    </StepDialog>
  );
}
