/**
 * An import refuses everything the app would later refuse or choke on, with a
 * bounded Chinese message; the text rules live in the kinds' validator, so a save refuses them too.
 * And for a ledger file opened from disk: someone else's trigger is refused at open.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { callApi, openContext } from '@core/api';
import { LedgerError } from '@rules/errors';
import { getKind } from '@rules/kinds';
import { validateRecord } from '@rules/kinds/validate';
import { decodeExchangeBytes, EXCHANGE_FORMAT, exportLedger, importLedger, parseExchange } from '@core/ledger/exchange';
import { ledgerPerTest } from '../support/ledger';

const ledger = ledgerPerTest();

const T = '2023-05-01T08:00:00.000Z';
const meeting = (over: Record<string, unknown> = {}) => ({
  meetingType: '党委会议',
  date: '2023-05-01',
  title: '党委会',
  attendees: 9,
  ...over,
});
const file = (records: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXCHANGE_FORMAT, version: 1, records, ...extra });
const rec = (over: Record<string, unknown> = {}) => ({ id: 'r1', kind: 'meeting', data: meeting(), createdAt: T, updatedAt: T, ...over });

/** Imports text into a fresh ledger; returns every message (error and issues), checking nothing was written. */
function refusal(text: string): string {
  const L = ledger();
  const before = exportLedger(L.ctx.db);
  try {
    importLedger(L.ctx.db, text);
  } catch (err) {
    expect(err).toBeInstanceOf(LedgerError);
    expect(exportLedger(L.ctx.db)).toBe(before);
    const e = err as LedgerError;
    const all = [e.message, ...e.issues.map((i) => i.message)].join('\n');
    expect(all.length).toBeLessThan(2000);
    return all;
  }
  throw new Error('imported');
}

describe('import refuses what the app later refuses', () => {
  it('a garbage report', () => {
    expect(refusal(file([rec()], { reports: [{ year: 2023, updatedAt: T, data: { title: 1 } }] }))).toMatch(/2023年度报告内容格式不正确/);
  });
  it('ids over 100 characters, and ids with control characters', () => {
    expect(refusal(file([rec({ id: 'x'.repeat(101) })]))).toMatch(/记录编号不能超过100个字符/);
    expect(refusal(file([rec({ id: 'a\u0000b' })]))).toMatch(/记录编号含有空字符/);
  });
  it.each([
    ['NUL', 'a\u0000b', /空字符/],
    ['a C0 control', 'a\u0007b', /控制字符（U\+0007）/],
    ['a lone surrogate', 'a\ud800b', /不成对的代理项/],
    ['an RTL override', 'abc\u202edef', /文字方向控制符（U\+202E）/],
  ])('%s in text', (_what, title, reason) => {
    expect(refusal(file([rec({ data: meeting({ title }) })]))).toMatch(reason);
  });
  it('invalid UTF-8 instead of silently turning it into U+FFFD', () => {
    const bytes = Buffer.concat([
      Buffer.from(file([rec({ data: meeting({ title: 'X' }) })]).split('X')[0]),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(file([rec({ data: meeting({ title: 'X' }) })]).split('X')[1]),
    ]);
    expect(() => decodeExchangeBytes(bytes)).toThrow(/不是有效的 UTF-8/);
    expect(decodeExchangeBytes(Buffer.from('\ufeff{"a":"文"}'))).toBe('{"a":"文"}');
  });
  it('timestamps that are not real instants', () => {
    expect(refusal(file([rec({ createdAt: '2023-99-99T99:99:99Z' })]))).toMatch(/时间格式不正确/);
    expect(refusal(file([rec({ updatedAt: '2023-02-29T10:00:00Z' })]))).toMatch(/时间格式不正确/);
  });
  it('"0x10" is not 16, and numbers must be finite and in range', () => {
    expect(refusal(file([rec({ data: meeting({ attendees: '0x10' }) })]))).toMatch(/应为数字/);
    expect(refusal(file([rec({ data: meeting({ attendees: 1e300 }) })]))).toMatch(/不能大于/);
    expect(refusal(file([rec()], { numberSequences: [{ prefix: '双政规', year: 2023, last: 1e300 }] }))).toMatch(/编号序列格式不正确/);
  });
  it('deep nesting ends in a Chinese refusal, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseExchange(file([rec()]).replace('"records"', `"x":${deep},"records"`))).toThrow(/嵌套层次超过/);
  });
  it('never builds a message from an unbounded value', () => {
    const msg = refusal(file([rec({ kind: 'k'.repeat(1_000_000) })]));
    expect(msg.length).toBeLessThan(500);
    expect(refusal(file([rec({ data: meeting({ meetingType: '会'.repeat(100_000) }) })])).length).toBeLessThan(500);
  });
});

describe('a save refuses the same text', () => {
  it('records.create and settings.save refuse NUL, controls and bidi overrides', async () => {
    const L = ledger();
    const r = await callApi(L.ctx, 'records.create', { kind: 'meeting', data: meeting({ title: '会议\u202e文' }) });
    expect(r.ok ? '' : r.error.issues[0].message).toMatch(/文字方向控制符/);
    const s = await callApi(L.ctx, 'settings.save', { settings: { town: '双土\u0000镇' } });
    expect(s.ok ? '' : s.error.issues[0].message).toMatch(/乡镇名称含有空字符/);
    // Line breaks and tabs stay allowed where the field allows them; rare CJK outside the BMP too.
    const kind = getKind('meeting')!;
    const area = kind.fields.find((f) => f.type === 'textarea')!;
    expect(validateRecord(kind, meeting({ [area.key]: '一\n二\t三', title: '𠀀镇会议' })).issues).toEqual([]);
  });
});

describe('a ledger file opened from disk', () => {
  it('with a trigger someone added is refused untouched, in Chinese', () => {
    const L = ledger();
    const f = L.ctx.file;
    L.ctx.close();
    const db = new Database(f);
    db.exec('CREATE TRIGGER wipe AFTER INSERT ON settings BEGIN DELETE FROM records; END;');
    db.close();
    const bytes = fs.readFileSync(f);
    expect(() => openContext(f)).toThrow(/数据结构被改动过（含有不属于本程序的触发器“wipe”）/);
    expect(fs.readFileSync(f).equals(bytes)).toBe(true);
  });
  it('that is not SQLite inside (SQLITE_NOTADB) is refused in Chinese', () => {
    const L = ledger();
    const f = L.ctx.file;
    L.ctx.close();
    const bytes = fs.readFileSync(f);
    bytes.fill(0x5a, 100, 4096);
    fs.writeFileSync(f, bytes);
    fs.rmSync(`${f}-wal`, { force: true });
    fs.rmSync(`${f}-shm`, { force: true });
    let msg = '';
    try {
      openContext(f).close();
    } catch (err) {
      msg = (err as Error).message;
    }
    expect(msg).toMatch(/[\u4e00-\u9fff]/);
    expect(msg).not.toMatch(/file is not a database|malformed/);
  });
});
