/**
 * 行政规范性文件: the unified number (代字〔年〕序号, never reused) and the statutory lifecycle
 * 起草 → 合法性审核 → 集体审议 → 公布 → 报送备案, which only ever moves one step forward.
 */
import type { Db } from '../db/open';
import { LedgerError, type Issue } from '@rules/errors';
import { NORMATIVE_STEPS, OPTIONAL_STEP_FIELDS, STEP_FIELDS, type NormativeStep } from '@rules/kinds/normative-doc';

export { STEP_FIELDS };
import { normativeDoc } from '@rules/kinds/normative-doc';
import type { RecordData } from '@rules/kinds';
import { validateRecord } from '@rules/kinds/validate';
import { getSettings } from './settings';
import { getRecord, replaceData, type LedgerRecord } from './records';

const label = (key: string) => normativeDoc.fields.find((f) => f.key === key)?.label ?? key;

export function formatNormativeNumber(code: string, year: number, n: number): string {
  return `${code}〔${year}〕${n}号`;
}

export function assignNormativeNumber(db: Db, data: RecordData): RecordData {
  const { normativeCode } = getSettings(db);
  if (!normativeCode) {
    throw new LedgerError('VALIDATION', '请先在“设置”中填写规范性文件代字（如“双土府规”），再登记规范性文件', [
      { kind: '设置', field: 'normativeCode', fieldLabel: '规范性文件代字', message: '未填写' },
    ]);
  }
  const year = Number((data.registeredDate as string).slice(0, 4));
  db.prepare(
    `INSERT INTO doc_number_seq (prefix, year, last) VALUES (?, ?, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1`,
  ).run(normativeCode, year);
  const { last } = db.prepare('SELECT last FROM doc_number_seq WHERE prefix = ? AND year = ?').get(normativeCode, year) as { last: number };
  return { ...data, number: formatNormativeNumber(normativeCode, year, last), stage: '起草' };
}

/** The lifecycle invariants a stored document must satisfy (checked on import too). */
export function checkLifecycle(data: RecordData): Issue[] {
  const stage = (data.stage as NormativeStep | undefined) ?? '起草';
  const idx = NORMATIVE_STEPS.indexOf(stage);
  const issues: Issue[] = [];
  if (!data.number) issues.push({ kind: normativeDoc.label, field: 'number', fieldLabel: '统一编号', message: '缺少统一编号' });
  NORMATIVE_STEPS.forEach((step, i) => {
    for (const key of STEP_FIELDS[step]) {
      if (i <= idx && !data[key]) {
        issues.push({ kind: normativeDoc.label, field: key, fieldLabel: label(key), message: `已到“${stage}”环节，必须记录${step}的${label(key)}` });
      }
      if (i > idx && data[key]) {
        issues.push({ kind: normativeDoc.label, field: key, fieldLabel: label(key), message: `尚未到“${step}”环节，不能填写${label(key)}` });
      }
    }
  });
  if (data.withdrawn && !data.withdrawReason) {
    issues.push({ kind: normativeDoc.label, field: 'withdrawReason', fieldLabel: '撤回原因', message: '撤回的文件必须写明原因' });
  }
  return issues;
}

export function nextStep(data: RecordData): NormativeStep | null {
  const idx = NORMATIVE_STEPS.indexOf((data.stage as NormativeStep) ?? '起草');
  return idx >= 0 && idx < NORMATIVE_STEPS.length - 1 ? NORMATIVE_STEPS[idx + 1] : null;
}

export function advanceNormativeDoc(db: Db, id: string, step: string, input: RecordData): LedgerRecord {
  return db.transaction(() => {
    const rec = getRecord(db, id);
    if (rec.kind !== 'normativeDoc') throw new LedgerError('VALIDATION', '该记录不是行政规范性文件');
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
    const issues = v.issues.length ? v.issues : checkLifecycle(v.data);
    if (issues.length) throw new LedgerError('VALIDATION', `“${step}”环节信息不完整`, issues);
    return replaceData(db, rec, v.data);
  }).immediate();
}

export function withdrawNormativeDoc(db: Db, id: string, reason: string): LedgerRecord {
  return db.transaction(() => {
    const rec = getRecord(db, id);
    if (rec.kind !== 'normativeDoc') throw new LedgerError('VALIDATION', '该记录不是行政规范性文件');
    if (rec.deletedAt) throw new LedgerError('CONFLICT', '该文件在回收站中，请先恢复');
    if (rec.data.withdrawn) throw new LedgerError('CONFLICT', `${String(rec.data.number)}已撤回（原因：${String(rec.data.withdrawReason)}）`);
    const r = reason.trim();
    const issue = (message: string) => [{ kind: normativeDoc.label, field: 'withdrawReason', fieldLabel: '撤回原因', message }];
    if (!r) throw new LedgerError('VALIDATION', '请填写撤回原因', issue('必填'));
    if ([...r].length > 200) throw new LedgerError('VALIDATION', '撤回原因不能超过200个字', issue(`不能超过200个字（现有${[...r].length}个字）`));
    if (/[\r\n]/.test(r)) throw new LedgerError('VALIDATION', '撤回原因不能换行', issue('不能换行'));
    return replaceData(db, rec, { ...rec.data, withdrawn: true, withdrawReason: r });
  }).immediate();
}
