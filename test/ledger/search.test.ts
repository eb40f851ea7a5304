/** records.search, the header's 全局搜索: one year, every kind, grouped in the menu's order, on a real ledger file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { searchRecords } from '@core/ledger/query';
import { createRecord, deleteRecord } from '@core/ledger/records';
import { KINDS } from '@rules/kinds';
import { sampleRecord, tempLedger, type TempLedger } from '../support/ledger';

let L: TempLedger;
beforeEach(() => {
  L = tempLedger();
});
afterEach(() => L.cleanup());

const meeting = (date: string, title: string) =>
  createRecord(L.ctx.db, 'meeting', { ...sampleRecord('meeting', 1, { year: 2023 }), date, title });
const training = (date: string, title: string, village?: string) =>
  createRecord(L.ctx.db, 'training', { ...sampleRecord('training', 0, { year: 2023 }), date, title, ...(village ? { village } : {}) });

describe('全局搜索', () => {
  it('groups the year’s matches by kind in the menu’s order, newest first, counting beyond the shown few', () => {
    const t = training('2023-03-15', '赶场日民法典宣传');
    const m1 = meeting('2023-01-10', '民法典专题学习会');
    const m2 = meeting('2023-05-10', '第二次民法典学习会');
    const m3 = meeting('2023-09-10', '第三次民法典学习会');
    meeting('2023-04-10', '安全生产会议');
    const gone = meeting('2023-06-10', '已删除的民法典会议');
    deleteRecord(L.ctx.db, gone.id);
    meeting('2022-06-10', '去年的民法典会议');

    const groups = searchRecords(L.ctx.db, { year: 2023, search: ' 民法典 ', perKind: 2 });
    expect(groups.map((g) => g.kind)).toEqual(KINDS.map((k) => k.id).filter((id) => id === 'meeting' || id === 'training'));
    const byKind = Object.fromEntries(groups.map((g) => [g.kind, g]));
    expect(byKind.meeting.total).toBe(3);
    expect(byKind.meeting.rows.map((r) => r.id)).toEqual([m3.id, m2.id]);
    expect(byKind.training).toMatchObject({ total: 1, rows: [{ id: t.id, data: { title: '赶场日民法典宣传' } }] });
    expect(
      searchRecords(L.ctx.db, { year: 2023, search: '民法典' })
        .find((g) => g.kind === 'meeting')!
        .rows.map((r) => r.id),
    ).toEqual([m3.id, m2.id, m1.id]);
    expect(searchRecords(L.ctx.db, { year: 2022, search: '民法典' }).map((g) => [g.kind, g.total])).toEqual([['meeting', 1]]);
  });

  it('matches every text field the kind pages search (a village, a type), and takes % and _ literally', () => {
    const t = training('2023-03-15', '普法赶场', '河坝村');
    meeting('2023-01-10', '河坝会议');
    expect(searchRecords(L.ctx.db, { year: 2023, search: '河坝村' }).map((g) => [g.kind, g.rows[0].id])).toEqual([['training', t.id]]);
    expect(searchRecords(L.ctx.db, { year: 2023, search: '%' })).toEqual([]);
    expect(searchRecords(L.ctx.db, { year: 2023, search: '_' })).toEqual([]);
    expect(searchRecords(L.ctx.db, { year: 2023, search: '   ' })).toEqual([]);
  });

  it('is an API method with checked input', async () => {
    meeting('2023-01-10', '民法典专题学习会');
    const ok = await callApi(L.ctx, 'records.search', { year: 2023, search: '民法典' });
    expect(ok.ok && (ok.value as { kind: string; total: number }[]).map((g) => [g.kind, g.total])).toEqual([['meeting', 1]]);
    const bad = await callApi(L.ctx, 'records.search', { year: 2023, search: 'x'.repeat(101) });
    expect(bad.ok).toBe(false);
  });
});
