/**
 * 规范性文件 更正 and 退回: a confirmed step's data can be changed with a reason, or the document
 * taken back one step; the number never changes, every event is kept in the history, the
 * lifecycle invariants still hold, and a date before the previous step is named as such.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceNormativeDoc, correctNormativeDoc, returnNormativeDoc, withdrawNormativeDoc } from '@core/ledger/normative-doc';
import { createRecord, getRecord, updateRecord } from '@core/ledger/records';
import { exportLedger } from '@core/ledger/exchange';
import { parseHistory } from '@rules/kinds/normative-history';
import { tempLedger, type TempLedger, fails } from '../support/ledger';

let L: TempLedger;
beforeEach(() => {
  L = tempLedger();
});
afterEach(() => L.cleanup());

const TODAY = '2024-01-05';
const reviewed = () => {
  const d = createRecord(L.ctx.db, 'normativeDoc', { registeredDate: '2023-04-01', title: '某某管理办法' });
  return advanceNormativeDoc(L.ctx.db, d.id, '合法性审核', { reviewDate: '2023-04-05', reviewer: '镇司法所' });
};
const deliberated = () =>
  advanceNormativeDoc(L.ctx.db, reviewed().id, '集体审议', { deliberationDate: '2023-04-10', deliberationMeeting: '第4次政府常务会议' });

describe('更正 a confirmed step', () => {
  it('changes the step’s data, keeps number and stage, and records old → new with the reason', () => {
    const d = deliberated();
    const fixed = correctNormativeDoc(
      L.ctx.db,
      d.id,
      '合法性审核',
      { reviewDate: '2023-04-06', reviewer: '镇司法所' },
      '审核日期录错',
      TODAY,
    );
    expect(fixed.data).toMatchObject({
      number: d.data.number,
      stage: '集体审议',
      reviewDate: '2023-04-06',
      deliberationDate: '2023-04-10',
    });
    expect(parseHistory(fixed.data.history)).toEqual([
      { date: TODAY, action: '更正', step: '合法性审核', changes: '合法性审核日期：2023-04-05 → 2023-04-06', reason: '审核日期录错' },
    ]);
    expect(getRecord(L.ctx.db, d.id).data.history).toBe(fixed.data.history);
  });

  it('can add an optional field and keeps earlier history lines', () => {
    const d = reviewed();
    correctNormativeDoc(L.ctx.db, d.id, '合法性审核', { reviewDate: '2023-04-06', reviewer: '镇司法所' }, '第一次', TODAY);
    const twice = correctNormativeDoc(
      L.ctx.db,
      d.id,
      '合法性审核',
      { reviewDate: '2023-04-06', reviewer: '县司法局', reviewOpinion: '合法' },
      '第二次',
      TODAY,
    );
    const h = parseHistory(twice.data.history);
    expect(h.map((e) => e.reason)).toEqual(['第一次', '第二次']);
    expect(h[1].changes).toBe('审核机构/人员：镇司法所 → 县司法局；审核意见：（空） → 合法');
  });

  it('refuses a date before the previous step, titled for what it is, and writes nothing', () => {
    const d = deliberated();
    const err = fails(
      () => correctNormativeDoc(L.ctx.db, d.id, '合法性审核', { reviewDate: '2023-03-01', reviewer: '镇司法所' }, '改日期', TODAY),
      'VALIDATION',
    );
    expect(err.message).toBe('“合法性审核”的日期早于前一环节');
    expect(err.issues).toMatchObject([{ field: 'reviewDate', message: '不能早于登记日期（2023-04-01）' }]);
    expect(getRecord(L.ctx.db, d.id).data).toEqual(d.data);
  });

  it('needs a reason, a change, a confirmed step and only that step’s fields', () => {
    const d = reviewed();
    const ok = { reviewDate: '2023-04-06', reviewer: '镇司法所' };
    expect(fails(() => correctNormativeDoc(L.ctx.db, d.id, '合法性审核', ok, '  ', TODAY), 'VALIDATION').message).toBe('请填写更正原因');
    expect(
      fails(
        () => correctNormativeDoc(L.ctx.db, d.id, '合法性审核', { reviewDate: '2023-04-05', reviewer: '镇司法所' }, '无', TODAY),
        'VALIDATION',
      ).message,
    ).toContain('没有改动');
    expect(
      fails(
        () => correctNormativeDoc(L.ctx.db, d.id, '集体审议', { deliberationDate: '2023-04-10', deliberationMeeting: 'x' }, '原因', TODAY),
        'CONFLICT',
      ).message,
    ).toBe('“集体审议”尚未办理，不能更正');
    expect(
      fails(() => correctNormativeDoc(L.ctx.db, d.id, '合法性审核', { ...ok, title: '改标题' }, '原因', TODAY), 'VALIDATION').message,
    ).toContain('文件标题');
    expect(
      fails(() => correctNormativeDoc(L.ctx.db, d.id, '合法性审核', { reviewDate: '2023-04-06' }, '原因', TODAY), 'VALIDATION').issues,
    ).toMatchObject([{ field: 'reviewer' }]);
    expect(getRecord(L.ctx.db, d.id).data.history).toBeUndefined();
  });
});

describe('退回 one step', () => {
  it('goes back one step, clears that step’s data into the history, keeps the number; the step can be done again', () => {
    const d = deliberated();
    const back = returnNormativeDoc(L.ctx.db, d.id, '会议名称有误，重新审议', TODAY);
    expect(back.data.stage).toBe('合法性审核');
    expect(back.data.number).toBe(d.data.number);
    expect(back.data.deliberationDate).toBeUndefined();
    expect(parseHistory(back.data.history)).toEqual([
      {
        date: TODAY,
        action: '退回',
        step: '集体审议 → 合法性审核',
        changes: '撤销集体审议日期：2023-04-10；审议会议：第4次政府常务会议',
        reason: '会议名称有误，重新审议',
      },
    ]);
    const again = advanceNormativeDoc(L.ctx.db, d.id, '集体审议', {
      deliberationDate: '2023-04-12',
      deliberationMeeting: '第5次政府常务会议',
    });
    expect(again.data).toMatchObject({ stage: '集体审议', number: d.data.number });
    expect(parseHistory(again.data.history)).toHaveLength(1);
  });

  it('refuses at 起草, without a reason, and for a withdrawn document', () => {
    const d = createRecord(L.ctx.db, 'normativeDoc', { registeredDate: '2023-04-01', title: '草稿' });
    expect(fails(() => returnNormativeDoc(L.ctx.db, d.id, '原因', TODAY), 'CONFLICT').message).toContain('不能再退回');
    const r = reviewed();
    expect(fails(() => returnNormativeDoc(L.ctx.db, r.id, '', TODAY), 'VALIDATION').message).toBe('请填写退回原因');
    withdrawNormativeDoc(L.ctx.db, r.id, '不再制定');
    expect(fails(() => returnNormativeDoc(L.ctx.db, r.id, '原因', TODAY), 'CONFLICT').message).toContain('已撤回');
  });
});

describe('the history is the app’s', () => {
  it('survives an edit of the record form, which cannot write it', () => {
    const d = reviewed();
    const fixed = correctNormativeDoc(L.ctx.db, d.id, '合法性审核', { reviewDate: '2023-04-06', reviewer: '镇司法所' }, '录错', TODAY);
    const edited = updateRecord(L.ctx.db, d.id, { registeredDate: '2023-04-01', title: '某某管理办法（修订）', history: '伪造' });
    expect(edited.data.history).toBe(fixed.data.history);
    expect(exportLedger(L.ctx.db)).toContain('合法性审核日期：2023-04-05 → 2023-04-06｜原因：录错');
  });
});
