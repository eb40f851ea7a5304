/**
 * Records on a real ledger file: update, the 回收站 (delete, restore, purge only from the trash),
 * and listing — paging, sorting by a field, filters (enum, bool, tags), search with literal % and _,
 * and the year's counts per kind.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KINDS } from '@rules/kinds';
import { ledgerYears, listRecords, listTrash, yearStats } from '@core/ledger/query';
import {
  createRecord,
  createRecords,
  deleteRecord,
  duplicateRecord,
  getRecord,
  purgeRecord,
  restoreRecord,
  updateRecord,
} from '@core/ledger/records';
import { sampleRecord, tempLedger, type TempLedger, fails } from '../support/ledger';

describe('update and 回收站', () => {
  let L: TempLedger;
  beforeEach(() => {
    L = tempLedger();
  });
  afterEach(() => L.cleanup());
  const ids = (year = 2023, kind = 'meeting') => listRecords(L.ctx.db, { kind, year }).rows.map((r) => r.id);

  it('updates a record, moving it to another year when its date changes', () => {
    const a = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    const u = updateRecord(L.ctx.db, a.id, { ...a.data, date: '2024-01-03', title: '改期的会议' });
    expect(u).toMatchObject({ date: '2024-01-03', year: 2024, createdAt: a.createdAt });
    expect(u.data.title).toBe('改期的会议');
    expect(u.updatedAt >= a.updatedAt).toBe(true);
    expect(ids(2023)).toEqual([]);
    expect(ids(2024)).toEqual([a.id]);
  });

  it('an invalid update changes nothing', () => {
    const a = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    const e = fails(() => updateRecord(L.ctx.db, a.id, { ...a.data, date: '2023-02-30', attendees: -1 }), 'VALIDATION');
    expect(e.issues.map((i) => i.fieldLabel).sort()).toEqual(['会议日期', '出席人数'].sort());
    expect(getRecord(L.ctx.db, a.id)).toEqual(a);
  });

  it('a batch (an Excel sheet) is one transaction: numbered in order, or nothing when one record is invalid', () => {
    const docs = [0, 1, 2].map((i) => ({ ...sampleRecord('normativeDoc', 0), title: `第${i + 1}件` }));
    const made = createRecords(L.ctx.db, 'normativeDoc', docs);
    expect(made.map((r) => r.data.number)).toEqual(['双土府规〔2023〕1号', '双土府规〔2023〕2号', '双土府规〔2023〕3号']);
    const before = ids(2023, 'meeting');
    const bad = [sampleRecord('meeting'), { ...sampleRecord('meeting'), attendees: -1 }, sampleRecord('meeting')];
    const e = fails(() => createRecords(L.ctx.db, 'meeting', bad), 'VALIDATION');
    expect(e.issues.map((i) => i.fieldLabel)).toEqual(['出席人数']);
    expect(ids(2023, 'meeting')).toEqual(before);
  });

  it('unknown ids are NOT_FOUND', () => {
    fails(() => getRecord(L.ctx.db, 'nope'), 'NOT_FOUND');
    fails(() => updateRecord(L.ctx.db, 'nope', {}), 'NOT_FOUND');
    fails(() => deleteRecord(L.ctx.db, 'nope'), 'NOT_FOUND');
    fails(() => restoreRecord(L.ctx.db, 'nope'), 'NOT_FOUND');
    fails(() => purgeRecord(L.ctx.db, 'nope'), 'NOT_FOUND');
  });

  it('delete moves a record to the 回收站: out of lists, counts and years, still readable', () => {
    const a = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    const b = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting', 1));
    const old = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting', 0, { year: 2019 }));
    const d = deleteRecord(L.ctx.db, a.id);
    expect(d.deletedAt).not.toBeNull();
    expect(deleteRecord(L.ctx.db, a.id).deletedAt).toBe(d.deletedAt); // deleting twice is harmless
    deleteRecord(L.ctx.db, old.id);
    expect(ids()).toEqual([b.id]);
    expect(listRecords(L.ctx.db, { kind: 'meeting', year: 2023 }).total).toBe(1);
    expect(yearStats(L.ctx.db, 2023).meeting).toBe(1);
    expect(ledgerYears(L.ctx.db)).toEqual([2023]);
    expect(
      listTrash(L.ctx.db)
        .map((r) => r.id)
        .sort(),
    ).toEqual([a.id, old.id].sort());
    expect(getRecord(L.ctx.db, a.id).deletedAt).toBe(d.deletedAt);
    expect(fails(() => updateRecord(L.ctx.db, a.id, sampleRecord('meeting')), 'CONFLICT').message).toContain('回收站');
  });

  it('restore brings a record back unchanged', () => {
    const a = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    deleteRecord(L.ctx.db, a.id);
    const r = restoreRecord(L.ctx.db, a.id);
    expect(r).toEqual(a);
    expect(ids()).toEqual([a.id]);
    expect(listTrash(L.ctx.db)).toEqual([]);
  });

  it('purge works only from the 回收站, and removes the record and its attachment rows', () => {
    const a = createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    L.ctx.db
      .prepare('INSERT INTO attachments (id, record_id, name, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('att1', a.id, '签到表.jpg', 'ab'.repeat(32), 1234, a.createdAt);
    expect(fails(() => purgeRecord(L.ctx.db, a.id), 'CONFLICT').message).toBe('只能彻底删除回收站中的记录');
    expect(getRecord(L.ctx.db, a.id)).toEqual(a);
    deleteRecord(L.ctx.db, a.id);
    purgeRecord(L.ctx.db, a.id);
    fails(() => getRecord(L.ctx.db, a.id), 'NOT_FOUND');
    expect(listTrash(L.ctx.db)).toEqual([]);
    expect(L.ctx.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  });

  it('duplicate copies the data into a new live record', () => {
    const a = createRecord(L.ctx.db, 'drill', sampleRecord('drill'));
    const c = duplicateRecord(L.ctx.db, a.id);
    expect(c.id).not.toBe(a.id);
    expect(c.data).toEqual(a.data);
    expect(ids(2023, 'drill').sort()).toEqual([a.id, c.id].sort());
  });

  it('refuses an unknown kind', () => {
    fails(() => createRecord(L.ctx.db, 'weather', {}), 'VALIDATION');
  });
});

describe('listing', () => {
  let L: TempLedger;
  const created: { id: string; participants: number; date: string }[] = [];
  beforeAll(() => {
    L = tempLedger();
    const audiences = ['辖区群众', '机关干部', '党员'];
    for (let i = 0; i < 120; i++) {
      const date = `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const r = createRecord(L.ctx.db, 'training', {
        date,
        eventType: '普法宣传活动',
        title: `宣传活动${i}`,
        audience: audiences[i % 3],
        participants: (i * 37) % 1000,
        village: i % 2 ? '石桥村' : '河坝村',
      });
      created.push({ id: r.id, participants: r.data.participants as number, date });
    }
    // Titles for the LIKE wildcards, plus records of other years and kinds that must never show up.
    createRecord(L.ctx.db, 'training', { ...sampleRecord('training'), title: '覆盖率100%的宣传' });
    createRecord(L.ctx.db, 'training', { ...sampleRecord('training'), title: '覆盖率1000的宣传' });
    createRecord(L.ctx.db, 'training', { ...sampleRecord('training'), title: 'file_name 宣传' });
    createRecord(L.ctx.db, 'training', { ...sampleRecord('training'), title: 'fileXname 宣传' });
    createRecord(L.ctx.db, 'training', { ...sampleRecord('training'), title: '反斜杠\\宣传' });
    createRecord(L.ctx.db, 'training', sampleRecord('training', 0, { year: 2024 }));
    createRecord(L.ctx.db, 'meeting', sampleRecord('meeting'));
    createRecord(L.ctx.db, 'legalAdviser', sampleRecord('legalAdviser', 0)); // 石桥村, 河坝村
    createRecord(L.ctx.db, 'legalAdviser', sampleRecord('legalAdviser', 1)); // 场镇社区
  });
  afterAll(() => L.cleanup());

  const list = (q: Partial<Parameters<typeof listRecords>[1]> = {}) => listRecords(L.ctx.db, { kind: 'training', year: 2023, ...q });
  const titles = (q: Partial<Parameters<typeof listRecords>[1]>) => list(q).rows.map((r) => r.data.title);

  it('pages through a kind’s year, 50 by default', () => {
    const p1 = list();
    expect(p1).toMatchObject({ total: 125, page: 1, pageSize: 50 });
    expect(p1.rows).toHaveLength(50);
    const p3 = list({ page: 3 });
    expect(p3.rows).toHaveLength(25);
    expect(list({ page: 4 }).rows).toEqual([]);
    const all = [1, 2, 3].flatMap((page) => list({ page }).rows.map((r) => r.id));
    expect(new Set(all).size).toBe(125);
    expect(list({ pageSize: 10, page: 2 }).rows).toHaveLength(10);
    expect(list({ pageSize: 100000 }).pageSize).toBe(500);
    expect(list({ page: 0 }).page).toBe(1);
  });

  it('sorts by date, newest first, by default, and oldest first on request', () => {
    const rows = list({ pageSize: 500 }).rows;
    const dates = rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const asc = list({ pageSize: 500, sortDir: 'asc' }).rows.map((r) => r.date);
    expect(asc).toEqual([...dates].sort());
  });

  it('sorts by a field, both ways, numerically', () => {
    const ours = created.map((c) => c.participants);
    const asc = list({ sortBy: 'participants', sortDir: 'asc', pageSize: 500 })
      .rows.map((r) => r.data.participants as number)
      .filter((n) => n !== 320);
    expect(asc).toEqual([...ours.filter((n) => n !== 320)].sort((a, b) => a - b));
    const desc = list({ sortBy: 'participants', sortDir: 'desc', pageSize: 5 }).rows.map((r) => r.data.participants);
    expect(desc).toEqual([...ours].sort((a, b) => b - a).slice(0, 5));
    expect(list({ sortBy: 'updatedAt' }).rows).toHaveLength(50);
  });

  it('refuses sorting or filtering by a field the kind does not have', () => {
    expect(fails(() => list({ sortBy: 'meetingType' }), 'VALIDATION').message).toContain('meetingType');
    fails(() => list({ sortBy: "title'); DROP TABLE records; --" }), 'VALIDATION');
    fails(() => list({ filters: { nope: 'x' } }), 'VALIDATION');
  });

  it('filters by an enum field and by a village', () => {
    const r = list({ filters: { audience: '机关干部' }, pageSize: 500 });
    expect(r.total).toBe(40);
    expect(r.rows.every((x) => x.data.audience === '机关干部')).toBe(true);
    expect(list({ filters: { audience: '机关干部', village: '石桥村' } }).total).toBe(20);
  });

  it('filters by a bool field (a missing value counts as 否)', () => {
    const meetings = (v: boolean | string) => listRecords(L.ctx.db, { kind: 'meeting', year: 2023, filters: { studyLawBefore: v } }).total;
    expect(meetings(true)).toBe(1);
    expect(meetings('true')).toBe(1);
    expect(meetings(false)).toBe(0);
    expect(listRecords(L.ctx.db, { kind: 'meeting', year: 2023, filters: { lawTopic: false } }).total).toBe(0);
    fails(() => listRecords(L.ctx.db, { kind: 'meeting', year: 2023, filters: { studyLawBefore: 'maybe' } }), 'VALIDATION');
    // A yes/no value on a field that is not yes/no is a request error, not a crash.
    fails(() => list({ filters: { audience: true } }), 'VALIDATION');
  });

  it('filters by one tag of a tags field', () => {
    const advisers = (village: string) =>
      listRecords(L.ctx.db, { kind: 'legalAdviser', year: 2023, filters: { villages: village } }).rows.map((r) => r.data.name);
    expect(advisers('石桥村')).toEqual(['王律师']);
    expect(advisers('场镇社区')).toEqual(['赵律师']);
    expect(advisers('石桥')).toEqual([]);
  });

  it('searches every text field, with % and _ taken literally', () => {
    expect(list({ search: '宣传活动11' }).total).toBe(11); // 11, 110–119
    expect(titles({ search: '100%' })).toEqual(['覆盖率100%的宣传']);
    expect(titles({ search: 'file_name' })).toEqual(['file_name 宣传']);
    expect(titles({ search: '_' })).toEqual(['file_name 宣传']);
    expect(titles({ search: '%' })).toEqual(['覆盖率100%的宣传']);
    expect(titles({ search: '\\' })).toEqual(['反斜杠\\宣传']);
    expect(list({ search: '民法典' }).total).toBe(5); // the theme field of the samples
    expect(list({ search: 'FILE_NAME' }).total).toBe(1); // ASCII letters ignore case
    expect(list({ search: '   ' }).total).toBe(125);
    expect(list({ search: '没有这样的记录' })).toMatchObject({ total: 0, rows: [] });
  });

  it('combines search, filters, sorting and paging', () => {
    const r = list({ search: '宣传活动', filters: { audience: '党员' }, sortBy: 'participants', sortDir: 'asc', pageSize: 7, page: 2 });
    expect(r.total).toBe(40);
    const expected = created
      .filter((_, i) => i % 3 === 2)
      .map((c) => c.participants)
      .sort((a, b) => a - b)
      .slice(7, 14);
    expect(r.rows.map((x) => x.data.participants)).toEqual(expected);
  });

  it('stats counts every kind for the year, deleted excluded', () => {
    const s = yearStats(L.ctx.db, 2023);
    expect(Object.keys(s)).toEqual(KINDS.map((k) => k.id));
    expect(s).toMatchObject({ training: 125, meeting: 1, legalAdviser: 2, drill: 0 });
    expect(yearStats(L.ctx.db, 2024).training).toBe(1);
    expect(Object.values(yearStats(L.ctx.db, 2030)).every((n) => n === 0)).toBe(true);
    expect(ledgerYears(L.ctx.db)).toEqual([2024, 2023]);
  });
});
