/**
 * The CLI contracts for Excel (in this process, test/support/cli.ts): `template`, `import <x.xlsx>` all or
 * nothing (exit 1, every problem on stderr in the fixed form, the ledger byte-identical) and with
 * --skip-bad (exit 0, the valid rows added), and `export --year --out x.xlsx [--kind]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { listRecords } from '@core/ledger/query';
import { saveSettings } from '@core/ledger/settings';
import { KINDS } from '@rules/kinds';
import { hashFile, tempDir } from '../support/ledger';
import { load, workbook } from './helpers';
import { cli } from '../support/cli';

let dir: string;
let db: string;
let bad: string;
beforeAll(async () => {
  dir = tempDir('fazhi-excel-cli-');
  db = path.join(dir, 'ledger.db');
  bad = path.join(dir, '2023年会议台账.xlsx');
  fs.writeFileSync(
    bad,
    await workbook([
      {
        name: '会议记录',
        rows: [
          ['2023年会议台账'],
          ['会议日期', '会议名称', '会议类型', '出席人数'],
          ['2023-01-10', '第1次党委会', '党委会议', 9],
          ['2023-02-30', '第2次党委会', '党委会议', 9],
          ['2023-03-10', '第3次党委会', '党委会', '九人'],
          ['2023-04-10', '第4次党委会', '党委会议', '10人'],
        ],
      },
    ]),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cli excel', () => {
  it('template writes the whole-ledger template, or one kind', async () => {
    const out = path.join(dir, '模板.xlsx');
    const r = await cli('template', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`已生成模板：${out}`);
    const one = path.join(dir, 'meeting.xlsx');
    expect((await cli('template', '--out', one, '--kind', 'meeting')).code).toBe(0);
    return Promise.all([load(fs.readFileSync(out)), load(fs.readFileSync(one))]).then(([all, m]) => {
      expect(all.worksheets).toHaveLength(KINDS.length + 1);
      expect(m.worksheets.map((w) => w.name)).toEqual(['会议', '说明']);
    });
  });

  it('template --db gives the 村（社区） columns that ledger’s villages', async () => {
    const withVillages = path.join(dir, 'villages.db');
    const ctx = openContext(withVillages);
    saveSettings(ctx.db, { town: '石桥镇', villages: ['石桥村', '红星村'] });
    ctx.close();
    const out = path.join(dir, 'drill.xlsx');
    expect((await cli('template', '--out', out, '--kind', 'drill', '--db', withVillages)).code).toBe(0);
    const ws = (await load(fs.readFileSync(out))).getWorksheet('应急演练')!;
    const village = (ws.getRow(1).values as unknown[]).indexOf('村（社区）');
    expect(ws.getCell(2, village).dataValidation).toMatchObject({ type: 'list', formulae: ['"石桥村,红星村"'] });
  });

  it('import without --skip-bad: exit 1, every problem on stderr, the ledger byte-identical', async () => {
    expect((await cli('init', '--db', db)).code).toBe(0);
    const before = hashFile(db);
    const r = await cli('import', '--db', db, bad);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '工作表「会议记录」第4行 A列（会议日期）：日期不存在（“2023-02-30”）',
      '工作表「会议记录」第5行 C列（会议类型）：“党委会”不是可选值，是否应为“党委会议”？',
      '工作表「会议记录」第5行 D列（出席人数）：“九人”不是数字（单位：人）',
    ]);
    expect(lines[3]).toContain('未导入任何记录');
    expect(hashFile(db)).toBe(before);
    expect(fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0).toBe(0);
  });

  it('import --skip-bad: the valid rows are added, the rest listed, exit 0', async () => {
    const r = await cli('import', '--db', db, bad, '--skip-bad');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('已导入2条记录；有错误未导入2行；疑似重复已跳过0行');
    expect(r.err.trim().split('\n')).toHaveLength(3);
    // Again: both rows are now probable duplicates, skipped and counted.
    const again = await cli('import', '--db', db, bad, '--skip-bad', '--kind', 'meeting', '--year', '2023');
    expect(again.code).toBe(0);
    expect(again.out.split('\n')[0]).toBe('已导入0条记录；有错误未导入2行；疑似重复已跳过2行');
    const ctx = openContext(db);
    try {
      expect(
        listRecords(ctx.db, { kind: 'meeting', year: 2023, sortBy: 'date', sortDir: 'asc' }).rows.map((x) => [
          x.data.date,
          x.data.attendees,
        ]),
      ).toEqual([
        ['2023-01-10', 9],
        ['2023-04-10', 10],
      ]);
    } finally {
      ctx.close();
    }
  });

  it('export --year --out x.xlsx, and --kind', async () => {
    const out = path.join(dir, 'out', '2023.xlsx');
    const r = await cli('export', '--db', db, '--year', '2023', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`已导出2条记录到：${out}`);
    expect((await load(fs.readFileSync(out))).worksheets.map((w) => w.name)).toEqual(['汇总', '会议']);
    const kindOut = path.join(dir, 'out', 'meeting.xlsx');
    expect((await cli('export', '--db', db, '--year', '2023', '--out', kindOut, '--kind', 'meeting')).code).toBe(0);
    expect((await load(fs.readFileSync(kindOut))).worksheets.map((w) => w.name)).toEqual(['会议']);
    const unknown = await cli('export', '--db', db, '--year', '2023', '--out', kindOut, '--kind', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('未知的台账类型：nope');
  });
});

describe('cli import: header row, one value for every row, other years', () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const meetings = (db: string, year: number) => {
    const ctx = openContext(db);
    try {
      return listRecords(ctx.db, { kind: 'meeting', year, sortBy: 'date', sortDir: 'asc' }).rows.map((x) => x.data);
    } finally {
      ctx.close();
    }
  };

  it('--header-row picks the sheet’s header row and --set fills 会议类型, which the sheet lacks, by its label', async () => {
    const file = path.join(dir, '党委会议.xlsx');
    // Sixteen lines of notes above the headers: more than the app looks through by itself.
    const notes = Array.from({ length: 16 }, (_, i) => [`说明${i + 1}：本表由党政办填写`, `第${i + 1}条`]);
    fs.writeFileSync(
      file,
      await workbook([
        {
          name: '党委会议台账',
          rows: [
            ...notes,
            ['会议日期', '会议名称', '出席人数'],
            [d('2024-01-08'), '第1次党委会议', 9],
            [d('2024-02-19'), '第2次党委会议', 11],
          ],
        },
      ]),
    );
    const ledger = path.join(dir, 'header-row.db');
    const without = await cli('import', '--db', ledger, file, '--year', '2024');
    expect(without.code).toBe(1);
    expect(without.err).toContain('工作表「党委会议台账」');
    const r = await cli('import', '--db', ledger, file, '--year', '2024', '--header-row', '17', '--set', '会议类型=党委会议');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('已导入2条记录；疑似重复已跳过0行');
    expect(meetings(ledger, 2024).map((x) => [x.title, x.meetingType, x.attendees])).toEqual([
      ['第1次党委会议', '党委会议', 9],
      ['第2次党委会议', '党委会议', 11],
    ]);
    // The field by its id works too; a field no kind has is refused before anything is read.
    const byId = await cli('import', '--db', ledger, file, '--header-row', '17', '--set', 'meetingType=党委会议', '--skip-bad');
    expect(byId.out.split('\n')[0]).toBe('已导入0条记录；疑似重复已跳过2行');
    const unknown = await cli('import', '--db', ledger, file, '--set', '开会地点=会议室');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('--set 的“开会地点”不是任何台账的字段');
    const bad = await cli('import', '--db', ledger, file, '--header-row', '第3行');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('表头行号“第3行”不正确');
  });

  it('--year refuses rows of another year, each named, the ledger byte-identical; --other-years adds them to their year', async () => {
    const file = path.join(dir, '跨年会议.xlsx');
    fs.writeFileSync(
      file,
      await workbook([
        {
          name: '会议',
          rows: [
            ['会议类型', '会议日期', '会议名称'],
            ['党委会议', d('2024-01-05'), '第1次党委会议'],
            ['党委会议', d('2023-12-28'), '年终党委会议'],
            ['党委会议', '2025-01-02', '新年党委会议'],
          ],
        },
      ]),
    );
    const ledger = path.join(dir, 'years.db');
    expect((await cli('init', '--db', ledger)).code).toBe(0);
    const before = hashFile(ledger);
    for (const extra of [[], ['--skip-bad']]) {
      const r = await cli('import', '--db', ledger, file, '--year', '2024', ...extra);
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toEqual([
        '工作表「会议」第3行 B列（会议日期）：2023-12-28不在2024年度，这一行会记入2023年度',
        '工作表「会议」第4行 B列（会议日期）：2025-01-02不在2024年度，这一行会记入2025年度',
        '工作簿有2行的日期不在2024年度，未导入任何记录（可加 --other-years 把这些行记入各自的年度）',
      ]);
      expect(hashFile(ledger)).toBe(before);
    }
    const ok = await cli('import', '--db', ledger, file, '--year', '2024', '--other-years');
    expect(ok.code).toBe(0);
    expect(ok.out.split('\n')[0]).toBe('已导入3条记录；疑似重复已跳过0行');
    expect(meetings(ledger, 2023).map((x) => x.title)).toEqual(['年终党委会议']);
    expect(meetings(ledger, 2025).map((x) => x.title)).toEqual(['新年党委会议']);
    // Without --year there is no working year to hold rows against: every row goes to its own year, as before.
    const plain = await cli('import', '--db', path.join(dir, 'plain.db'), file);
    expect(plain.out.split('\n')[0]).toBe('已导入3条记录；疑似重复已跳过0行');
    const json = await cli('import', '--db', ledger, path.join(dir, 'x.json'), '--other-years');
    expect(json.code).toBe(1);
    expect(json.err).toContain('--other-years只用于导入Excel工作簿（.xlsx）');
  });
});
