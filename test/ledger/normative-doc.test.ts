/**
 * 行政规范性文件: the unified number 代字〔年〕n号 (per year, no leading zeros, never reused,
 * not even after delete and purge), the one-step-forward lifecycle, withdrawal, and the
 * managed fields that only the app writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceNormativeDoc, withdrawNormativeDoc } from '@core/ledger/normative-doc';
import { listRecords } from '@core/ledger/query';
import { createRecord, deleteRecord, duplicateRecord, getRecord, purgeRecord, updateRecord, type LedgerRecord } from '@core/ledger/records';
import { saveSettings } from '@core/ledger/settings';
import { sampleRecord, tempLedger, SAMPLE_SETTINGS, type TempLedger, fails } from '../support/ledger';

let L: TempLedger;
beforeEach(() => {
  L = tempLedger();
});
afterEach(() => L.cleanup());

const doc = (registeredDate = '2023-04-01', title = '某某管理办法') => createRecord(L.ctx.db, 'normativeDoc', { registeredDate, title });

const review = { reviewDate: '2023-04-05', reviewer: '镇司法所', reviewOpinion: '合法' };
const deliberation = { deliberationDate: '2023-04-10', deliberationMeeting: '2023年第4次政府常务会议' };
const publish = { publishDate: '2023-04-15', publishCarrier: '镇政府网站' };
const filing = { filingDate: '2023-04-30', filingAuthority: '县司法局' };

function toStage(rec: LedgerRecord, stage: '合法性审核' | '集体审议' | '公布' | '报送备案'): LedgerRecord {
  const steps = [
    ['合法性审核', review],
    ['集体审议', deliberation],
    ['公布', publish],
    ['报送备案', filing],
  ] as const;
  let r = rec;
  for (const [step, data] of steps) {
    r = advanceNormativeDoc(L.ctx.db, r.id, step, data);
    if (step === stage) break;
  }
  return r;
}

describe('numbering', () => {
  it('numbers 代字〔年〕n号 per year, from 1, without leading zeros', () => {
    const numbers = Array.from({ length: 11 }, () => doc().data.number);
    expect(numbers[0]).toBe('双土府规〔2023〕1号');
    expect(numbers[8]).toBe('双土府规〔2023〕9号');
    expect(numbers[9]).toBe('双土府规〔2023〕10号');
    expect(numbers[10]).toBe('双土府规〔2023〕11号');
    expect(doc('2024-01-02').data.number).toBe('双土府规〔2024〕1号');
    expect(doc('2023-12-31').data.number).toBe('双土府规〔2023〕12号');
  });

  it('never reuses a number, even after delete and purge', () => {
    const a = doc();
    const b = doc();
    expect(b.data.number).toBe('双土府规〔2023〕2号');
    deleteRecord(L.ctx.db, b.id);
    purgeRecord(L.ctx.db, b.id);
    deleteRecord(L.ctx.db, a.id);
    purgeRecord(L.ctx.db, a.id);
    expect(doc().data.number).toBe('双土府规〔2023〕3号');
  });

  it('a refused record consumes no number', () => {
    doc();
    fails(() => createRecord(L.ctx.db, 'normativeDoc', { registeredDate: '2023-02-30', title: 'x' }), 'VALIDATION');
    expect(doc().data.number).toBe('双土府规〔2023〕2号');
  });

  it('a duplicate gets a new number and starts again at 起草', () => {
    const a = toStage(doc(), '公布');
    const c = duplicateRecord(L.ctx.db, a.id);
    expect(c.data.number).toBe('双土府规〔2023〕2号');
    expect(c.data.stage).toBe('起草');
    expect(c.data.publishDate).toBeUndefined();
    expect(c.data.title).toBe(a.data.title);
  });

  it('needs the 规范性文件代字 in the settings', () => {
    saveSettings(L.ctx.db, { ...SAMPLE_SETTINGS, normativeCode: '' });
    const e = fails(() => doc(), 'VALIDATION');
    expect(e.issues[0]).toMatchObject({ field: 'normativeCode', fieldLabel: '规范性文件代字' });
    expect((L.ctx.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(0);
  });

  it('a new 代字 starts its own sequence', () => {
    doc();
    saveSettings(L.ctx.db, { ...SAMPLE_SETTINGS, normativeCode: '双土府规字' });
    expect(doc().data.number).toBe('双土府规字〔2023〕1号');
  });
});

describe('managed fields', () => {
  it('cannot be set when creating', () => {
    const r = createRecord(L.ctx.db, 'normativeDoc', {
      ...sampleRecord('normativeDoc'),
      number: '伪造〔2023〕99号',
      stage: '公布',
      publishDate: '2023-04-02',
      withdrawn: true,
    });
    expect(r.data.number).toBe('双土府规〔2023〕1号');
    expect(r.data.stage).toBe('起草');
    expect(r.data.publishDate).toBeUndefined();
    expect(r.data.withdrawn).toBeUndefined();
  });

  it('are not writable through records.update, while other fields are', () => {
    const a = toStage(doc(), '合法性审核');
    const u = updateRecord(L.ctx.db, a.id, {
      ...a.data,
      title: '改后的标题',
      number: '双土府规〔2023〕99号',
      stage: '报送备案',
      reviewer: '别人',
      publishDate: '2023-05-01',
      withdrawn: true,
      withdrawReason: '假的',
    });
    expect(u.data.title).toBe('改后的标题');
    expect(u.data.number).toBe('双土府规〔2023〕1号');
    expect(u.data.stage).toBe('合法性审核');
    expect(u.data.reviewer).toBe('镇司法所');
    expect(u.data.publishDate).toBeUndefined();
    expect(u.data.withdrawn).toBeUndefined();
    expect(getRecord(L.ctx.db, a.id).data).toEqual(u.data);
  });

  it('an update without the managed fields keeps them', () => {
    const a = toStage(doc(), '集体审议');
    const u = updateRecord(L.ctx.db, a.id, { registeredDate: '2023-04-01', title: '新标题' });
    expect(u.data).toMatchObject({ number: '双土府规〔2023〕1号', stage: '集体审议', ...review, ...deliberation, title: '新标题' });
  });

  it('an update is checked against the recorded steps (登记日期 not after 合法性审核日期)', () => {
    const a = toStage(doc(), '合法性审核');
    const e = fails(() => updateRecord(L.ctx.db, a.id, { registeredDate: '2023-04-20', title: a.data.title }), 'VALIDATION');
    expect(e.issues[0]).toMatchObject({ field: 'reviewDate', fieldLabel: '合法性审核日期' });
    expect(getRecord(L.ctx.db, a.id).data.registeredDate).toBe('2023-04-01');
  });

  it('the 登记日期 cannot move to another year than the number', () => {
    const a = doc();
    const e = fails(() => updateRecord(L.ctx.db, a.id, { registeredDate: '2024-01-05', title: a.data.title }), 'VALIDATION');
    expect(e.issues[0]).toMatchObject({ field: 'registeredDate', fieldLabel: '登记日期' });
    expect(updateRecord(L.ctx.db, a.id, { registeredDate: '2023-12-31', title: a.data.title }).year).toBe(2023);
  });
});

describe('lifecycle', () => {
  it('runs 起草 → 合法性审核 → 集体审议 → 公布 → 报送备案, one step at a time', () => {
    const a = doc();
    expect(a.data.stage).toBe('起草');
    const r = toStage(a, '报送备案');
    expect(r.data).toMatchObject({ stage: '报送备案', ...review, ...deliberation, ...publish, ...filing });
    const e = fails(() => advanceNormativeDoc(L.ctx.db, a.id, '报送备案', filing), 'CONFLICT');
    expect(e.message).toBe('该文件已完成全部环节');
  });

  it('cannot 公布 without a recorded 合法性审核 and 集体审议', () => {
    const a = doc();
    expect(fails(() => advanceNormativeDoc(L.ctx.db, a.id, '公布', publish), 'CONFLICT').message).toBe(
      '当前处于“起草”环节，下一步只能是“合法性审核”',
    );
    toStage(a, '合法性审核');
    expect(fails(() => advanceNormativeDoc(L.ctx.db, a.id, '公布', publish), 'CONFLICT').message).toContain('下一步只能是“集体审议”');
    expect(getRecord(L.ctx.db, a.id).data.publishDate).toBeUndefined();
  });

  it('only the next step is allowed (no skipping, no going back, no repeat)', () => {
    const a = toStage(doc(), '集体审议');
    fails(() => advanceNormativeDoc(L.ctx.db, a.id, '报送备案', filing), 'CONFLICT');
    fails(() => advanceNormativeDoc(L.ctx.db, a.id, '合法性审核', review), 'CONFLICT');
    fails(() => advanceNormativeDoc(L.ctx.db, a.id, '集体审议', deliberation), 'CONFLICT');
    fails(() => advanceNormativeDoc(L.ctx.db, a.id, '起草', {}), 'CONFLICT');
    fails(() => advanceNormativeDoc(L.ctx.db, a.id, '不存在', {}), 'CONFLICT');
    expect(getRecord(L.ctx.db, a.id).data.stage).toBe('集体审议');
  });

  it('a step must record its fields', () => {
    const a = doc();
    const e = fails(() => advanceNormativeDoc(L.ctx.db, a.id, '合法性审核', { reviewDate: '2023-04-05' }), 'VALIDATION');
    expect(e.issues).toEqual([expect.objectContaining({ field: 'reviewer', fieldLabel: '审核机构/人员' })]);
    expect(getRecord(L.ctx.db, a.id).data.stage).toBe('起草');
  });

  it('a step cannot fill in another step’s fields', () => {
    const a = doc();
    const e = fails(
      () => advanceNormativeDoc(L.ctx.db, a.id, '合法性审核', { ...review, publishDate: '2023-04-06', title: '改名' }),
      'VALIDATION',
    );
    expect(e.issues.map((i) => i.fieldLabel).sort()).toEqual(['公布日期', '文件标题'].sort());
  });

  it('step dates must not go backwards', () => {
    const a = toStage(doc(), '合法性审核');
    const e = fails(
      () => advanceNormativeDoc(L.ctx.db, a.id, '集体审议', { ...deliberation, deliberationDate: '2023-04-04' }),
      'VALIDATION',
    );
    expect(e.issues[0]).toMatchObject({ field: 'deliberationDate', message: '不能早于合法性审核日期（2023-04-05）' });
    const b = doc();
    expect(
      fails(() => advanceNormativeDoc(L.ctx.db, b.id, '合法性审核', { ...review, reviewDate: '2023-03-01' }), 'VALIDATION').issues[0].field,
    ).toBe('reviewDate');
  });

  it('a document in the 回收站 cannot advance', () => {
    const a = doc();
    deleteRecord(L.ctx.db, a.id);
    fails(() => advanceNormativeDoc(L.ctx.db, a.id, '合法性审核', review), 'CONFLICT');
  });

  it('another kind cannot advance', () => {
    const m = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    fails(() => advanceNormativeDoc(L.ctx.db, m.id, '合法性审核', review), 'VALIDATION');
    fails(() => withdrawNormativeDoc(L.ctx.db, m.id, '原因'), 'VALIDATION');
  });
});

describe('withdrawal', () => {
  it('keeps the record, its number and the reason; it can go no further', () => {
    const a = toStage(doc(), '合法性审核');
    const w = withdrawNormativeDoc(L.ctx.db, a.id, '  上位法已修改  ');
    expect(w.data).toMatchObject({
      number: '双土府规〔2023〕1号',
      stage: '合法性审核',
      withdrawn: true,
      withdrawReason: '上位法已修改',
      ...review,
    });
    expect(w.deletedAt).toBeNull();
    const list = listRecords(L.ctx.db, { kind: 'normativeDoc', year: 2023 });
    expect(list.rows.map((r) => r.id)).toEqual([a.id]);
    expect(fails(() => advanceNormativeDoc(L.ctx.db, a.id, '集体审议', deliberation), 'CONFLICT').message).toContain('已撤回');
    expect(fails(() => withdrawNormativeDoc(L.ctx.db, a.id, '再撤一次'), 'CONFLICT').message).toContain('上位法已修改');
    // Editing a withdrawn document keeps the withdrawal.
    expect(updateRecord(L.ctx.db, a.id, { registeredDate: '2023-04-01', title: '新标题' }).data).toMatchObject({
      withdrawn: true,
      withdrawReason: '上位法已修改',
    });
    expect(doc().data.number).toBe('双土府规〔2023〕2号');
  });

  it('needs a reason of at most 200 characters on one line', () => {
    const a = doc();
    expect(fails(() => withdrawNormativeDoc(L.ctx.db, a.id, '   '), 'VALIDATION').issues[0]).toMatchObject({
      field: 'withdrawReason',
      fieldLabel: '撤回原因',
      message: '必填',
    });
    expect(fails(() => withdrawNormativeDoc(L.ctx.db, a.id, '字'.repeat(201)), 'VALIDATION').issues[0].fieldLabel).toBe('撤回原因');
    expect(fails(() => withdrawNormativeDoc(L.ctx.db, a.id, '一\n二'), 'VALIDATION').issues[0].message).toBe('不能换行');
    expect(getRecord(L.ctx.db, a.id).data.withdrawn).toBeUndefined();
  });

  it('a document in the 回收站 cannot be withdrawn', () => {
    const a = doc();
    deleteRecord(L.ctx.db, a.id);
    fails(() => withdrawNormativeDoc(L.ctx.db, a.id, '原因'), 'CONFLICT');
  });
});
