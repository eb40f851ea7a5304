/**
 * 行政规范性文件: the statutory lifecycle 起草 → 合法性审核 → 集体审议 → 公布 → 报送备案, which only
 * ever moves one step forward, and withdrawal. The number and the lifecycle invariants are the
 * kind's own (rules/kinds/normative-doc.ts: numbering, checkStored), applied by the record store.
 */
import type { Db } from '../db/open';
import { LedgerError } from '@rules/errors';
import { nextStep, normativeDoc, OPTIONAL_STEP_FIELDS, STEP_FIELDS } from '@rules/kinds/normative-doc';
import type { RecordData } from '@rules/kinds';
import { validateRecord } from '@rules/kinds/validate';
import { getSettings } from './settings';
import { getRecord, replaceData, type LedgerRecord } from './records';

const label = (key: string) => normativeDoc.fields.find((f) => f.key === key)?.label ?? key;

export function advanceNormativeDoc(db: Db, id: string, step: string, input: RecordData): LedgerRecord {
  return db.transaction(() => {
    const rec = getRecord(db, id);
    if (rec.kind !== normativeDoc.id) throw new LedgerError('VALIDATION', '该记录不是行政规范性文件');
    if (rec.deletedAt) throw new LedgerError('CONFLICT', '该文件在回收站中，请先恢复');
    if (rec.data.withdrawn) throw new LedgerError('CONFLICT', `${String(rec.data.number)}已撤回，不能继续办理`);
    const expected = nextStep(rec.data);
    if (step !== expected) {
      throw new LedgerError(
        'CONFLICT',
        expected ? `当前处于“${String(rec.data.stage)}”环节，下一步只能是“${expected}”` : '该文件已完成全部环节',
      );
    }
    const allowed = [...STEP_FIELDS[step], ...OPTIONAL_STEP_FIELDS[step]];
    const extra = Object.keys(input).filter((k) => !allowed.includes(k));
    if (extra.length) {
      throw new LedgerError(
        'VALIDATION',
        `“${step}”环节不能填写：${extra.map(label).join('、')}`,
        extra.map((k) => ({ kind: normativeDoc.label, field: k, fieldLabel: label(k), message: `“${step}”环节不能填写此项` })),
      );
    }
    const merged: RecordData = { ...rec.data, ...input, stage: step };
    const { villages } = getSettings(db);
    const v = validateRecord(normativeDoc, merged, { villages, allowManaged: true });
    const issues = v.issues.length ? v.issues : (normativeDoc.checkStored?.(v.data) ?? []);
    if (issues.length) throw new LedgerError('VALIDATION', `“${step}”环节信息不完整`, issues);
    return replaceData(db, rec, v.data);
  })();
}

export function withdrawNormativeDoc(db: Db, id: string, reason: string): LedgerRecord {
  return db.transaction(() => {
    const rec = getRecord(db, id);
    if (rec.kind !== normativeDoc.id) throw new LedgerError('VALIDATION', '该记录不是行政规范性文件');
    if (rec.deletedAt) throw new LedgerError('CONFLICT', '该文件在回收站中，请先恢复');
    if (rec.data.withdrawn) throw new LedgerError('CONFLICT', `${String(rec.data.number)}已撤回（原因：${String(rec.data.withdrawReason)}）`);
    const r = reason.trim();
    const issue = (message: string) => [{ kind: normativeDoc.label, field: 'withdrawReason', fieldLabel: '撤回原因', message }];
    if (!r) throw new LedgerError('VALIDATION', '请填写撤回原因', issue('必填'));
    if ([...r].length > 200) throw new LedgerError('VALIDATION', '撤回原因不能超过200个字', issue(`不能超过200个字（现有${[...r].length}个字）`));
    if (/[\r\n]/.test(r)) throw new LedgerError('VALIDATION', '撤回原因不能换行', issue('不能换行'));
    return replaceData(db, rec, { ...rec.data, withdrawn: true, withdrawReason: r });
  })();
}
