/**
 * Excel out and back: the year workbook (sheets per kind, labels, 是/否, totals, print setup,
 * 汇总), the filtered kind export, templates with their drop-downs and 说明 sheet, and the round
 * trip — the fixture and every kind's samples exported to xlsx and imported into an empty ledger
 * give the same records — plus a workbook written by LibreOffice rather than exceljs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportKindWorkbook, exportYearWorkbook, importWorkbook, previewWorkbook, templateWorkbook } from '@core/excel';
import { importLedger } from '@core/ledger/exchange';
import { listRecords, yearStats } from '@core/ledger/query';
import { getSettings } from '@core/ledger/settings';
import { computeAll } from '@core/figures/compute';
import { getKind, KINDS } from '@rules/kinds';
import { describeField } from '@rules/kinds/describe';
import { resolveRegisterColumns } from '@rules/kinds/register';
import { addAllSamples, tempDir, ledgerPerTest } from '../support/ledger';
import { load } from './helpers';
import { api } from '../support/call';
import { callApi, type LedgerContext } from '@core/api';
import type { Settings } from '@rules/settings';

const FIXTURE = path.resolve(__dirname, '../fixtures/shuangtu-2023.json');
const perTest = ledgerPerTest();
const ledger = (settings?: Partial<Settings>) => perTest({ settings });

/**
 * Every live record of a year, per kind, as comparable data (managed fields left out: the app
 * assigns them). A 是/否 field left blank reads 否, as every figure counts it (and as the export
 * writes it), so an absent one compares as false.
 */
function snapshot(ctx: LedgerContext, year: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const k of KINDS) {
    const rows = listRecords(ctx.db, { kind: k.id, year, pageSize: 500, sortBy: 'date', sortDir: 'asc' }).rows;
    if (!rows.length) continue;
    const managed = new Set(k.fields.filter((f) => f.managed).map((f) => f.key));
    const bools = k.fields.filter((f) => f.type === 'bool' && !f.managed).map((f) => f.key);
    out[k.id] = rows
      .map((r) => ({
        ...Object.fromEntries(Object.entries(r.data).filter(([key]) => !managed.has(key))),
        ...Object.fromEntries(bools.map((key) => [key, r.data[key] === true])),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

describe('year workbook', () => {
  it('has 汇总 and one sheet per kind with records, labels, 是/否, totals and print setup', async () => {
    const L = ledger();
    importLedger(L.ctx.db, fs.readFileSync(FIXTURE, 'utf8'));
    const { bytes, records, fileName } = await exportYearWorkbook(L.ctx.db, 2023);
    expect(fileName).toBe('双土镇2023年度法治台账.xlsx');
    const stats = yearStats(L.ctx.db, 2023);
    expect(records).toBe(Object.values(stats).reduce((a, b) => a + b, 0));
    const wb = await load(bytes);
    const withRecords = KINDS.filter((k) => stats[k.id] > 0).map((k) => k.label);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', ...withRecords]);

    const ws = wb.getWorksheet('会议')!;
    const meeting = getKind('meeting')!;
    // 序号, the register's columns (printed), then the kind's other fields (outside the print area).
    const printed = resolveRegisterColumns(meeting);
    const order = [...printed, ...meeting.fields.filter((f) => !printed.includes(f))];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '序号',
      ...order.map((f) => (f.unit ? `${f.label}（${f.unit}）` : f.label)),
    ]);
    expect(ws.rowCount).toBe(stats.meeting + 2); // header, records, totals
    const col = (key: string) => order.findIndex((f) => f.key === key) + 2;
    const bools = new Set<unknown>();
    for (let r = 2; r <= stats.meeting + 1; r++) {
      expect(ws.getRow(r).getCell(1).value).toBe(r - 1);
      bools.add(ws.getRow(r).getCell(col('studyLawBefore')).value);
      expect(ws.getRow(r).getCell(col('date')).value).toBeInstanceOf(Date);
    }
    // 是/否 one way: no blank among them (the fixture leaves most 会前学法 unset).
    expect([...bools].sort()).toEqual(['否', '是'].sort());
    const totals = ws.getRow(stats.meeting + 2);
    expect([totals.getCell(1).value, totals.getCell(2).value]).toEqual(['合计', `${stats.meeting}条`]);
    const attendees = listRecords(L.ctx.db, { kind: 'meeting', year: 2023, pageSize: 500 }).rows.reduce(
      (n, r) => n + ((r.data.attendees as number) ?? 0),
      0,
    );
    const letter = String.fromCharCode(64 + col('attendees'));
    expect(totals.getCell(col('attendees')).value).toEqual({ formula: `SUM(${letter}2:${letter}${stats.meeting + 1})`, result: attendees });
    const lastPrinted = String.fromCharCode(64 + printed.length + 1);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '1:1',
      printArea: `A1:${lastPrinted}${stats.meeting + 2}`,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.headerFooter.oddHeader).toBe('&L&11单位：双土镇&C&12&"-,Bold"2023年度会议台账&R&11年度：2023');
    expect(ws.headerFooter.oddFooter).toBe('&C&11第 &P 页，共 &N 页');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    // Wrapped cells, each row as high as its longest text needs (never below one line).
    const titleCell = ws.getRow(2).getCell(col('title'));
    expect(titleCell.alignment).toMatchObject({ wrapText: true });
    for (let r = 2; r <= stats.meeting + 1; r++) expect(ws.getRow(r).height).toBeGreaterThanOrEqual(20);

    const summary = wb.getWorksheet('汇总')!;
    // One header-row look on every sheet: the kind sheets' style on 汇总 too.
    for (const sheet of [ws, summary]) {
      expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(22);
      expect(sheet.getCell('A1').alignment).toMatchObject({ vertical: 'middle', horizontal: 'center', wrapText: true });
      expect(sheet.getCell('A1').font).toMatchObject({ bold: true });
      expect(sheet.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
    const figures = computeAll(L.ctx.db, 2023);
    expect(summary.rowCount).toBe(figures.length + 1);
    expect((summary.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '指标', '数值', '单位', '报告中的写法', '依据记录数']);
    const rowOf = (name: string) => summary.getRows(2, figures.length)!.find((r) => r.getCell(2).value === name)!;
    const count = figures.find((f) => f.ok && f.type !== 'rate')!;
    expect([2, 3, 4, 5, 6].map((c) => rowOf(count.name).getCell(c).value)).toEqual([
      count.name,
      count.value,
      count.unit,
      count.display,
      count.recordCount,
    ]);
    // A rate as the report rounds it: its value is the number its wording shows.
    const rates = figures.filter((f) => f.ok && f.type === 'rate');
    expect(rates.length).toBeGreaterThan(0);
    for (const f of rates) expect(`${rowOf(f.name).getCell(3).value as number}%`).toBe(f.display);
  });

  it('exports a kind page with its filters and search, nothing else', async () => {
    const L = ledger();
    importLedger(L.ctx.db, fs.readFileSync(FIXTURE, 'utf8'));
    const q = { kind: 'dispute', year: 2023, filters: { disputeType: '邻里' }, search: '村' };
    const expected = listRecords(L.ctx.db, { ...q, pageSize: 500 }).total;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(yearStats(L.ctx.db, 2023).dispute);
    const r = await exportKindWorkbook(L.ctx.db, q);
    expect(r.records).toBe(expected);
    expect(r.fileName).toBe('双土镇2023年度矛盾纠纷台账（筛选）.xlsx');
    const ws = (await load(r.bytes)).worksheets[0];
    expect(ws.rowCount).toBe(expected + 1); // no numeric field in 矛盾纠纷: no totals row
    const typeCol = (ws.getRow(1).values as unknown[]).indexOf('纠纷类型');
    for (let i = 2; i <= expected + 1; i++) expect(ws.getRow(i).getCell(typeCol).value).toBe('邻里');
    // The clerk's 登记簿 columns, as the page's Excel menu sends them: printed after 序号 (date and title always), the rest after.
    const { dataBase64 } = await api<{ dataBase64: string }>(L.ctx, 'excel.exportKind', { ...q, columns: ['result'] });
    const chosen = (await load(Buffer.from(dataBase64, 'base64'))).worksheets[0];
    expect((chosen.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['序号', '登记日期', '纠纷概要', '结果']);
    expect(chosen.pageSetup.printArea).toBe(`A1:D${expected + 1}`);
    expect(chosen.getRow(1).cellCount).toBe(getKind('dispute')!.fields.length + 1);
    const refused = await callApi(L.ctx, 'excel.exportKind', { ...q, columns: ['nope'] });
    expect(refused.ok || refused.error.message).toContain('没有“nope”字段');
  });

  it('makes text that looks like a formula safe, and reads it back as typed', async () => {
    const L = ledger();
    const { createRecord } = await import('@core/ledger/records');
    createRecord(L.ctx.db, 'meeting', { date: '2023-02-01', title: '=HYPERLINK("http://x","点")', meetingType: '党委会议', host: '@张三' });
    const { bytes } = await exportYearWorkbook(L.ctx.db, 2023);
    const ws = (await load(bytes)).getWorksheet('会议')!;
    const titleCol = (ws.getRow(1).values as unknown[]).indexOf('会议名称');
    expect(ws.getRow(2).getCell(titleCol).value).toBe(`'=HYPERLINK("http://x","点")`);
    const L2 = ledger();
    await importWorkbook(L2.ctx.db, bytes);
    expect(listRecords(L2.ctx.db, { kind: 'meeting', year: 2023 }).rows[0].data).toMatchObject({
      title: '=HYPERLINK("http://x","点")',
      host: '@张三',
    });
  });
});

describe('round trip', () => {
  it('the fixture exported to xlsx and imported into an empty ledger gives the same records', async () => {
    const A = ledger();
    importLedger(A.ctx.db, fs.readFileSync(FIXTURE, 'utf8'));
    const B = ledger(getSettings(A.ctx.db));
    for (const year of [2022, 2023]) {
      const { bytes } = await exportYearWorkbook(A.ctx.db, year);
      const r = await importWorkbook(B.ctx.db, bytes, { allOrNothing: true });
      expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
      expect(snapshot(B.ctx, year)).toEqual(snapshot(A.ctx, year));
    }
    // legalAdviser (tags) lives in 2022: every field type of the fixture crossed.
    expect(Object.keys(snapshot(B.ctx, 2022))).toContain('legalAdviser');
  });

  it('every kind and every field type survives export and import', async () => {
    const A = ledger();
    addAllSamples(A.ctx, [2023]);
    const B = ledger();
    const { bytes } = await exportYearWorkbook(A.ctx.db, 2023);
    const r = await importWorkbook(B.ctx.db, bytes, { allOrNothing: true });
    const a = snapshot(A.ctx, 2023);
    expect(Object.keys(a)).toEqual(KINDS.map((k) => k.id));
    expect(r.added).toBe(Object.values(a).reduce((n, l) => n + l.length, 0));
    expect(snapshot(B.ctx, 2023)).toEqual(a);
    const types = new Set(KINDS.flatMap((k) => k.fields.map((f) => f.type)));
    expect(types).toEqual(new Set(['text', 'textarea', 'date', 'int', 'money', 'enum', 'bool', 'village', 'tags']));
    // 规范性文件 come in at 起草 with a new number: the lifecycle columns are the app's and are said to be skipped.
    const docs = r.problems.filter((p) => p.sheet === '行政规范性文件' && p.level === 'warning');
    expect(docs[0].message).toContain('由程序管理，不导入');
  });
});

describe('templates', () => {
  it('per kind: headers in the form order, required marked, drop-downs, formats, frozen, and a 说明 sheet', async () => {
    const kind = getKind('enforcement')!;
    const wb = await load(await templateWorkbook(kind));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['行政执法', '说明']);
    const ws = wb.getWorksheet('行政执法')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '*执法日期',
      '*事由',
      '*执法领域',
      '*程序',
      '*执法行为',
      '*罚单张数（张）',
      '罚款金额（元）',
      '行政检查次数（次）',
      '所属专项整治',
      '已公示',
      '全过程记录',
      '经法制审核',
      '备注',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(7).numFmt).toBe('#,##0.00');
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(14); // 道路交通安全 fits
    expect(ws.getCell('C500').dataValidation).toMatchObject({ type: 'list', formulae: [`"${kind.fields[2].options!.join(',')}"`] });
    expect(ws.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] }); // 已公示
    const guide = wb.getWorksheet('说明')!;
    // One header-row look on every sheet: the kind sheets' style on 说明 too.
    for (const sheet of [ws, guide]) {
      expect(sheet.getRow(1).height).toBe(22);
      expect(sheet.getCell('A1').alignment).toMatchObject({ vertical: 'middle', horizontal: 'center', wrapText: true });
      expect(sheet.getCell('A1').font).toMatchObject({ bold: true });
      expect(sheet.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
    const texts = guide
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string') as string[];
    for (const f of kind.fields) expect(texts, f.label).toContain(describeField(f, 'excel'));
  });

  it('gives the 村（社区） column the ledger’s villages as its drop-down, through the API as the screens ask', async () => {
    const L = ledger({ villages: ['石桥村', '河坝村', '场镇社区'] });
    const { dataBase64 } = await api<{ dataBase64: string }>(L.ctx, 'excel.template', { kind: 'dispute' });
    const wb = await load(Buffer.from(dataBase64, 'base64'));
    const ws = wb.getWorksheet('矛盾纠纷')!;
    const col = (ws.getRow(1).values as unknown[]).slice(1).indexOf('村（社区）');
    expect(col).toBeGreaterThan(0);
    const letter = String.fromCharCode(65 + col);
    expect(ws.getCell(`${letter}2`).dataValidation).toMatchObject({ type: 'list', formulae: ['"石桥村,河坝村,场镇社区"'] });
    const guide = wb.getWorksheet('说明')!.getSheetValues().flat();
    expect(guide).toContain('石桥村、河坝村、场镇社区');
    // A ledger without villages set gets no list (any name may be typed).
    const bare = await load(await templateWorkbook(getKind('dispute')));
    expect(bare.getWorksheet('矛盾纠纷')!.getCell(`${letter}2`).dataValidation).toBeUndefined();
  });

  it('the whole-ledger template has every kind, managed fields left out, and imports back as nothing to add', async () => {
    const bytes = await templateWorkbook();
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...KINDS.map((k) => k.label), '说明']);
    const docHeaders = (wb.getWorksheet('行政规范性文件')!.getRow(1).values as unknown[]).slice(1);
    expect(docHeaders).not.toContain('统一编号');
    const L = ledger();
    const p = await previewWorkbook(L.ctx.db, bytes);
    expect(p.counts.rows).toBe(0);
    expect(p.sheets.filter((s) => s.kind).map((s) => s.kind)).toEqual(KINDS.map((k) => k.id));
  });
});

describe('a workbook written by LibreOffice', () => {
  it('imports from a CSV converted by soffice', async () => {
    const dir = tempDir('fazhi-lo-');
    try {
      const csv = path.join(dir, '应急演练登记表.csv');
      fs.writeFileSync(
        csv,
        [
          '演练日期,演练类型,演练名称,参演人数,其中党员,村（社区）',
          '2023-03-15,消防,春季消防演练,45人次,10,石桥村',
          '2023/6/1,防汛,防汛演练,３０,5,河坝村',
          '2023年9月9日,综合,综合演练,20,,',
        ].join('\n'),
      );
      execFileSync('soffice', ['--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], {
        timeout: 540_000,
        stdio: 'ignore',
        env: { ...process.env, HOME: dir },
      });
      const bytes = fs.readFileSync(path.join(dir, '应急演练登记表.xlsx'));
      const L = ledger();
      const r = await importWorkbook(L.ctx.db, bytes, { allOrNothing: true });
      expect(r.added).toBe(3);
      const rows = listRecords(L.ctx.db, { kind: 'drill', year: 2023, sortBy: 'date', sortDir: 'asc' }).rows.map((x) => x.data);
      expect(rows.map((d) => [d.date, d.drillType, d.participants, d.partyMembers, d.village])).toEqual([
        ['2023-03-15', '消防', 45, 10, '石桥村'],
        ['2023-06-01', '防汛', 30, 5, '河坝村'],
        ['2023-09-09', '综合', 20, undefined, undefined],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
