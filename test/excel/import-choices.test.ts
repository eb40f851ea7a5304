/**
 * The clerk's choices in the import preview, on workbooks written by exceljs and by LibreOffice
 * Calc alike: the header row under a merged title picked by hand, a field the sheet lacks filled
 * with one value for every row, rows of another year set apart, counts that add up to the sheet's
 * rows, sheets recognised on their kind's page, suggestions accepted, and the refused rows handed
 * out as a workbook that imports once fixed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbook, previewWorkbook, refusedRowsWorkbook, type ImportPreview } from '@core/excel';
import { listRecords } from '@core/ledger/query';
import { type TempLedger, ledgerPerTest } from '../support/ledger';
import { load, workbook, type SheetSpec } from './helpers';
import { calcWorkbooks } from './calc';

const ledger = ledgerPerTest();
const records = (L: TempLedger, kind: string, year: number) =>
  listRecords(L.ctx.db, { kind, year, pageSize: 500, sortBy: 'date', sortDir: 'asc' }).rows.map((r) => r.data);
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Every row of every sheet accounted for once: the groups add up to the sheet's rows, which are `rows[sheet]`. */
function addsUp(p: ImportPreview, rows: Record<string, number>): void {
  for (const s of p.sheets.filter((x) => x.kind)) {
    const t = s.tally;
    expect(t.above + t.hidden + t.blank + t.totals + t.ready + t.duplicates + t.otherYear + t.refused, s.sheet).toBe(t.rows);
    expect(t.rows, s.sheet).toBe(rows[s.sheet]);
    expect(t.ready + t.duplicates + t.otherYear + t.refused, s.sheet).toBe(s.rows.length);
  }
}

/** A 矛盾纠纷 sheet as a township keeps it: a merged title, a line of who filled it in, then headers the app does not know. */
const DISPUTES: SheetSpec = {
  name: '2024年矛盾纠纷排查调处',
  merges: ['A1:F1'],
  rows: [
    ['某某乡2024年矛盾纠纷排查调处台账'],
    ['填报单位：某某乡司法所', null, null, null, '填报时间：2025年1月'],
    ['编号', '收案时间', '当事人及纠纷简要情况', '纠纷种类', '调处单位', '调处结果'],
    ...Array.from({ length: 9 }, (_, i) => [i + 1, d(`2024-0${i + 1}-1${i}`), `张某与李某${i + 1}号宅基地纠纷`, '邻里', '司法所', '在办']),
  ],
};

/** A 党委会议台账 has no 会议类型 column: every row is a 党委会议. */
const PARTY_MEETINGS: SheetSpec = {
  name: '党委会议台账',
  rows: [
    ['会议日期', '会议名称', '出席人数'],
    [d('2024-01-08'), '党委会议（第1次）', 9],
    [d('2024-02-19'), '党委会议（第2次）', 11],
    [d('2024-03-25'), '党委会议（第3次）', 10],
  ],
};

/** A 2024 sheet with a row of the last days of 2023 in it. */
const YEAR_END: SheetSpec = {
  name: '会议',
  rows: [
    ['会议日期', '会议名称', '会议类型'],
    [d('2024-01-05'), '第1次党委会议', '党委会议'],
    [d('2023-12-28'), '年终党委会议', '党委会议'],
    [d('2024-02-06'), '第2次党委会议', '党委会议'],
  ],
};

/** Sheets named as clerks name them, with headers in their own words. */
const PAGES: SheetSpec[] = [
  {
    name: '矛盾纠纷调解',
    rows: [
      ['序号', '日期', '纠纷简要情况', '调处结果', '结案时间'],
      ...Array.from({ length: 7 }, (_, i) => [i + 1, d(`2024-03-0${i + 1}`), `纠纷${i + 1}`, '成功', d(`2024-03-2${i}`)]),
    ],
  },
  {
    name: '12345工单',
    rows: [
      ['序号', '受理日期', '工单号', '群众诉求'],
      ...Array.from({ length: 7 }, (_, i) => [i + 1, d(`2024-04-0${i + 1}`), `GD2024040${i + 1}`, `路灯不亮${i + 1}`]),
    ],
  },
];

/** 矛盾纠纷 with one 结果 typed short (成功), one blank 纠纷概要 and a totals row. */
const REFUSED: SheetSpec = {
  name: '矛盾纠纷',
  rows: [
    ['登记日期', '纠纷概要', '来源', '纠纷类型', '调解主体', '结果', '结案日期'],
    [d('2024-05-06'), '邻里排水纠纷', '排查', '邻里', '司法所', '调解成功', d('2024-05-16')],
    [d('2024-05-07'), '土地边界纠纷', '来访', '土地山林', '司法所', '成功', d('2024-05-17')],
    [d('2024-05-08'), '', '来访', '劳资', '司法所', '在办'],
    null,
    ['合计', '3件'],
  ],
};

const PARTY_SEVEN: SheetSpec = {
  ...PARTY_MEETINGS,
  rows: [PARTY_MEETINGS.rows[0], ...Array.from({ length: 7 }, (_, i) => [d(`2024-0${i + 1}-15`), `党委会议（第${i + 1}次）`, 9])],
};

const BOOKS = {
  disputes: [DISPUTES],
  party: [PARTY_MEETINGS],
  yearEnd: [YEAR_END],
  pages: PAGES,
  all21: [...PAGES, PARTY_SEVEN],
  refused: [REFUSED],
};
type Book = keyof typeof BOOKS;
const made: Record<'exceljs' | 'calc', Record<Book, Buffer>> = { exceljs: {} as never, calc: {} as never };

beforeAll(async () => {
  for (const [name, sheets] of Object.entries(BOOKS)) made.exceljs[name as Book] = await workbook(sheets);
  made.calc = calcWorkbooks(BOOKS) as Record<Book, Buffer>;
}, 600_000);

describe.each(['exceljs', 'calc'] as const)('a workbook written by %s', (by) => {
  it('imports a sheet with a merged title above unknown headers after the clerk picks the header row', async () => {
    const L = ledger();
    const bytes = made[by].disputes;
    const found = await previewWorkbook(L.ctx.db, bytes, { year: 2024 });
    const s = found.sheets[0];
    expect(s.kind).toBe('dispute');
    // The 填报单位 line looks like a header; the merged title does not (its text is offered once).
    expect(s.detectedHeaderRow).toBe(2);
    expect(s.headerChoices.slice(0, 3)).toEqual([
      { row: 1, text: '某某乡2024年矛盾纠纷排查调处台账' },
      { row: 2, text: '填报单位：某某乡司法所｜填报时间：2025年1月' },
      { row: 3, text: '编号｜收案时间｜当事人及纠纷简要情况｜纠纷种类｜调处单位｜调处结果' },
    ]);
    // Nothing is imported, and no data row is taken for a totals row.
    expect(s.tally).toMatchObject({ totals: 0, ready: 0, refused: 10 });
    addsUp(found, { [DISPUTES.name]: 12 });

    const overrides = {
      [DISPUTES.name]: {
        headerRow: 3,
        columns: { B: 'date', C: 'title', D: 'disputeType', E: 'mediator', F: 'result' },
        values: { source: '排查' },
      },
    };
    const chosen = await previewWorkbook(L.ctx.db, bytes, { year: 2024, overrides });
    expect(chosen.sheets[0].problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(chosen.sheets[0].tally).toMatchObject({ rows: 12, above: 3, ready: 9, refused: 0, blank: 0, totals: 0 });
    addsUp(chosen, { [DISPUTES.name]: 12 });
    const r = await importWorkbook(L.ctx.db, bytes, { year: 2024, overrides, allOrNothing: true });
    expect(r.added).toBe(9);
    const rows = records(L, 'dispute', 2024);
    expect(rows[0]).toMatchObject({
      date: '2024-01-10',
      title: '张某与李某1号宅基地纠纷',
      source: '排查',
      disputeType: '邻里',
      result: '在办',
    });
    expect(new Set(rows.map((x) => x.source))).toEqual(new Set(['排查']));
  });

  it('fills 会议类型, which the sheet does not have, with 党委会议 for every row', async () => {
    const L = ledger();
    const bytes = made[by].party;
    const lacking = await previewWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(lacking.sheets[0].problems).toEqual([
      expect.objectContaining({ row: 1, col: '', header: '会议类型', message: expect.stringContaining('或为所有行填写同一个值') }),
    ]);
    expect(lacking.sheets[0].fields.find((f) => f.key === 'meetingType')?.options).toContain('党委会议');
    addsUp(lacking, { 党委会议台账: 4 });
    const overrides = { 党委会议台账: { values: { meetingType: '党委会议' } } };
    const p = await previewWorkbook(L.ctx.db, bytes, { year: 2024, overrides });
    expect(p.sheets[0].values).toEqual({ meetingType: '党委会议' });
    expect(p.counts).toMatchObject({ valid: 3, bad: 0 });
    addsUp(p, { 党委会议台账: 4 });
    expect((await importWorkbook(L.ctx.db, bytes, { year: 2024, overrides, allOrNothing: true })).added).toBe(3);
    expect(records(L, 'meeting', 2024).map((x) => [x.title, x.meetingType, x.attendees])).toEqual([
      ['党委会议（第1次）', '党委会议', 9],
      ['党委会议（第2次）', '党委会议', 11],
      ['党委会议（第3次）', '党委会议', 10],
    ]);
    // A value the field does not allow is said once, and nothing is added.
    const wrong = await previewWorkbook(L.ctx.db, bytes, {
      year: 2024,
      overrides: { 党委会议台账: { values: { meetingType: '党委会' } } },
    });
    expect(wrong.sheets[0].problems[0]).toMatchObject({ header: '会议类型', message: expect.stringContaining('是否应为“党委会议”') });
    expect(wrong.counts.valid).toBe(0);
  });

  it('sets a row of another year apart, and writes it only when ticked', async () => {
    const L = ledger();
    const bytes = made[by].yearEnd;
    const p = await previewWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(p.sheets[0].rows.filter((r) => r.otherYear).map((r) => [r.key, r.otherYear])).toEqual([['会议!3', 2023]]);
    expect(p.counts).toMatchObject({ valid: 2, otherYear: 1 });
    addsUp(p, { 会议: 4 });
    const skipped = await importWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(skipped).toMatchObject({ added: 2, otherYear: 1 });
    expect(records(L, 'meeting', 2023)).toEqual([]);
    const L2 = ledger();
    const ticked = await importWorkbook(L2.ctx.db, bytes, { year: 2024, includeOtherYears: ['会议!3'] });
    expect(ticked).toMatchObject({ added: 3, otherYear: 0 });
    expect(records(L2, 'meeting', 2023).map((x) => x.title)).toEqual(['年终党委会议']);
  });

  it('recognises 矛盾纠纷调解 and 12345工单 on their kind pages as on 导入导出, 21 rows counted as 21', async () => {
    const L = ledger();
    const bytes = made[by].pages;
    const whole = await previewWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(whole.sheets.map((s) => s.kind)).toEqual(['dispute', 'ticket']);
    const dispute = await previewWorkbook(L.ctx.db, bytes, { year: 2024, kind: 'dispute' });
    expect(dispute.sheets.map((s) => [s.kind, s.kindFrom])).toEqual([
      ['dispute', 'name'],
      [null, null],
    ]);
    expect(dispute.sheets[1].problems[0].message).toBe('看起来是“诉求工单”的表格，不按“矛盾纠纷”导入，已跳过（可在预览中改选台账类型）');
    const ticket = await previewWorkbook(L.ctx.db, bytes, { year: 2024, kind: 'ticket' });
    expect(ticket.sheets.map((s) => s.kind)).toEqual([null, 'ticket']);
    expect(ticket.sheets[1].headerRow).toBe(1);

    // With the clerk's columns and values, each page imports its sheet's 7 rows.
    const both = {
      矛盾纠纷调解: {
        columns: { B: 'date', C: 'title', D: 'result', E: 'closedDate' },
        values: { source: '排查', disputeType: '邻里', mediator: '司法所' },
      },
      '12345工单': { columns: { B: 'date', C: 'ticketNo', D: 'title' }, values: { source: '12345', result: '办理中' } },
    };
    const p = await previewWorkbook(L.ctx.db, bytes, { year: 2024, overrides: both });
    expect(p.counts.rows).toBe(14);
    addsUp(p, { 矛盾纠纷调解: 8, '12345工单': 8 });
    // 成功 is not a 结果 the ledger knows: accepted for every cell of the column at once.
    expect(p.sheets[0].problems[0]).toMatchObject({ row: 2, col: 'D', value: '成功', suggestion: '调解成功' });
    const fixed = {
      ...both,
      矛盾纠纷调解: { ...both.矛盾纠纷调解, replace: { D: { 成功: '调解成功' } } },
    };
    const ready = await previewWorkbook(L.ctx.db, bytes, { year: 2024, overrides: fixed });
    expect(ready.sheets.flatMap((s) => s.problems.filter((x) => x.level === 'error'))).toEqual([]);
    const r = await importWorkbook(L.ctx.db, bytes, { year: 2024, overrides: fixed, allOrNothing: true });
    expect(r.byKind).toEqual({ dispute: 7, ticket: 7 });
    // With a 党委会议 sheet of 7 more rows: 21 data rows are counted as 21, none as a totals row.
    const L2 = ledger();
    const all = await previewWorkbook(L2.ctx.db, made[by].all21, { year: 2024, overrides: fixed });
    expect(all.counts.rows).toBe(21);
    expect(all.sheets.reduce((n, s) => n + s.tally.totals, 0)).toBe(0);
    addsUp(all, { 矛盾纠纷调解: 8, '12345工单': 8, 党委会议台账: 8 });
  });

  it('accepts a suggestion for one cell, and hands out the refused rows as a workbook that imports once fixed', async () => {
    const L = ledger();
    const bytes = made[by].refused;
    const p = await previewWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(p.sheets[0].tally).toEqual({
      rows: 6,
      above: 1,
      hidden: 0,
      blank: 1,
      totals: 1,
      ready: 1,
      duplicates: 0,
      otherYear: 0,
      refused: 2,
    });
    addsUp(p, { 矛盾纠纷: 6 });
    const one = await previewWorkbook(L.ctx.db, bytes, { year: 2024, overrides: { 矛盾纠纷: { cells: { F3: '调解成功' } } } });
    expect(one.sheets[0].rows.find((r) => r.row === 3)).toMatchObject({ ok: true, data: { result: '调解成功' } });

    const r = await importWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(r).toMatchObject({ added: 1, bad: 2 });
    const out = await refusedRowsWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(out.records).toBe(2);
    const wb = await load(out.bytes);
    const ws = wb.getWorksheet('矛盾纠纷')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['*登记日期', '*纠纷概要', '*来源', '*纠纷类型', '*调解主体', '*结果', '结案日期', '问题']);
    const problem = (n: number) => String(ws.getRow(n).getCell(8).value);
    expect(problem(2)).toBe('原第3行 结果：“成功”不是可选值，是否应为“调解成功”？');
    expect(problem(3)).toBe('原第4行 纠纷概要：必填');
    expect(ws.getRow(2).getCell(6).value).toBe('成功');
    expect(ws.getRow(2).getCell(1).value).toEqual(d('2024-05-07'));

    // The clerk fixes both rows in Excel and imports the same file.
    ws.getRow(2).getCell(6).value = '调解成功';
    ws.getRow(3).getCell(2).value = '工资拖欠纠纷';
    const fixedBytes = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await importWorkbook(L.ctx.db, fixedBytes, { year: 2024, allOrNothing: true });
    expect(again).toMatchObject({ added: 2, bad: 0 });
    expect(records(L, 'dispute', 2024).map((x) => [x.title, x.result])).toEqual([
      ['邻里排水纠纷', '调解成功'],
      ['土地边界纠纷', '调解成功'],
      ['工资拖欠纠纷', '在办'],
    ]);
  });
});

describe('rows the old totals rule took for totals', () => {
  it('counts a data row whose first cells say 合计 as data when it has a date', async () => {
    const L = ledger();
    const bytes = await workbook([
      {
        name: '普法',
        rows: [['活动名称', '日期', '活动类型'], ['小计', d('2024-03-01'), '集中学法'], ['合计（2条）']],
      },
    ]);
    const p = await previewWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(p.sheets[0].tally).toMatchObject({ totals: 1, ready: 1 });
  });
});

describe('a sheet recognised as nothing, on a kind page', () => {
  it('is read as the page’s kind, its header row the first that looks like one', async () => {
    const L = ledger();
    const bytes = await workbook([
      {
        name: 'Sheet1',
        merges: ['A1:C1'],
        rows: [['热线工单登记'], ['来电日期', '反映问题', '处理情况'], [d('2024-06-01'), '路灯不亮', '已处理']],
      },
    ]);
    const whole = await previewWorkbook(L.ctx.db, bytes, { year: 2024 });
    expect(whole.sheets[0].kind).toBeNull();
    const page = await previewWorkbook(L.ctx.db, bytes, { year: 2024, kind: 'ticket' });
    expect(page.sheets[0]).toMatchObject({ kind: 'ticket', kindFrom: 'page', headerRow: 2, detectedHeaderRow: 2 });
    expect(page.sheets[0].tally).toMatchObject({ rows: 3, above: 2, refused: 1 });
  });
});
