/**
 * The API boundary (callApi): every payload passes its method's schema first, unknown methods
 * are refused, and errors come back as { code, message, issues } — never as a throw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, callApi } from '@core/api';
import { RENDERER_METHOD_NAMES } from '@rules/api/methods';
import { rendererMethodNames } from '@core/api/gate';
import type { ApiResult } from '@core/api/define';
import type { LedgerRecord } from '@core/ledger/records';
import { sampleRecord, tempLedger, type TempLedger } from '../support/ledger';

let L: TempLedger;
beforeAll(() => {
  L = tempLedger();
});
afterAll(() => L.cleanup());

const call = (name: string, payload?: unknown) => callApi(L.ctx, name, payload);
function ok<T>(r: ApiResult): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
function err(r: ApiResult, code: string) {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  return r.error;
}

describe('callApi', () => {
  it('the preload’s method list is the API table minus the cliOnly methods', () => {
    expect([...RENDERER_METHOD_NAMES].sort()).toEqual(rendererMethodNames().sort());
    expect(API_METHODS.length).toBeGreaterThan(RENDERER_METHOD_NAMES.length);
  });

  it('refuses unknown methods, including inherited object keys', async () => {
    for (const name of ['records.drop', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(err(await call(name, {}), 'UNKNOWN_METHOD').message).toContain('未知的操作');
    }
  });

  it('refuses payloads that do not match the schema with VALIDATION', async () => {
    const bad: [string, unknown][] = [
      ['records.create', { kind: 'weather', data: {} }],
      ['records.create', { kind: 'meeting', data: [] }],
      ['records.create', { kind: 'meeting' }],
      ['records.create', 'meeting'],
      ['records.list', { kind: 'meeting', year: '2023' }],
      ['records.list', { kind: 'meeting', year: 1800 }],
      ['records.list', { kind: 'meeting', year: 2023.5 }],
      ['records.list', { kind: 'meeting', year: 2023, pageSize: 501 }],
      ['records.list', { kind: 'meeting', year: 2023, page: 0 }],
      ['records.list', { kind: 'meeting', year: 2023, sortDir: 'up' }],
      ['records.list', { kind: 'meeting', year: 2023, filters: { x: { $gt: 1 } } }],
      ['records.get', { id: '' }],
      ['records.get', { id: 5 }],
      ['records.update', { id: 'x', data: null }],
      ['normativeDocs.advance', { id: 'x', step: '公布' }],
      ['normativeDocs.withdraw', { id: 'x', reason: '字'.repeat(501) }],
      ['ledger.stats', {}],
      ['exchange.import', { text: 42 }],
      ['settings.save', { settings: 'x' }],
    ];
    for (const [name, payload] of bad) {
      const e = err(await call(name, payload), 'VALIDATION');
      expect(e.message, `${name} ${JSON.stringify(payload)}`).toBe('请求参数不正确');
      expect(e.issues.length).toBeGreaterThan(0);
      for (const i of e.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a missing payload is an empty one', async () => {
    expect(ok<unknown[]>(await call('trash.list'))).toEqual([]);
    err(await call('records.get'), 'VALIDATION');
  });

  it('creates, reads, lists and counts through the table', async () => {
    const rec = ok<LedgerRecord>(await call('records.create', { kind: 'meeting', data: sampleRecord('meeting') }));
    expect(ok<LedgerRecord>(await call('records.get', { id: rec.id }))).toEqual(rec);
    const page = ok<{ total: number }>(
      await call('records.list', { kind: 'meeting', year: 2023, filters: { studyLawBefore: true }, search: '党委' }),
    );
    expect(page.total).toBe(1);
    expect(ok<Record<string, number>>(await call('ledger.stats', { year: 2023 })).meeting).toBe(1);
    expect(ok<number[]>(await call('ledger.years', {}))).toEqual([2023]);
    expect(ok<unknown[]>(await call('kinds.list', {})).length).toBeGreaterThan(10);
  });

  it('returns record errors as VALIDATION with every issue, and writes nothing', async () => {
    const e = err(
      await call('records.create', {
        kind: 'training',
        data: { ...sampleRecord('training', 1), date: '2023-02-30', examTaken: 60, bogus: 1 },
      }),
      'VALIDATION',
    );
    expect(e.issues.map((i) => [i.field, i.fieldLabel])).toEqual([
      ['bogus', 'bogus'],
      ['date', '日期'],
      ['examTaken', '实考人数'],
    ]);
    expect(ok<Record<string, number>>(await call('ledger.stats', { year: 2023 })).training).toBe(0);
  });

  it('turns core errors into codes: NOT_FOUND, CONFLICT, and a bad filter', async () => {
    err(await call('records.get', { id: 'nope' }), 'NOT_FOUND');
    const rec = ok<LedgerRecord>(await call('records.create', { kind: 'dispute', data: sampleRecord('dispute') }));
    err(await call('trash.purge', { id: rec.id }), 'CONFLICT');
    ok(await call('records.delete', { id: rec.id }));
    expect(ok(await call('trash.purge', { id: rec.id }))).toEqual({ purged: rec.id });
    err(await call('records.list', { kind: 'meeting', year: 2023, filters: { meetingType: true } }), 'VALIDATION');
    err(await call('records.list', { kind: 'meeting', year: 2023, sortBy: 'nope' }), 'VALIDATION');
  });

  it('settings errors name the setting in Chinese', async () => {
    const e = err(
      await call('settings.save', { settings: { town: '镇'.repeat(21), villages: ['石桥村', '石桥村'], mayor: 5 } }),
      'VALIDATION',
    );
    expect(e.issues.map((i) => [i.field, i.fieldLabel, i.message])).toEqual([
      ['town', '乡镇名称', '乡镇名称不能超过20个字'],
      ['villages', '村（社区）', '村（社区）名称有重复'],
      ['mayor', '镇长', '镇长应为文字'],
    ]);
  });

  it('runs the 规范性文件 lifecycle through the table', async () => {
    const d = ok<LedgerRecord>(await call('records.create', { kind: 'normativeDoc', data: sampleRecord('normativeDoc') }));
    expect(d.data.number).toBe('双土府规〔2023〕1号');
    err(
      await call('normativeDocs.advance', { id: d.id, step: '公布', data: { publishDate: '2023-05-01', publishCarrier: '网站' } }),
      'CONFLICT',
    );
    const r = ok<LedgerRecord>(
      await call('normativeDocs.advance', { id: d.id, step: '合法性审核', data: { reviewDate: '2023-04-02', reviewer: '司法所' } }),
    );
    expect(r.data.stage).toBe('合法性审核');
    const u = ok<LedgerRecord>(await call('records.update', { id: d.id, data: { ...r.data, stage: '公布', number: 'x' } }));
    expect(u.data).toMatchObject({ stage: '合法性审核', number: '双土府规〔2023〕1号' });
    const w = ok<LedgerRecord>(await call('normativeDocs.withdraw', { id: d.id, reason: '暂缓出台' }));
    expect(w.data).toMatchObject({ withdrawn: true, withdrawReason: '暂缓出台' });
  });

  it('exports and imports through the table', async () => {
    const text = ok<string>(await call('exchange.export', {}));
    expect(ok(await call('exchange.import', { text }))).toEqual({ records: JSON.parse(text).records.length });
    expect(ok<string>(await call('exchange.export', {}))).toBe(text);
    const e = err(await call('exchange.import', { text: 'nope' }), 'BAD_FILE');
    expect(e.message).toContain('JSON');
  });
});
