/**
 * The exchange format: export is deterministic, export → import → export gives identical JSON,
 * and an import with any error lists every error by record and field and writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { LedgerError, type Issue } from '@rules/errors';
import { checkExchange, EXCHANGE_FORMAT, EXCHANGE_VERSION, exportLedger, importLedger, stableStringify } from '@core/ledger/exchange';
import { advanceNormativeDoc, withdrawNormativeDoc } from '@core/ledger/normative-doc';
import { listRecords, listTrash, yearStats } from '@core/ledger/query';
import { createRecord, deleteRecord, getRecord } from '@core/ledger/records';
import { getSettings } from '@core/ledger/settings';
import { defaultReportSpec } from '@core/report/default-outline';
import { addAllSamples, hashFile, SAMPLES, sampleRecord, type TempLedger, ledgerPerTest } from '../support/ledger';

const SAMPLES_PER_YEAR = Object.values(SAMPLES).reduce((n, list) => n + list.length, 0);

const ledger = ledgerPerTest();

/** A ledger with every kind over two years, 规范性文件 at several steps, the 回收站 and a report. */
function richLedger(): TempLedger {
  const L = ledger();
  const recs = addAllSamples(L.ctx, [2022, 2023]);
  const docs = recs.filter((r) => r.kind === 'normativeDoc');
  advanceNormativeDoc(L.ctx.db, docs[0].id, '合法性审核', {
    reviewDate: '2022-04-02',
    reviewer: '司法所',
    reviewOpinion: '合法\n可以发布',
  });
  advanceNormativeDoc(L.ctx.db, docs[0].id, '集体审议', { deliberationDate: '2022-04-03', deliberationMeeting: '政府常务会议' });
  withdrawNormativeDoc(L.ctx.db, docs[1].id, '工作调整');
  deleteRecord(L.ctx.db, recs[0].id);
  deleteRecord(L.ctx.db, docs[2].id);
  // A real report spec: an import refuses one the app could not read back.
  L.ctx.db
    .prepare('INSERT INTO reports (year, data, updated_at) VALUES (?, ?, ?)')
    .run(2023, JSON.stringify(defaultReportSpec(2023, getSettings(L.ctx.db))), '2024-01-10T08:00:00.000Z');
  return L;
}

function importFails(L: TempLedger, text: string, code = 'VALIDATION'): LedgerError {
  try {
    importLedger(L.ctx.db, text);
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError);
    expect((e as LedgerError).code).toBe(code);
    return e as LedgerError;
  }
  throw new Error(`expected ${code}`);
}

describe('export', () => {
  it('writes the format header, sorted keys and no timestamp of its own', () => {
    const L = richLedger();
    const text = exportLedger(L.ctx.db);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['customFigures', 'format', 'numberSequences', 'records', 'reports', 'settings', 'version']);
    expect(file.format).toBe(EXCHANGE_FORMAT);
    expect(file.version).toBe(EXCHANGE_VERSION);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(stableStringify(file)); // every object's keys are sorted
    expect(exportLedger(L.ctx.db)).toBe(text); // same ledger, same bytes
    expect(file.numberSequences).toEqual([
      { last: 2, prefix: '双土府规', year: 2022 },
      { last: 2, prefix: '双土府规', year: 2023 },
    ]);
    const records = file.records as { kind: string; data: Record<string, unknown>; deletedAt: string | null }[];
    expect(records).toHaveLength(2 * SAMPLES_PER_YEAR);
    expect(records.filter((r) => r.deletedAt)).toHaveLength(2); // the 回收站 travels too
    expect(Object.keys(records[0]).sort()).toEqual(['createdAt', 'data', 'deletedAt', 'id', 'kind', 'updatedAt']);
  });

  it('orders records by kind (menu order), then date, then creation', () => {
    const L = ledger();
    const late = createRecord(L.ctx.db, 'meeting', { ...sampleRecord('meeting'), date: '2023-12-01' });
    const early = createRecord(L.ctx.db, 'meeting', { ...sampleRecord('meeting'), date: '2023-01-01' });
    const t = createRecord(L.ctx.db, 'training', sampleRecord('training'));
    const ids = (JSON.parse(exportLedger(L.ctx.db)) as { records: { id: string }[] }).records.map((r) => r.id);
    expect(ids).toEqual([early.id, late.id, t.id]);
  });
});

describe('export → import → export', () => {
  it('gives identical JSON, and the same ledger', () => {
    const A = richLedger();
    const first = exportLedger(A.ctx.db);
    const B = ledger({ settings: null });
    expect(importLedger(B.ctx.db, first)).toEqual({ records: 2 * SAMPLES_PER_YEAR });
    const second = exportLedger(B.ctx.db);
    expect(second).toBe(first);
    // Close, reopen and export again: what was committed is what was exported.
    B.ctx.reopen();
    expect(exportLedger(B.ctx.db)).toBe(first);
    expect(getSettings(B.ctx.db)).toEqual(getSettings(A.ctx.db));
    expect(yearStats(B.ctx.db, 2023)).toEqual(yearStats(A.ctx.db, 2023));
    expect(listTrash(B.ctx.db)).toEqual(listTrash(A.ctx.db));
    const q = { kind: 'training', year: 2022, search: '民法典' };
    expect(listRecords(B.ctx.db, q)).toEqual(listRecords(A.ctx.db, q));
  });

  it('replaces whatever the ledger held before', () => {
    const A = richLedger();
    const text = exportLedger(A.ctx.db);
    const B = ledger();
    const mine = createRecord(B.ctx.db, 'dispute', sampleRecord('dispute'));
    importLedger(B.ctx.db, text);
    expect(() => getRecord(B.ctx.db, mine.id)).toThrow(LedgerError);
    expect(exportLedger(B.ctx.db)).toBe(text);
  });

  it('keeps numbers from ever being reused, even when the file’s sequences lag behind', () => {
    const A = richLedger();
    const file = JSON.parse(exportLedger(A.ctx.db)) as { numberSequences: unknown[] };
    file.numberSequences = [];
    const B = ledger();
    importLedger(B.ctx.db, JSON.stringify(file));
    expect(createRecord(B.ctx.db, 'normativeDoc', sampleRecord('normativeDoc')).data.number).toBe('双土府规〔2023〕3号');
  });

  it('accepts a UTF-8 BOM and CRLF line ends', () => {
    const A = richLedger();
    const text = exportLedger(A.ctx.db);
    const B = ledger();
    importLedger(B.ctx.db, `\ufeff${text.replace(/\n/g, '\r\n')}`);
    expect(exportLedger(B.ctx.db)).toBe(text);
  });
});

describe('import with errors', () => {
  const ts = '2023-05-01T00:00:00.000Z';
  const rec = (id: string, kind: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id,
    kind,
    data,
    createdAt: ts,
    updatedAt: ts,
    deletedAt: null,
    ...extra,
  });

  function badFile() {
    return {
      format: EXCHANGE_FORMAT,
      version: EXCHANGE_VERSION,
      settings: { normativeCode: '双土府规', villages: ['石桥村'] },
      numberSequences: [],
      records: [
        rec('r1', 'meeting', sampleRecord('meeting')), // fine
        rec('r2', 'meeting', { ...sampleRecord('meeting'), date: '2023-02-30' }),
        rec('r3', 'training', { ...sampleRecord('training', 1), audience: '外星人', examPassed: 60, participants: -3 }),
        rec('r4', 'weather', {}),
        rec('r1', 'drill', { ...sampleRecord('drill'), village: '河坝村', colour: '红' }),
        rec('r6', 'normativeDoc', { number: '双土府规〔2023〕1号', stage: '公布', registeredDate: '2023-04-01', title: '办法' }),
        rec('r7', 'campaign', sampleRecord('campaign'), { createdAt: '昨天', year: 2023 }),
      ],
      reports: [],
    };
  }

  it('lists every error with its record (row) and field, in Chinese', () => {
    const L = ledger();
    const e = importFails(L, JSON.stringify(badFile()));
    const got = e.issues.map((i: Issue) => [i.row, i.field, i.fieldLabel]);
    expect(got).toEqual([
      [2, 'date', '会议日期'],
      [3, 'audience', '对象'],
      [3, 'participants', '参与人次'],
      [3, 'examPassed', '合格人数'],
      [4, 'kind', '类型'],
      [5, 'id', '记录编号'],
      [5, 'colour', 'colour'],
      [5, 'village', '村（社区）'],
      [6, 'reviewDate', '合法性审核日期'],
      [6, 'reviewer', '审核机构/人员'],
      [6, 'deliberationDate', '集体审议日期'],
      [6, 'deliberationMeeting', '审议会议'],
      [6, 'publishDate', '公布日期'],
      [6, 'publishCarrier', '公布载体'],
      [7, 'year', 'year'],
      [7, 'createdAt', '创建时间'],
    ]);
    expect(e.message).toBe(`交换文件有${e.issues.length}处错误，未导入任何数据`);
    for (const i of e.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.issues.find((i) => i.row === 3 && i.field === 'examPassed')!.message).toBe('合格人数（60）不能大于实考人数（48）');
  });

  it('writes nothing: the ledger file is byte for byte unchanged', () => {
    const L = richLedger();
    const before = exportLedger(L.ctx.db);
    L.ctx.close();
    const hash = hashFile(L.file);
    const ctx = openContext(L.file);
    try {
      expect(() => importLedger(ctx.db, JSON.stringify(badFile()))).toThrow(LedgerError);
      expect(exportLedger(ctx.db)).toBe(before);
    } finally {
      ctx.close();
    }
    expect(hashFile(L.file)).toBe(hash);
    // (The -lock file is the cross-process hold, docs/backup.md.)
    expect(fs.readdirSync(path.dirname(L.file)).sort()).toEqual([path.basename(L.file), `${path.basename(L.file)}-lock`]);
  });

  it('a record missing its data is one error, not a crash', () => {
    const L = ledger();
    const e = importFails(
      L,
      JSON.stringify({ ...badFile(), records: [{ id: 'x', kind: 'meeting', createdAt: ts, updatedAt: ts, deletedAt: null }] }),
    );
    expect(e.issues.map((i) => i.field)).toContain('data');
  });

  it('refuses duplicate numbers, sequences and report years', () => {
    const L = ledger();
    const doc = (id: string) =>
      rec(id, 'normativeDoc', { number: '双土府规〔2023〕1号', stage: '起草', registeredDate: '2023-04-01', title: '办法' });
    const file = {
      ...badFile(),
      records: [doc('a'), doc('b')],
      numberSequences: [
        { prefix: '双土府规', year: 2023, last: 1 },
        { prefix: '双土府规', year: 2023, last: 2 },
      ],
      reports: [
        { year: 2023, updatedAt: ts, data: defaultReportSpec(2023, getSettings(L.ctx.db)) },
        { year: 2023, updatedAt: ts, data: defaultReportSpec(2023, getSettings(L.ctx.db)) },
      ],
    };
    const e = importFails(L, JSON.stringify(file));
    expect(e.issues.map((i) => [i.kind, i.row])).toEqual([
      ['编号序列', 2],
      ['行政规范性文件', 2],
      ['年度报告', 2],
    ]);
  });

  it('refuses files that are not exchange files, or are newer', () => {
    const L = ledger();
    expect(importFails(L, '{ not json', 'BAD_FILE').message).toContain('不是有效的 JSON');
    expect(importFails(L, JSON.stringify({ format: 'something-else' }), 'BAD_FILE').message).toContain(EXCHANGE_FORMAT);
    expect(importFails(L, JSON.stringify({ ...badFile(), version: 2 }), 'BAD_FILE').message).toContain('请升级程序');
    importFails(L, JSON.stringify({ ...badFile(), version: 0 }), 'BAD_FILE');
    importFails(L, JSON.stringify({ ...badFile(), version: '1' }), 'BAD_FILE');
    importFails(L, JSON.stringify({ ...badFile(), records: 'none' }), 'BAD_FILE');
    expect(importFails(L, JSON.stringify({ ...badFile(), records: [], settings: { villages: 'x' } })).issues[0]).toMatchObject({
      kind: '设置',
      field: 'villages',
    });
  });

  it('checkExchange accepts a minimal file', () => {
    const { issues, file } = checkExchange({ format: EXCHANGE_FORMAT, version: 1, records: [] });
    expect(issues).toEqual([]);
    expect(file.records).toEqual([]);
    const L = ledger();
    importLedger(L.ctx.db, JSON.stringify({ format: EXCHANGE_FORMAT, version: 1, records: [] }));
    expect(getSettings(L.ctx.db).normativeCode).toBe('');
  });
});
