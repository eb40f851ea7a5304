/**
 * The fields reports cite that the ledger did not keep (行政检查次数, 发证日期, 法律顾问类别, 第一议题,
 * 研究解决问题数, 党支部学习, 资料种类, 应参加人数, 备案审查结果): through the exchange file and the
 * year workbook and back unchanged, named in the import template, found by a clerk's own header,
 * and an exchange file written before them still imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLedger, importLedger } from '@core/ledger/exchange';
import { createRecord } from '@core/ledger/records';
import { listRecords } from '@core/ledger/query';
import { advanceNormativeDoc } from '@core/ledger/normative-doc';
import { exportYearWorkbook, importWorkbook, templateWorkbook } from '@core/excel';
import { computeFigure, yearPeriod } from '@core/figures/compute';
import { getKind } from '@rules/kinds';
import { tempLedger, SAMPLE_SETTINGS, type TempLedger } from '../support/ledger';
import { load, workbook } from '../excel/helpers';

const FIXTURE = path.resolve(__dirname, '../fixtures/shuangtu-2023.json');

/** One record per new field or value, as a clerk would type them. */
const NEW: [string, Record<string, unknown>][] = [
  [
    'enforcement',
    { date: '2024-05-10', title: '餐饮店检查', domain: '餐饮食品', procedure: '简易程序', action: '行政检查', tickets: 0, inspections: 36 },
  ],
  ['officer', { name: '刘执法', date: '2024-01-05', certified: true, certNo: '渝执001', certDate: '2024-03-01', validUntil: '2029-02-28' }],
  ['legalAdviser', { name: '李律师', adviserType: '村（社区）', date: '2024-01-10', villages: ['石桥村'] }],
  ['meeting', { meetingType: '党支部学习', date: '2024-03-02', title: '机关党支部学习', firstTopic: true, problemsSolved: 3 }],
  [
    'training',
    {
      date: '2024-04-15',
      eventType: '普法宣传活动',
      title: '禁毒宣传',
      participants: 300,
      expectedParticipants: 450,
      materials: 800,
      codeBooks: 120,
      drugManuals: 500,
      slogans: 20,
      displayBoards: 6,
    },
  ],
];

let a: TempLedger;
let b: TempLedger;
beforeEach(() => {
  a = tempLedger();
  b = tempLedger();
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

const add = (l: TempLedger) => NEW.forEach(([kind, data]) => createRecord(l.ctx.db, kind, data));
const data = (l: TempLedger, kind: string) => listRecords(l.ctx.db, { kind, year: 2024, pageSize: 50 }).rows.map((r) => r.data);

/** A 规范性文件 taken through its steps to 报送备案, then given the 备案审查结果. */
function filedDoc(l: TempLedger, filingReview: string) {
  let r = createRecord(l.ctx.db, 'normativeDoc', { registeredDate: '2024-03-01', title: '某某管理办法' });
  const steps: [string, Record<string, unknown>][] = [
    ['合法性审核', { reviewDate: '2024-03-05', reviewer: '镇司法所' }],
    ['集体审议', { deliberationDate: '2024-03-10', deliberationMeeting: '政府常务会议' }],
    ['公布', { publishDate: '2024-03-15', publishCarrier: '镇政府网站' }],
    ['报送备案', { filingDate: '2024-03-30', filingAuthority: '县司法局', filingReview }],
  ];
  for (const [step, d] of steps) r = advanceNormativeDoc(l.ctx.db, r.id, step, d);
  return r;
}

describe('the exchange file', () => {
  it('carries every new field there and back, byte for byte', () => {
    add(a);
    filedDoc(a, '通过');
    const text = exportLedger(a.ctx.db);
    importLedger(b.ctx.db, text);
    expect(exportLedger(b.ctx.db)).toBe(text);
    for (const [kind, record] of NEW) expect(data(b, kind)).toEqual([expect.objectContaining(record)]);
    expect(data(b, 'normativeDoc')[0]).toMatchObject({ stage: '报送备案', filingReview: '通过' });
    const shown = (id: string) => computeFigure(b.ctx.db, id, yearPeriod(2024)).display;
    expect(
      ['enforcement.inspections', 'officer.newlyCertified', 'legalAdviser.villageCount', 'meeting.firstTopic.count'].map(shown),
    ).toEqual(['36次', '1名', '1名', '1次']);
    expect(
      ['meeting.partyBranch.count', 'meeting.problemsSolved', 'training.coverageRate', 'normativeDoc.filingPassed'].map(shown),
    ).toEqual(['1次', '3个', '66.67%', '1件']);
    expect(['training.codeBooks', 'training.drugManuals', 'training.slogans', 'training.displayBoards'].map(shown)).toEqual([
      '120本',
      '500份',
      '20条',
      '6块',
    ]);
  });

  it('an exchange file written before the new fields imports unchanged, its figures as they were', () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    expect(text).not.toMatch(/"(certDate|adviserType|firstTopic|inspections|filingReview|expectedParticipants)"/);
    importLedger(a.ctx.db, text);
    expect(computeFigure(a.ctx.db, 'legalAdviser.count', yearPeriod(2023)).display).toBe('1名');
    expect(computeFigure(a.ctx.db, 'enforcement.tickets', yearPeriod(2023)).display).toBe('906张');
  });
});

describe('the year workbook', () => {
  it('carries every new field there and back', async () => {
    add(a);
    const { bytes } = await exportYearWorkbook(a.ctx.db, 2024);
    const r = await importWorkbook(b.ctx.db, bytes, { allOrNothing: true });
    expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
    // The workbook writes 否 for an empty yes/no: every field typed comes back as typed.
    for (const [kind, record] of NEW) expect(data(b, kind), kind).toEqual([expect.objectContaining(record)]);
  });

  it('names the new fields in the import template', async () => {
    const wb = await load(await templateWorkbook(undefined, SAMPLE_SETTINGS.villages));
    // A header reads 「*执法日期」 (required) or 「行政检查次数（次）」 (with its unit).
    const header = (sheet: string) =>
      (wb.getWorksheet(sheet)!.getRow(1).values as unknown[]).filter(Boolean).map((v) =>
        String(v)
          .replace(/^\*/, '')
          .replace(/（[^（）]*）$/, ''),
      );
    const has = (kind: string, keys: string[]) => {
      const k = getKind(kind)!;
      expect(header(k.label), kind).toEqual(expect.arrayContaining(keys.map((key) => k.fields.find((f) => f.key === key)!.label)));
    };
    has('officer', ['certDate']);
    has('enforcement', ['inspections']);
    has('legalAdviser', ['adviserType']);
    has('meeting', ['firstTopic', 'problemsSolved']);
    has('training', ['codeBooks', 'drugManuals', 'slogans', 'displayBoards', 'expectedParticipants']);
  });

  it('reads a clerk’s own headers for them (取证日期, 顾问类别, 应参训人数, 检查次数)', async () => {
    const bytes = await workbook([
      {
        name: '执法人员',
        rows: [
          ['姓名', '登记日期', '持有执法证', '执法证号', '取证日期'],
          ['王五', '2024-02-01', '是', '渝执002', '2024-01-20'],
        ],
      },
      {
        name: '法律顾问',
        rows: [
          ['姓名', '聘任日期', '顾问类别'],
          ['张律师', '2024-01-02', '村（社区）'],
        ],
      },
      {
        name: '普法与培训',
        rows: [
          ['日期', '活动类型', '活动名称', '参与人次', '应参训人数'],
          ['2024-03-01', '集中学法', '学法', 40, 50],
        ],
      },
      {
        name: '行政执法',
        rows: [
          ['执法日期', '事由', '执法领域', '程序', '执法行为', '罚单张数', '检查次数'],
          ['2024-04-01', '安全检查', '安全生产', '简易程序', '行政检查', 0, 12],
        ],
      },
    ]);
    const r = await importWorkbook(a.ctx.db, bytes, { allOrNothing: true });
    expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(data(a, 'officer')[0]).toMatchObject({ certDate: '2024-01-20' });
    expect(data(a, 'legalAdviser')[0]).toMatchObject({ adviserType: '村（社区）' });
    expect(data(a, 'training')[0]).toMatchObject({ expectedParticipants: 50 });
    expect(data(a, 'enforcement')[0]).toMatchObject({ action: '行政检查', inspections: 12 });
  });
});
