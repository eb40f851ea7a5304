/**
 * 行政规范性文件: the statutory lifecycle 起草 → 合法性审核 → 集体审议 → 公布 → 报送备案, which only
 * ever moves one step forward, and withdrawal. The number and the lifecycle invariants are the
 * kind's own (rules/kinds/normative-doc.ts: numbering, checkStored), applied by the record store.
 */
import type { Db } from '../db/open';
import { LedgerError, type Issue } from '@rules/errors';
import { nextStep, NORMATIVE_STEPS, normativeDoc, OPTIONAL_STEP_FIELDS, STEP_FIELDS, type NormativeStep } from '@rules/kinds/normative-doc';
import type { RecordData } from '@rules/kinds';
import { validateRecord } from '@rules/kinds/validate';
import { appendHistory } from '@rules/kinds/normative-history';
import { getSettings } from './settings';
import { getRecord, replaceData, type LedgerRecord } from './records';

const label = (key: string) => normativeDoc.fields.find((f) => f.key === key)?.label ?? key;

export function advanceNormativeDoc(db: Db, id: string, step: string, input: RecordData): LedgerRecord {
  return db
    .transaction(() => {
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
      return replaceData(db, rec, validStep(db, merged, step));
    })
    .immediate();
}

/** The whole document validated, or one error whose title says what is wrong: dates or gaps. */
function validStep(db: Db, merged: RecordData, step: string): RecordData {
  const { villages } = getSettings(db);
  const v = validateRecord(normativeDoc, merged, { villages, allowManaged: true });
  const issues = v.issues.length ? v.issues : (normativeDoc.checkStored?.(v.data) ?? []);
  if (issues.length) throw new LedgerError('VALIDATION', stepErrorTitle(step, issues), issues);
  return v.data;
}

const DATE_ORDER_TARGETS = new Set((normativeDoc.rules ?? []).flatMap((r) => (r.type === 'dateOrder' ? [r.to] : [])));

/** 「环节日期早于前一环节」 when every problem is a date before the step it follows, else 信息不完整/有误. */
function stepErrorTitle(step: string, issues: readonly Issue[]): string {
  const order = (i: Issue) => !!i.field && DATE_ORDER_TARGETS.has(i.field) && i.message.startsWith('不能早于');
  if (issues.every(order)) return `“${step}”的日期早于前一环节`;
  if (issues.every((i) => i.message === '必填' || i.message.startsWith('已到'))) return `“${step}”环节信息不完整`;
  return `“${step}”环节信息有误`;
}

function openDoc(db: Db, id: string): LedgerRecord {
  const rec = getRecord(db, id);
  if (rec.kind !== 'normativeDoc') throw new LedgerError('VALIDATION', '该记录不是行政规范性文件');
  if (rec.deletedAt) throw new LedgerError('CONFLICT', '该文件在回收站中，请先恢复');
  if (rec.data.withdrawn) throw new LedgerError('CONFLICT', `${String(rec.data.number)}已撤回，不能再更正或退回`);
  return rec;
}

function checkReason(reason: string, what: string): string {
  const r = reason.trim();
  const issue = (message: string) => [{ kind: normativeDoc.label, field: 'reason', fieldLabel: `${what}原因`, message }];
  if (!r) throw new LedgerError('VALIDATION', `请填写${what}原因`, issue('必填'));
  if ([...r].length > 200)
    throw new LedgerError('VALIDATION', `${what}原因不能超过200个字`, issue(`不能超过200个字（现有${[...r].length}个字）`));
  if (/[\r\n]/.test(r)) throw new LedgerError('VALIDATION', `${what}原因不能换行`, issue('不能换行'));
  return r;
}

const stepKeys = (step: NormativeStep) => [...STEP_FIELDS[step], ...OPTIONAL_STEP_FIELDS[step]];
const shown = (v: unknown) => (v === undefined || v === '' ? '（空）' : String(v));

/**
 * 更正: changes the data of a step already confirmed (合法性审核 and later), with a reason. The
 * number and the stage stay; the old and new values go into the history.
 */
export function correctNormativeDoc(db: Db, id: string, step: string, input: RecordData, reason: string, today: string): LedgerRecord {
  return db
    .transaction(() => {
      const rec = openDoc(db, id);
      const at = NORMATIVE_STEPS.indexOf((rec.data.stage as NormativeStep) ?? '起草');
      const i = NORMATIVE_STEPS.indexOf(step as NormativeStep);
      if (i < 1 || i > at) {
        throw new LedgerError('CONFLICT', i === 0 ? '“起草”的信息在“编辑”中修改' : `“${step}”尚未办理，不能更正`);
      }
      const keys = stepKeys(step as NormativeStep);
      const extra = Object.keys(input).filter((k) => !keys.includes(k));
      if (extra.length) {
        throw new LedgerError(
          'VALIDATION',
          `更正“${step}”不能填写：${extra.map(label).join('、')}`,
          extra.map((k) => ({ kind: normativeDoc.label, field: k, fieldLabel: label(k), message: `不属于“${step}”环节` })),
        );
      }
      const why = checkReason(reason, '更正');
      const merged: RecordData = { ...rec.data };
      for (const k of keys) {
        if (input[k] === undefined || input[k] === '') delete merged[k];
        else merged[k] = input[k];
      }
      const data = validStep(db, merged, step);
      const changes = keys.filter((k) => JSON.stringify(data[k]) !== JSON.stringify(rec.data[k]));
      if (!changes.length) throw new LedgerError('VALIDATION', `“${step}”的内容没有改动，无需更正`);
      const worded = changes.map((k) => `${label(k)}：${shown(rec.data[k])} → ${shown(data[k])}`).join('；');
      data.history = appendHistory(rec.data.history, { date: today, action: '更正', step, changes: worded, reason: why });
      return replaceData(db, rec, data);
    })
    .immediate();
}

/**
 * 退回: takes the document back one step, with a reason. The current step's data is cleared (the
 * history keeps what it was) so the step can be done again; the number stays.
 */
export function returnNormativeDoc(db: Db, id: string, reason: string, today: string): LedgerRecord {
  return db
    .transaction(() => {
      const rec = openDoc(db, id);
      const stage = (rec.data.stage as NormativeStep) ?? '起草';
      const at = NORMATIVE_STEPS.indexOf(stage);
      if (at < 1) throw new LedgerError('CONFLICT', '“起草”是第一个环节，不能再退回');
      const why = checkReason(reason, '退回');
      const back = NORMATIVE_STEPS[at - 1];
      const data: RecordData = { ...rec.data, stage: back };
      const dropped = stepKeys(stage).filter((k) => rec.data[k] !== undefined);
      for (const k of dropped) delete data[k];
      const worded = dropped.map((k) => `${label(k)}：${shown(rec.data[k])}`).join('；');
      data.history = appendHistory(rec.data.history, {
        date: today,
        action: '退回',
        step: `${stage} → ${back}`,
        changes: worded ? `撤销${worded}` : '',
        reason: why,
      });
      return replaceData(db, rec, validStep(db, data, back));
    })
    .immediate();
}

export function withdrawNormativeDoc(db: Db, id: string, reason: string): LedgerRecord {
  return db
    .transaction(() => {
      const rec = getRecord(db, id);
      if (rec.kind !== normativeDoc.id) throw new LedgerError('VALIDATION', '该记录不是行政规范性文件');
      if (rec.deletedAt) throw new LedgerError('CONFLICT', '该文件在回收站中，请先恢复');
      if (rec.data.withdrawn)
        throw new LedgerError('CONFLICT', `${String(rec.data.number)}已撤回（原因：${String(rec.data.withdrawReason)}）`);
      const r = reason.trim();
      const issue = (message: string) => [{ kind: normativeDoc.label, field: 'withdrawReason', fieldLabel: '撤回原因', message }];
      if (!r) throw new LedgerError('VALIDATION', '请填写撤回原因', issue('必填'));
      if ([...r].length > 200)
        throw new LedgerError('VALIDATION', '撤回原因不能超过200个字', issue(`不能超过200个字（现有${[...r].length}个字）`));
      if (/[\r\n]/.test(r)) throw new LedgerError('VALIDATION', '撤回原因不能换行', issue('不能换行'));
      return replaceData(db, rec, { ...rec.data, withdrawn: true, withdrawReason: r });
    })
    .immediate();
}
