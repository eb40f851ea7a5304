/**
 * State and calls of the record form (record-form.tsx draws them): the values and their hints,
 * what is required as the form stands, and 保存 with the files chosen before the first save.
 */
import { useRef, useState } from 'react';
import { requiredNow } from '@rules/kinds/required';
import { asApiError, call, formFailure, type FieldDef, type KindDef, type LedgerRecord, type RecordData } from '../lib/api';
import { useFieldForm } from '../lib/use-field-form';
import { useGuardedClose, valuesDiffer } from '../lib/use-guarded-close';
import { useLedger } from '../state/ledger';
import { WIDE_TYPES } from '../lib/form-field';
import { clientHint, defaultDateFor, editableFields, initialValues, toPayload } from '../lib/form-values';
import { uploadPending, type PendingFile } from './attachment-upload';

export interface RecordFormProps {
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

export function useRecordForm({ kind, record: given, onClose, onSaved, onAttachmentsChanged, prefill, month }: RecordFormProps) {
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

  return {
    record,
    fields,
    laidOut,
    firstFocus,
    asShown,
    backfill,
    form,
    saving,
    closeForm,
    save,
    failure,
    managed,
    pending,
    setPending,
    uploading,
    viewing,
    setViewing,
    settings,
    year,
  };
}
