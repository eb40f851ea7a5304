/**
 * Excel import from the workbooks clerks really have, built here with exceljs: title rows above
 * the headers, merged title cells, synonyms, reordered and extra columns, every date form,
 * full-width digits, units, blank and totals rows, 是/否 variants; every problem by sheet, row and
 * column; probable duplicates; mappings changed in the preview and remembered; large sheets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, previewWorkbook, type ImportProblem } from '@core/excel';
import { listRecords } from '@core/ledger/query';
import { createRecord } from '@core/ledger/records';
import { LedgerError } from '@rules/errors';
import { type TempLedger, ledgerPerTest } from '../support/ledger';
import { workbook } from './helpers';
import { createBackup } from '@core/backup/create';
import { restoreBackup } from '@core/backup/restore';

const ledger = ledgerPerTest();
const count = (L: TempLedger, kind: string, year = 2023) => listRecords(L.ctx.db, { kind, year }).total;
const all = (L: TempLedger, kind: string, year = 2023) =>
  listRecords(L.ctx.db, { kind, year, pageSize: 500, sortBy: 'date', sortDir: 'asc' }).rows.map((r) => r.data);
const where = (p: ImportProblem[]) => p.map((x) => `${x.sheet}!${x.col}${x.row}`);

/** 2023年会议台账 as a clerk keeps it: title row (merged), a blank row, headers in their own words and order. */
async function messyMeetings(): Promise<Buffer> {
  return workbook([
    {
      name: '2023年会议台账',
      merges: ['A1:I1'],
      rows: [
        ['2023年会议台账'],
        null,
        ['序号', '时间', ' 名称 ', '类型', '参会人数', '是否会前学法', '学法内容', '经办人', '研究法治议题'],
        [1, new Date(Date.UTC(2023, 0, 12)), '第1次党委会议', '党委会议', 9, '是', '宪法', '王五', '否'],
        [2, 44967, '第2次党委会议', '党委会议', '１２', '√', '民法典', '', '×'], // serial 44967 = 2023-02-10; full-width digits
        [3, '2023.3.5', '第3次党委会议', '党委会议', '45人', 'Y', '行政处罚法', '', 'N'],
        null,
        [4, '2023/4/6', '理论学习（法治专题）', '理论学习中心组学习', '10', '否', '', '', '是'],
        [5, '2023年5月7日', '政府常务会议', '政府常务会议', 11, '', '', '', ''],
        [6, '2023-6-8', '依法治镇领导小组会议', '依法治镇领导小组会议', 7, 'n', '', '', 'y'],
        [7, '7月9日', '稳定形势分析会', '稳定形势分析会', 8, '', '', '', ''],
        ['合计', '', '', '', { formula: 'SUM(E4:E11)', result: 102 } as never, '', '', '', ''],
      ],
    },
  ]);
}

describe('import from a messy workbook', () => {
  it('finds the kind, the header row below the title, every synonym, and skips blank and totals rows', async () => {
    const L = ledger();
    const bytes = await messyMeetings();
    const p = await previewWorkbook(L.ctx.db, bytes);
    const s = p.sheets[0];
    expect(s.kind).toBe('meeting');
    expect(s.kindFrom).toBe('name');
    expect(s.headerRow).toBe(3);
    expect(Object.fromEntries(s.columns.map((c) => [c.col, c.field]))).toEqual({
      A: null,
      B: 'date',
      C: 'title',
      D: 'meetingType',
      E: 'attendees',
      F: 'studyLawBefore',
      G: 'studyContent',
      H: null,
      I: 'lawTopic',
    });
    expect(s.problems.filter((x) => x.level === 'error')).toEqual([]);
    // 7月9日 takes the year from the title row, with a warning on its cell.
    expect(s.problems).toEqual([
      expect.objectContaining({
        sheet: '2023年会议台账',
        row: 11,
        col: 'B',
        header: '时间',
        level: 'warning',
        message: '“7月9日”没有写年份，按2023年计',
      }),
    ]);
    expect(s.rows.map((r) => r.row)).toEqual([4, 5, 6, 8, 9, 10, 11]);
    expect(s.tally).toEqual({ rows: 12, above: 3, hidden: 0, blank: 1, totals: 1, ready: 7, duplicates: 0, otherYear: 0, refused: 0 });

    const r = await importWorkbook(L.ctx.db, bytes);
    expect(r.added).toBe(7);
    const rows = all(L, 'meeting');
    expect(rows.map((d) => d.date)).toEqual([
      '2023-01-12',
      '2023-02-10',
      '2023-03-05',
      '2023-04-06',
      '2023-05-07',
      '2023-06-08',
      '2023-07-09',
    ]);
    expect(rows.map((d) => d.attendees)).toEqual([9, 12, 45, 10, 11, 7, 8]);
    expect(rows.map((d) => d.studyLawBefore)).toEqual([true, true, true, false, undefined, false, undefined]);
    expect(rows.map((d) => d.lawTopic)).toEqual([false, false, false, true, undefined, true, undefined]);
    expect(rows[0]).toEqual({
      date: '2023-01-12',
      title: '第1次党委会议',
      meetingType: '党委会议',
      attendees: 9,
      studyLawBefore: true,
      studyContent: '宪法',
      lawTopic: false,
    });
  });

  it('takes 3月5日 in the year the clerk chose, and refuses it when no year is known', async () => {
    const L = ledger();
    const bytes = await workbook([
      {
        name: '会议',
        rows: [
          ['会议日期', '会议名称', '会议类型'],
          ['3月5日', '党委会', '党委会议'],
        ],
      },
    ]);
    const withYear = await previewWorkbook(L.ctx.db, bytes, { year: 2022 });
    expect(withYear.sheets[0].rows[0].data.date).toBe('2022-03-05');
    const without = await previewWorkbook(L.ctx.db, bytes);
    expect(without.sheets[0].problems).toEqual([
      expect.objectContaining({ row: 2, col: 'A', level: 'error', message: expect.stringContaining('缺少年份') }),
    ]);
  });

  it('names every problem by sheet, row, column and header, and never reads junk as 0', async () => {
    const L = ledger();
    const bytes = await workbook([
      {
        name: '执法台账',
        rows: [
          ['执法日期', '事由', '执法领域', '程序', '执法行为', '罚单张数', '罚款金额', '已公示'],
          ['2023-02-30', '占道经营', '市容环境', '简易程序', '罚款', 1, 200, '是'],
          ['2023-03-01', '无证经营', '市容环竟', '简易程序', '罚款', '两张', '200元', '是'],
          ['2023-03-02', '超限运输', '道路交通安全', '普通', '罚款', '3个', '1,200.50', '也许'],
          ['2023-03-03', '', '安全生产', '简易程序', '警告', 1, -5, '否'],
        ],
      },
    ]);
    const p = await previewWorkbook(L.ctx.db, bytes);
    const errs = p.sheets[0].problems.filter((x) => x.level === 'error');
    expect(where(errs).sort()).toEqual(
      ['执法台账!A2', '执法台账!B5', '执法台账!C3', '执法台账!D4', '执法台账!F3', '执法台账!F4', '执法台账!G5', '执法台账!H4'].sort(),
    );
    const msg = (cell: string) => errs.find((e) => `${e.col}${e.row}` === cell)!;
    expect(msg('A2')).toMatchObject({ header: '执法日期', message: '日期不存在（“2023-02-30”）' });
    expect(msg('C3').message).toBe('“市容环竟”不是可选值，是否应为“市容环境”？');
    expect(msg('D4').message).toBe('“普通”不是可选值，是否应为“普通程序”？');
    expect(msg('F3').message).toBe('“两张”不是数字（单位：张）');
    expect(msg('F4').message).toBe('“3个”不是数字（单位：张）');
    expect(msg('H4').message).toContain('应为“是”或“否”');
    expect(msg('B5')).toMatchObject({ header: '事由', message: '必填' });
    expect(msg('G5').message).toBe('金额不能为负数');
    expect(p.counts).toMatchObject({ rows: 4, valid: 0, bad: 4 });

    // All or nothing: nothing is written; the error carries every problem in the CLI's words.
    const before = count(L, 'enforcement');
    const err = await importWorkbook(L.ctx.db, bytes, { allOrNothing: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect((err as LedgerError).issues.map((i) => i.message)).toContain(
      '工作表「执法台账」第3行 C列（执法领域）：“市容环竟”不是可选值，是否应为“市容环境”？',
    );
    expect(count(L, 'enforcement')).toBe(before);
  });

  it('reports a missing required column once, on the header row', async () => {
    const L = ledger();
    const bytes = await workbook([
      {
        name: '应急演练',
        rows: [
          ['演练日期', '演练名称', '参演人数'],
          ['2023-05-12', '防汛演练', 30],
          ['2023-06-12', '消防演练', 20],
        ],
      },
    ]);
    const p = await previewWorkbook(L.ctx.db, bytes);
    expect(p.sheets[0].problems).toEqual([
      expect.objectContaining({ row: 1, col: '', header: '演练类型', message: expect.stringContaining('找不到必填列') }),
    ]);
    expect(p.counts.bad).toBe(2);
  });

  it('lists 200 bad rows each at its row, and with skip-bad adds only the good ones', async () => {
    const L = ledger();
    const rows: (string | number)[][] = [['日期', '纠纷概要', '来源', '纠纷类型', '调解主体', '结果', '结案日期']];
    for (let i = 0; i < 400; i++) {
      const good = i % 2 === 0;
      rows.push([`2023-03-${String((i % 28) + 1).padStart(2, '0')}`, `纠纷${i}`, '排查', good ? '邻里' : '邻居', '司法所', '在办', '']);
    }
    const bytes = await workbook([{ name: '矛盾纠纷', rows }]);
    const p = await previewWorkbook(L.ctx.db, bytes);
    const errs = p.sheets[0].problems;
    expect(errs).toHaveLength(200);
    expect(errs.map((e) => e.row)).toEqual(Array.from({ length: 200 }, (_, i) => 2 * i + 3));
    expect(new Set(errs.map((e) => `${e.col}|${e.header}`))).toEqual(new Set(['D|纠纷类型']));
    const r = await importWorkbook(L.ctx.db, bytes);
    expect(r).toMatchObject({ added: 200, bad: 200 });
    expect(count(L, 'dispute')).toBe(200);
  });

  it('flags rows that look like records already in the ledger, skips them unless ticked', async () => {
    const L = ledger();
    createRecord(L.ctx.db, 'meeting', { date: '2023-01-12', title: '第1次党委会议', meetingType: '党委会议' });
    const bytes = await messyMeetings();
    const p = await previewWorkbook(L.ctx.db, bytes);
    const dup = p.sheets[0].rows.filter((r) => r.duplicateOf);
    expect(dup.map((r) => r.key)).toEqual(['2023年会议台账!4']);
    expect(p.counts).toMatchObject({ valid: 6, duplicates: 1 });
    const skipped = await importWorkbook(L.ctx.db, bytes);
    expect(skipped).toMatchObject({ added: 6, duplicates: 1 });
    // The same workbook again: every row is now a probable duplicate; one is ticked.
    const again = await importWorkbook(L.ctx.db, bytes, { includeDuplicates: ['2023年会议台账!5'] });
    expect(again).toMatchObject({ added: 1, duplicates: 6 });
    expect(count(L, 'meeting')).toBe(8);
  });

  it('applies a mapping changed in the preview and remembers it for a workbook of the same shape', async () => {
    const L = ledger();
    const sheet = (title: string) => ({
      name: 'Sheet1',
      rows: [
        ['日子', '活动', '类别', '人'],
        ['2023-04-01', title, '普法宣传活动', '30人次'],
      ],
    });
    const bytes = await workbook([sheet('宪法宣传周')]);
    const auto = await previewWorkbook(L.ctx.db, bytes);
    expect(auto.sheets[0].kind).toBeNull(); // nothing to go by
    expect(auto.sheets[0].problems[0]).toMatchObject({ level: 'warning', message: expect.stringContaining('看不出是哪类台账') });
    const overrides = {
      Sheet1: { kind: 'training' as const, headerRow: 1, columns: { A: 'date', B: 'title', C: 'eventType', D: 'participants' } },
    };
    const chosen = await previewWorkbook(L.ctx.db, bytes, { overrides });
    expect(chosen.sheets[0].problems).toEqual([]);
    expect(chosen.sheets[0].rows[0].data).toEqual({ date: '2023-04-01', title: '宪法宣传周', eventType: '普法宣传活动', participants: 30 });
    await importWorkbook(L.ctx.db, bytes, { overrides });
    const next = await previewWorkbook(L.ctx.db, await workbook([sheet('民法典进村')]));
    expect(next.sheets[0]).toMatchObject({ kind: 'training', kindFrom: 'remembered' });
    expect(next.sheets[0].rows[0].data.title).toBe('民法典进村');
    // The remembered mapping is the app's own: the ledger still backs up and restores.
    const usb = path.join(L.dir, 'usb');
    fs.mkdirSync(usb);
    const made = await createBackup(L.ctx, usb);
    await restoreBackup(L.ctx, made.file);
    expect((await previewWorkbook(L.ctx.db, await workbook([sheet('民法典进村')]))).sheets[0].kindFrom).toBe('remembered');
  });

  it('reads a sheet as the kind of the page it is imported from, and every sheet of a whole workbook', async () => {
    const L = ledger();
    const bytes = await workbook([
      { name: '说明', rows: [['这是说明']] },
      {
        name: '会议',
        rows: [
          ['会议日期', '会议名称', '会议类型'],
          ['2023-01-05', 'A会', '党委会议'],
        ],
      },
      {
        name: '普法台账',
        rows: [
          ['日期', '活动名称', '活动类型'],
          ['2023-01-06', 'B活动', '集中学法'],
        ],
      },
      {
        name: '工作表3',
        rows: [
          ['执法日期', '事由', '执法领域', '程序', '执法行为', '罚单张数'],
          ['2023-01-07', 'C事', '其他', '简易程序', '警告', 1],
        ],
      },
    ]);
    const whole = await importWorkbook(L.ctx.db, bytes);
    expect(whole.byKind).toEqual({ meeting: 1, training: 1, enforcement: 1 });
    const L2 = ledger();
    const onlyMeetings = await previewWorkbook(L2.ctx.db, bytes, { kind: 'meeting' });
    expect(onlyMeetings.sheets.map((s) => s.kind)).toEqual([null, 'meeting', null, null]);
  });

  it('imports 10,000 rows in one transaction', async () => {
    const L = ledger();
    const rows: (string | number | Date)[][] = [['会议类型', '会议日期', '会议名称', '出席人数', '会前学法', '学法内容']];
    for (let i = 0; i < 10_000; i++)
      rows.push([
        '党委会议',
        new Date(Date.UTC(2023, i % 12, (i % 28) + 1)),
        `第${i + 1}次会议`,
        i % 50,
        i % 2 ? '是' : '否',
        i % 2 ? '宪法' : '',
      ]);
    const bytes = await workbook([{ name: '会议', rows }]);
    const r = await importWorkbook(L.ctx.db, bytes, { allOrNothing: true });
    expect(r.added).toBe(10_000);
    expect(count(L, 'meeting')).toBe(10_000);
  });

  it('refuses what is not a workbook with a clear message', async () => {
    const L = ledger();
    const err = await previewWorkbook(L.ctx.db, new TextEncoder().encode('日期,名称\n2023-01-01,会')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('不是Excel工作簿') });
  });
});
