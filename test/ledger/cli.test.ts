/**
 * The CLI's commands (in this process, test/support/cli.ts): init, import, export and stats, their
 * exit codes and outputs, and an import with errors that lists every error and leaves the ledger
 * file byte for byte unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@core/db/migrations';
import { EXCHANGE_FORMAT, exportLedger } from '@core/ledger/exchange';
import { KINDS } from '@rules/kinds';
import { addAllSamples, hashFile, SAMPLES, tempDir, tempLedger } from '../support/ledger';
import { cli } from '../support/cli';

let dir: string;
let good: string; // an exchange file of a ledger holding every sample in 2022 and 2023
let goodText: string;
beforeAll(() => {
  dir = tempDir('fazhi-cli-');
  const L = tempLedger();
  addAllSamples(L.ctx, [2022, 2023]);
  goodText = exportLedger(L.ctx.db);
  L.cleanup();
  good = path.join(dir, '台账 交换.json');
  fs.writeFileSync(good, goodText);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cli', () => {
  const db = () => path.join(dir, 'ledger.db');

  it('init creates an empty ledger and exits 0', async () => {
    const r = await cli('init', '--db', db());
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`已创建台账：${db()}`);
    const raw = new Database(db(), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
    raw.close();
  });

  it('import loads an exchange file and exits 0', async () => {
    const r = await cli('import', '--db', db(), good);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const perYear = Object.values(SAMPLES).reduce((n, l) => n + l.length, 0);
    expect(r.out.trim()).toBe(`已导入${2 * perYear}条记录`);
  });

  it('export writes the same file back and exits 0', async () => {
    const out = path.join(dir, 'out', 'again.json');
    const r = await cli('export', '--db', db(), '--out', out);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`已导出到：${out}`);
    expect(fs.readFileSync(out, 'utf8')).toBe(goodText);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['again.json']); // no temp file left behind
  });

  it('stats prints JSON counts per kind for the year', async () => {
    const r = await cli('stats', '--db', db(), '--year', '2023');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { year: number; counts: Record<string, number> };
    expect(parsed.year).toBe(2023);
    expect(parsed.counts).toEqual(Object.fromEntries(KINDS.map((k) => [k.id, SAMPLES[k.id].length])));
    const empty = JSON.parse((await cli('stats', '--db', db(), '--year', '1999')).out) as { counts: Record<string, number> };
    expect(Object.values(empty.counts).every((n) => n === 0)).toBe(true);
  });

  it('an import with errors exits 1, lists every error by row and field, and changes no byte', async () => {
    const file = JSON.parse(goodText) as { records: { kind: string; data: Record<string, unknown> }[] };
    const i = (kind: string, nth = 0) => file.records.map((r, k) => [r, k] as const).filter(([r]) => r.kind === kind)[nth][1];
    const meeting = i('meeting');
    const training = i('training', 1);
    const drill = i('drill');
    file.records[meeting].data.date = '2023-02-30';
    file.records[training].data.examTaken = 51; // > 应考人数 50
    file.records[drill].data.participants = 10; // < 党员+网格员+群众 (80)
    file.records[drill].data.drillType = '演习';
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify(file));

    const before = hashFile(db());
    const r = await cli('import', '--db', db(), bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toBe('错误：交换文件有4处错误，未导入任何数据');
    expect(lines.slice(1)).toEqual([
      `  第${meeting + 1}条 · 会议 · 会议日期：日期不存在（2023-02-30）`,
      `  第${training + 1}条 · 普法与培训 · 实考人数：实考人数（51）不能大于应考人数（50）`,
      `  第${drill + 1}条 · 应急演练 · 演练类型：“演习”不是可选值（可选：${KINDS.find((k) => k.id === 'drill')!
        .fields.find((f) => f.key === 'drillType')!
        .options!.join('、')}）`,
      `  第${drill + 1}条 · 应急演练 · 其中党员：其中党员+其中网格员+其中群众（80）不能大于参演人数（10）`,
    ]);
    expect(hashFile(db())).toBe(before);
    // (ledger.db-lock is the cross-process hold, docs/backup.md; it stays beside the ledger.)
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => f.startsWith('ledger.db'))
        .sort(),
    ).toEqual(['ledger.db', 'ledger.db-lock']);
    // The ledger still answers as before.
    expect(JSON.parse((await cli('stats', '--db', db(), '--year', '2023')).out).counts.meeting).toBe(SAMPLES.meeting.length);
  });

  it('an import of something that is not an exchange file exits 1 and changes no byte', async () => {
    const before = hashFile(db());
    for (const content of [
      'not json at all',
      JSON.stringify({ format: 'other' }),
      JSON.stringify({ format: EXCHANGE_FORMAT, version: 9, records: [] }),
    ]) {
      const f = path.join(dir, 'x.json');
      fs.writeFileSync(f, content);
      const r = await cli('import', '--db', db(), f);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^错误：/);
    }
    expect(hashFile(db())).toBe(before);
  });

  it('a refused import into a new ledger leaves no file behind', async () => {
    const fresh = path.join(dir, 'fresh.db');
    const f = path.join(dir, 'y.json');
    fs.writeFileSync(f, JSON.stringify({ format: EXCHANGE_FORMAT, version: 1, records: [{ id: 'a', kind: 'meeting', data: {} }] }));
    const r = await cli('import', '--db', fresh, f);
    expect(r.code).toBe(1);
    expect(r.err).toContain('第1条 · 会议 · 会议类型：必填');
    expect(fs.readdirSync(dir).filter((x) => x.startsWith('fresh.db'))).toEqual([]);
  });

  it('usage errors exit 1 with a Chinese message', async () => {
    const cases: [string[], RegExp][] = [
      [[], /用法/],
      [['frobnicate'], /未知命令：frobnicate/],
      [['init'], /缺少参数 --db/],
      [['import', '--db', db()], /缺少要导入的交换文件/],
      [['import', '--db', db(), path.join(dir, 'missing.json')], /交换文件不存在/],
      [['export', '--db', db()], /缺少参数 --out/],
      [['stats', '--db', db(), '--year', '二〇二三'], /年度“二〇二三”不正确/],
      [['stats', '--db', db(), '--year', '2023', '--bogus'], /参数错误/],
      [['stats', '--db', path.join(dir, 'missing.db'), '--year', '2023'], /台账文件不存在/],
      [['export', '--db', path.join(dir, 'missing.db'), '--out', path.join(dir, 'o.json')], /台账文件不存在/],
    ];
    for (const [args, re] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(re);
    }
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'o.json'))).toBe(false);
  });

  it('a ledger from a newer version is refused (exit 1) and left untouched', async () => {
    const newer = path.join(dir, 'newer.db');
    fs.copyFileSync(db(), newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = hashFile(newer);
    for (const args of [
      ['stats', '--db', newer, '--year', '2023'],
      ['import', '--db', newer, good],
      ['export', '--db', newer, '--out', path.join(dir, 'n.json')],
    ]) {
      const r = await cli(...args);
      expect(r.code).toBe(1);
      expect(r.err).toContain('更新版本');
    }
    expect(hashFile(newer)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('newer.db'))).toEqual(['newer.db']);
  });

  it('a file that is not a ledger is refused (exit 1) and left untouched', async () => {
    const foreign = path.join(dir, 'notes.txt');
    fs.writeFileSync(foreign, '会议记录……'.repeat(50));
    const before = hashFile(foreign);
    const r = await cli('import', '--db', foreign, good);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不是法治台账文件');
    expect(hashFile(foreign)).toBe(before);
  });

  it('init on an existing ledger keeps its records', async () => {
    expect((await cli('init', '--db', db())).code).toBe(0);
    expect(JSON.parse((await cli('stats', '--db', db(), '--year', '2022')).out).counts.training).toBe(SAMPLES.training.length);
  });
});
