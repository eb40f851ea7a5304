/**
 * The printed register measured as the inspector gets it: a real ledger, a real PDF from headless
 * Chromium, read back with poppler (pdfinfo, pdftotext -bbox-layout).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord } from '@core/ledger/records';
import { renderRegister, exportRegister } from '@core/register/export';
import { buildRegister } from '@core/register/model';
import { getKind, KINDS } from '@rules/kinds';
import { defaultRegisterColumns, resolveRegisterColumns } from '@rules/kinds/register';
import { pdfPages, requireTool, MM_PER_PT } from '../render-html/measure';
import { fails, sampleRecord, tempLedger, type TempLedger } from '../support/ledger';

const MEETINGS = 70;
const TYPES = ['党委会议', '稳定形势分析会', '政府常务会议'] as const;
const titleOf = (i: number) => `测试会议第${String(i).padStart(3, '0')}号`;
const attendeesOf = (i: number) => 5 + ((i * 37) % 90);

let L: TempLedger;
let pdfFile: string;

beforeAll(async () => {
  requireTool('pdfinfo', 'poppler-utils');
  L = tempLedger();
  // Created out of date order: the register must still read by date.
  for (let i = MEETINGS; i >= 1; i--) {
    const month = String(1 + Math.floor((i - 1) / 6)).padStart(2, '0');
    const day = String(1 + ((i - 1) % 6) * 4).padStart(2, '0');
    createRecord(L.ctx.db, 'meeting', {
      meetingType: TYPES[i % 3],
      date: `2023-${month}-${day}`,
      title: titleOf(i),
      host: '张三',
      attendees: attendeesOf(i),
      studyLawBefore: false,
    });
  }
  const trashed = createRecord(L.ctx.db, 'meeting', {
    meetingType: '党委会议',
    date: '2023-05-05',
    title: '已删除的会议',
    attendees: 1000,
  });
  deleteRecord(L.ctx.db, trashed.id);
  createRecord(L.ctx.db, 'meeting', { meetingType: '党委会议', date: '2022-05-05', title: '上一年的会议', attendees: 1000 });
  pdfFile = path.join(L.dir, 'register.pdf');
  await exportRegister(L.ctx, { kind: 'meeting', year: 2023 }, pdfFile);
});

afterAll(() => L?.cleanup());

describe('register PDF', () => {
  it('is A4 landscape on every page', () => {
    const info = execFileSync('pdfinfo', ['-l', '99', pdfFile], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
      Number(m[1]) * MM_PER_PT,
      Number(m[2]) * MM_PER_PT,
    ]);
    expect(sizes.length).toBeGreaterThan(1);
    for (const [w, h] of sizes) {
      expect(w).toBeCloseTo(297, 0);
      expect(h).toBeCloseTo(210, 0);
    }
  });

  it('repeats the header row and numbers 第N页 共M页 at the bottom right of every page', () => {
    const pages = pdfPages(pdfFile);
    const headings = ['序号', '会议日期', '会议类型', '会议名称', '出席人数（人）'];
    for (const p of pages) {
      const text = p.rows.map((r) => r.words.map((w) => w.text).join('')).join('\n');
      for (const h of headings) expect(text, `page ${p.number}`).toContain(h);
      const footer = p.rows.find((r) => /^第\d+页共\d+页$/.test(r.words.map((w) => w.text).join('')));
      expect(footer, `page ${p.number} footer`).toBeDefined();
      expect(footer!.words.map((w) => w.text).join('')).toBe(`第${p.number}页共${pages.length}页`);
      // In the bottom margin, flush with the table's right edge (12 mm margin).
      expect(footer!.yMin).toBeGreaterThan(p.heightMm - 16);
      expect(p.widthMm - footer!.xMax).toBeGreaterThan(11);
      expect(p.widthMm - footer!.xMax).toBeLessThan(14);
    }
  });

  it('lists every live record of the year exactly once, by date, and nothing else', () => {
    const text = execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (let i = 1; i <= MEETINGS; i++) expect(text.split(titleOf(i)).length - 1, titleOf(i)).toBe(1);
    expect(text).not.toContain('已删除的会议');
    expect(text).not.toContain('上一年的会议');
    const order = Array.from({ length: MEETINGS }, (_, k) => text.indexOf(titleOf(k + 1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('双土镇2023年会议台账');
  });

  it('ends with the totals of the number columns', () => {
    const total = Array.from({ length: MEETINGS }, (_, k) => attendeesOf(k + 1)).reduce((a, b) => a + b, 0);
    const rows = pdfPages(pdfFile).flatMap((p) => p.rows.map((r) => r.words.map((w) => w.text).join(' ')));
    const totals = rows.filter((r) => r.startsWith('合计'));
    expect(totals).toHaveLength(1);
    expect(totals[0].replace(/\s/g, '')).toContain(new Intl.NumberFormat('zh-CN').format(total));
  });
});

describe('register model', () => {
  it('honours the page filters and search, and names them', () => {
    const m = buildRegister(L.ctx.db, { kind: 'meeting', year: 2023, filters: { meetingType: '党委会议' }, search: '第01' });
    const expected = Array.from({ length: MEETINGS }, (_, k) => k + 1).filter((i) => i % 3 === 0 && titleOf(i).includes('第01'));
    expect(m.rows.map((r) => r.cells[m.columns.findIndex((c) => c.key === 'title')])).toEqual(expected.map(titleOf).sort());
    expect(m.scope).toBe(`共${expected.length}条（筛选：会议类型：党委会议；搜索“第01”）`);
    expect(m.totals![m.columns.findIndex((c) => c.key === 'attendees')]).toBe(String(expected.map(attendeesOf).reduce((a, b) => a + b, 0)));
  });

  it('sums money in fen', () => {
    const T = tempLedger();
    try {
      for (const v of [0, 2]) createRecord(T.ctx.db, 'enforcement', sampleRecord('enforcement', v));
      createRecord(T.ctx.db, 'enforcement', { ...sampleRecord('enforcement', 2), fineAmount: 0.1, title: '一角' });
      createRecord(T.ctx.db, 'enforcement', { ...sampleRecord('enforcement', 2), fineAmount: 0.2, title: '两角' });
      const m = buildRegister(T.ctx.db, { kind: 'enforcement', year: 2023 });
      expect(m.columns.find((c) => c.key === 'fineAmount')!.heading).toBe('罚款金额（元）');
      expect(m.totals![m.columns.findIndex((c) => c.key === 'fineAmount')]).toBe('2,984.86');
    } finally {
      T.cleanup();
    }
  });

  it('takes the clerk’s columns with the date first and the title always present, and refuses unknown ones', () => {
    const kind = getKind('meeting')!;
    expect(resolveRegisterColumns(kind, ['host', 'attendees']).map((f) => f.key)).toEqual(['date', 'title', 'host', 'attendees']);
    expect(resolveRegisterColumns(kind, ['attendees', 'date', 'title']).map((f) => f.key)).toEqual(['date', 'attendees', 'title']);
    expect(defaultRegisterColumns(kind)[0]).toBe('date');
    const e = fails(() => buildRegister(L.ctx.db, { kind: 'meeting', year: 2023, columns: ['nope'] }), 'VALIDATION');
    expect(e.message).toContain('nope');
  });

  it.each(KINDS.map((k) => [k.label, k] as const))('%s: the default columns name real fields, date first, title present', (_, kind) => {
    const cols = resolveRegisterColumns(kind).map((f) => f.key);
    expect(cols[0]).toBe(kind.dateField);
    expect(cols).toContain(kind.titleField);
    for (const k of kind.register?.columns ?? []) expect(kind.fields.map((f) => f.key)).toContain(k);
  });

  it('writes HTML by extension and refuses other formats', async () => {
    const r = await renderRegister(L.ctx, { kind: 'meeting', year: 2023 }, 'html');
    const html = new TextDecoder().decode(r.bytes);
    expect(r.fileName).toBe('双土镇2023年会议台账.html');
    expect(html).toContain('<thead>');
    await expect(exportRegister(L.ctx, { kind: 'meeting', year: 2023 }, path.join(L.dir, 'x.docx'))).rejects.toThrow('.pdf 或 .html');
    expect(fs.existsSync(path.join(L.dir, 'x.docx'))).toBe(false);
  });
});
