/**
 * 新增 / 编辑 one record: a form generated from the kind's fields, managed fields shown read-only,
 * the core's per-field errors under the inputs and quick hints as the clerk leaves a field;
 * below them the record's 附件 (./attachments-section.tsx).
 *
 * Files chosen for a new record wait in the form and are uploaded right after the record is
 * created. If one fails, the record stays saved and the form stays open on it (now 编辑), saying
 * which file failed and offering 重试 — the clerk is never left thinking everything was kept.
 */
import { Alert, Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { requiredNow } from '@rules/kinds/required';
import { FormModal } from '../lib/modal';
import { asApiError, call, formFailure, type FieldDef, type KindDef, type LedgerRecord, type RecordData } from '../lib/api';
import { useFieldForm } from '../lib/use-field-form';
import { useGuardedClose, valuesDiffer } from '../lib/use-guarded-close';
import { hrefFor } from '../router';
import { useLedger } from '../state/ledger';
import { LifecycleStepper } from '../normative/lifecycle';
import { NormativeHistory } from '../normative/history';
import { FormField, WIDE_TYPES } from './form-field';
import { clientHint, defaultDateFor, editableFields, initialValues, toPayload } from './form-values';
import { formatValue } from './format';
import { AttachmentsSection, uploadPending, type PendingFile } from './attachments-section';
import { formatDocNumber } from '@rules/doc-number';

interface Props {
  kind: KindDef;
  /** The record to edit, or null for 新增. */
  record: LedgerRecord | null;
  onClose: () => void;
  onSaved: (rec: LedgerRecord, created: boolean) => void;
  /** A file was added or removed (saved at once, whatever becomes of the form). */
  onAttachmentsChanged?: () => void;
  /** Values a new record starts with (a problem's 去登记: 类型 = 法治考试). */
  prefill?: RecordData;
  /** The month (1–12) a missing record belongs to: its date starts empty, the calendar there. */
  month?: number;
}

export function RecordForm({ kind, record: given, onClose, onSaved, onAttachmentsChanged, prefill, month }: Props) {
  // A new record whose files did not all upload becomes this form's record (see save).
  const [created, setCreated] = useState<LedgerRecord | null>(null);
  const record = given ?? created;
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [uploading, setUploading] = useState('');
  const [viewing, setViewing] = useState(false);
  const { settings, year } = useLedger();
  const fields = editableFields(kind);
  // Short fields flow two to a row in definition order; long texts and lists follow, full width.
  const laidOut = [...fields.filter((f) => !WIDE_TYPES.has(f.type)), ...fields.filter((f) => WIDE_TYPES.has(f.type))];
  // The cursor starts in the first field on screen (a date's calendar waits for a click or Alt+↓),
  // so Tab follows the screen's order.
  const firstFocus = laidOut[0];
  const byKey = new Map(kind.fields.map((f) => [f.key, f]));
  // Required as the form stands: a requiredIf rule (类型 = 法治考试 → 应考人数) marks its field at once.
  const need = useRef<ReadonlySet<string>>(new Set());
  const asShown = (f: FieldDef): FieldDef => (need.current.has(f.key) && !f.required ? { ...f, required: true } : f);
  // A missing month's record gets no date of today's: the clerk picks the day, the calendar on that month.
  const backfill = !record && month ? `${year}-${String(month).padStart(2, '0')}-01` : undefined;
  const [start] = useState(() => ({
    ...initialValues(kind, record?.data ?? null, backfill ? '' : defaultDateFor(year)),
    ...(record ? {} : prefill),
  }));
  const form = useFieldForm(start, (key, v) => {
    const f = byKey.get(key);
    return f ? clientHint(asShown(f), v) : '';
  });
  need.current = requiredNow(kind, form.values);
  const [saving, setSaving] = useState(false);
  const closeForm = useGuardedClose(valuesDiffer(form.values, start), onClose, `${kind.label}有修改尚未保存，确定放弃吗？`);

  const save = async () => {
    setSaving(true);
    form.clearFailure();
    const data = toPayload(fields, form.values);
    let saved: LedgerRecord;
    try {
      saved = record ? await call('records.update', { id: record.id, data }) : await call('records.create', { kind: kind.id, data });
    } catch (err) {
      form.fail(asApiError(err));
      setSaving(false);
      return;
    }
    // Files chosen before the first save go up now, against the new record.
    const failed: PendingFile[] = [];
    if (!record && pending.length) {
      for (const [i, p] of pending.entries()) {
        setUploading(`正在保存附件（${i + 1}/${pending.length}）${p.file.name}`);
        try {
          await uploadPending(saved.id, p);
        } catch (err) {
          failed.push({ ...p, problem: asApiError(err).message });
        }
      }
      setUploading('');
    }
    setSaving(false);
    if (!failed.length) {
      onSaved(saved, !record);
      return;
    }
    setCreated(saved);
    setPending(failed);
    onAttachmentsChanged?.();
    form.fail({
      code: 'IO',
      message: `记录已保存，但有 ${failed.length} 个附件未能保存，请在“附件”中重试或移除`,
      issues: failed.map((p) => ({ message: `“${p.file.name}”：${p.problem}` })),
    });
  };

  const failure = formFailure(form.failure);
  const lifecycle = kind.lifecycle;
  // A lifecycle's history is shown under its stepper, not as a raw field.
  const managed = record ? kind.fields.filter((f) => f.managed && record.data[f.key] !== undefined && f.key !== lifecycle?.history) : [];

  return (
    <FormModal
      opened
      title={`${record ? '编辑' : '新增'}${kind.label}`}
      onClose={closeForm}
      onSubmit={save}
      saving={saving}
      failure={failure}
      testId="record-form"
      closeOnEscape={!viewing}
    >
      {lifecycle && record && (
        <Paper withBorder p="sm" mb="md" bg="gray.0">
          <Text size="sm" fw={600} mb={8}>
            {kind.numbering ? String(record.data[kind.numbering.field] ?? '') : ''}
          </Text>
          <LifecycleStepper data={record.data} />
          <NormativeHistory data={record.data} />
        </Paper>
      )}
      {kind.numbering && !record && (
        <NumberNote kind={kind} numbering={kind.numbering} code={String(settings[kind.numbering.codeSetting] ?? '')} year={year} />
      )}
      {backfill && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="backfill-note">
          补登记{year}年{month}月的{kind.label}：请在日历中选定{kind.fields.find((f) => f.key === kind.dateField)?.label ?? '日期'}。
        </Text>
      )}
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
        {laidOut.map((f) => (
          <FormField key={f.key} field={asShown(f)} form={form} autoFocus={f === firstFocus} calendarMonth={backfill} />
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
      {uploading && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="pending-upload">
          {uploading}
        </Text>
      )}
      <AttachmentsSection
        kind={kind}
        data={{ ...record?.data, ...toPayload(fields, form.values) }}
        recordId={record?.id ?? null}
        pending={pending}
        onPendingChange={setPending}
        onChanged={onAttachmentsChanged}
        onViewing={setViewing}
      />
    </FormModal>
  );
}

/** What a new record of a numbered kind will get on saving, or what is missing for it. */
function NumberNote({
  kind,
  numbering,
  code,
  year,
}: {
  kind: KindDef;
  numbering: NonNullable<KindDef['numbering']>;
  code: string;
  year: number;
}) {
  const label = kind.fields.find((f) => f.key === numbering.field)?.label ?? '编号';
  const stage = kind.lifecycle && numbering.initial?.[kind.lifecycle.stage];
  return code ? (
    <Text size="sm" c="dimmed" mb="sm">
      保存后自动生成{label}（如“{formatDocNumber(code, year, 1)}”）{stage ? `，环节为“${String(stage)}”` : ''}。
    </Text>
  ) : (
    <Alert color="yellow" mb="sm" py={8}>
      {numbering.missingCode}。<Anchor href={hrefFor({ name: 'settings' })}>去设置</Anchor>
    </Alert>
  );
}
