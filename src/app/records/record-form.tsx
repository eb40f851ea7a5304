/**
 * 新增 / 编辑 one record: a form generated from the kind's fields, managed fields shown read-only,
 * the core's per-field errors under the inputs and quick hints as the clerk leaves a field;
 * below them the record's 附件 (./attachments-section.tsx).
 */
import { Alert, Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { FormModal } from '../lib/form-modal';
import { asApiError, call, formFailure, type KindDef, type LedgerRecord } from '../lib/api';
import { useFieldForm } from '../lib/use-field-form';
import { hrefFor } from '../router';
import { useLedger } from '../state/ledger';
import { LifecycleStepper } from '../normative/lifecycle';
import { FieldInput } from './field-input';
import { clientHint, defaultDateFor, editableFields, initialValues, toPayload } from './form-values';
import { formatValue } from './format';
import { AttachmentsSection } from './attachments-section';
import { formatDocNumber } from '@rules/doc-number';

interface Props {
  kind: KindDef;
  /** The record to edit, or null for 新增. */
  record: LedgerRecord | null;
  onClose: () => void;
  onSaved: (rec: LedgerRecord, created: boolean) => void;
  /** A file was added or removed (saved at once, whatever becomes of the form). */
  onAttachmentsChanged?: () => void;
}

const WIDE = new Set(['textarea', 'tags']);

export function RecordForm({ kind, record, onClose, onSaved, onAttachmentsChanged }: Props) {
  const { settings, year } = useLedger();
  const fields = editableFields(kind);
  // Short fields flow two to a row in definition order; long texts and lists follow, full width.
  const laidOut = [...fields.filter((f) => !WIDE.has(f.type)), ...fields.filter((f) => WIDE.has(f.type))];
  // The cursor starts in the first field that does not pop a calendar over the form.
  const firstFocus = laidOut.find((f) => f.type !== 'date');
  const byKey = new Map(kind.fields.map((f) => [f.key, f]));
  const form = useFieldForm(() => initialValues(kind, record?.data ?? null, defaultDateFor(year)), (key, v) => {
    const f = byKey.get(key);
    return f ? clientHint(f, v) : '';
  });
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    form.clearFailure();
    const data = toPayload(fields, form.values);
    try {
      const saved = record ? await call('records.update', { id: record.id, data }) : await call('records.create', { kind: kind.id, data });
      onSaved(saved, !record);
    } catch (err) {
      form.fail(asApiError(err));
    } finally {
      setSaving(false);
    }
  };

  const failure = formFailure(form.failure);
  const managed = record ? kind.fields.filter((f) => f.managed && record.data[f.key] !== undefined) : [];
  const isNormative = kind.id === 'normativeDoc';

  return (
    <FormModal opened title={`${record ? '编辑' : '新增'}${kind.label}`} onClose={onClose} onSubmit={save} saving={saving} failure={failure} testId="record-form">
      {isNormative && record && (
        <Paper withBorder p="sm" mb="md" bg="gray.0">
          <Text size="sm" fw={600} mb={8}>
            {String(record.data.number ?? '')}
          </Text>
          <LifecycleStepper data={record.data} />
        </Paper>
      )}
      {isNormative && !record && <NormativeNumberNote code={settings.normativeCode} year={year} />}
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
        {laidOut.map((f) => (
          <div key={f.key} className={WIDE.has(f.type) ? 'span-all' : f.type === 'bool' ? 'field-bool' : undefined} data-field={f.key}>
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
      {managed.length > 0 && (
        <Paper withBorder p="sm" mt="md" bg="gray.0" data-testid="managed-fields">
          <Text size="xs" c="dimmed" mb={6}>
            以下由系统按办理环节记录，不能在此修改
          </Text>
          <SimpleGrid cols={2} spacing="md" verticalSpacing={4}>
            {managed.map((f) => (
              <Text key={f.key} size="sm">
                <Text span c="dimmed" size="sm">
                  {f.label}：
                </Text>
                {formatValue(f, record?.data[f.key])}
              </Text>
            ))}
          </SimpleGrid>
        </Paper>
      )}
      <AttachmentsSection recordId={record?.id ?? null} onChanged={onAttachmentsChanged} />
    </FormModal>
  );
}

function NormativeNumberNote({ code, year }: { code: string; year: number }) {
  return code ? (
    <Text size="sm" c="dimmed" mb="sm">
      保存后自动生成统一编号（如“{formatDocNumber(code, year, 1)}”），环节为“起草”。
    </Text>
  ) : (
    <Alert color="yellow" mb="sm" py={8}>
      尚未填写规范性文件代字，无法生成统一编号。请先到 <Anchor href={hrefFor({ name: 'settings' })}>设置</Anchor> 中填写。
    </Alert>
  );
}
