/**
 * The year's 档案袋 opened as the inspectors would: `unzip -l` / `unzip -t`, Python's zipfile
 * (names decoded as UTF-8, flag set, manifest hashes), the index PDF read with pdftotext; and a
 * stored file changed on disk reported and left out, never packed as evidence.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor } from '@core/api';
import { addAttachmentBytes, attachmentFile } from '@core/ledger/attachments';
import { createRecord, deleteRecord } from '@core/ledger/records';
import { listRecords } from '@core/ledger/query';
import ExcelJS from 'exceljs';
import { reportDraftReasons, writeDossier, type DossierResult } from '@core/dossier/write';
import { LedgerError } from '@rules/errors';
import { getReportSpec, saveReportSpec } from '@core/report/store';
import { saveSettings } from '@core/ledger/settings';
import { MAX_PART_CHARS, NameAllocator, safePart } from '@core/dossier/names';
import type { PdfRenderer } from '@core/render/pdf';
import { sharedPdfRenderer } from '../support/chromium';
import { sampleRecord, tempLedger, type TempLedger } from '../support/ledger';
import { requireTool } from '../render-html/measure';

const VERIFY = path.join(__dirname, 'verify_zip.py');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Verified {
  names: string[];
  notUtf8Flagged: string[];
  unsafe: string[];
  mismatched: string[];
  unlisted: string[];
  testzip: string | null;
}

let L: TempLedger;
let renderer: PdfRenderer;
let zipFile: string;
let result: DossierResult;
let refused: unknown;
/** Evidence bytes by the title of its record. */
const evidence: { title: string; name: string; bytes: Buffer }[] = [];
let damagedName: string;

beforeAll(async () => {
  requireTool('pdftotext', 'poppler-utils');
  L = tempLedger();
  renderer = await sharedPdfRenderer();
  const dir = attachmentsDirFor(L.file);
  const add = async (recordId: string, title: string, name: string, size = 2000) => {
    const bytes = randomBytes(size);
    await addAttachmentBytes(L.ctx.db, dir, recordId, bytes, name);
    evidence.push({ title, name, bytes });
  };
  const m = createRecord(L.ctx.db, 'meeting', { ...sampleRecord('meeting', 0), date: '2023-03-02', title: '党委会议（第3次）' });
  await add(m.id, '党委会议（第3次）', '签到表.jpg');
  await add(m.id, '党委会议（第3次）', '签到表.JPG');
  await add(m.id, '党委会议（第3次）', '会议纪要.pdf', 300_000);
  // Names Windows refuses or mangles, from the clerk's own typing.
  const odd = createRecord(L.ctx.db, 'meeting', { ...sampleRecord('meeting', 1), title: 'CON' });
  await add(odd.id, 'CON', 'aux.txt');
  const slash = createRecord(L.ctx.db, 'dispute', { ...sampleRecord('dispute', 0), title: '张某/李某:界址*纠纷?...' });
  await add(slash.id, '张某/李某:界址*纠纷?...', '调解协议书 .pdf. ');
  const long = createRecord(L.ctx.db, 'drill', { ...sampleRecord('drill', 0), title: '很长的演练名称'.repeat(20) });
  await add(long.id, 'long', `${'演练照片'.repeat(30)}.jpg`);
  // Evidence of a record without any: listed as missing.
  createRecord(L.ctx.db, 'drill', sampleRecord('drill', 1));
  // A trashed record and its file stay out.
  const gone = createRecord(L.ctx.db, 'meeting', { ...sampleRecord('meeting', 2), title: '已删除的会议' });
  await addAttachmentBytes(L.ctx.db, dir, gone.id, randomBytes(100), '删除的附件.jpg');
  deleteRecord(L.ctx.db, gone.id);
  // A stored file changed on disk after it was attached.
  const bad = createRecord(L.ctx.db, 'training', sampleRecord('training', 0));
  damagedName = '被改动的照片.jpg';
  const a = await addAttachmentBytes(L.ctx.db, dir, bad.id, randomBytes(5000), damagedName);
  fs.writeFileSync(attachmentFile(dir, a.sha256), randomBytes(5000));

  zipFile = path.join(L.dir, '档案袋.zip');
  // No report saved for 2023: refused unless the caller accepts a 未定稿 report.
  refused = await writeDossier(L.ctx, 2023, zipFile, { printPdf: (html) => renderer.render(html) }).catch((e: unknown) => e);
  result = await writeDossier(L.ctx, 2023, zipFile, {
    printPdf: (html) => renderer.render(html),
    draftReport: true,
  });
});

afterAll(async () => {
  await renderer?.close();
  L?.cleanup();
});

const verify = (): Verified => JSON.parse(execFileSync('python3', [VERIFY, zipFile], { encoding: 'utf8' })) as Verified;

describe('档案袋', () => {
  it('opens with a standard unzip', () => {
    const t = spawnSync('unzip', ['-t', zipFile], { encoding: 'utf8' });
    expect(t.status, t.stdout + t.stderr).toBe(0);
    expect(t.stdout).toContain('No errors detected');
    const l = execFileSync('unzip', ['-l', zipFile], { encoding: 'utf8' });
    expect(l).toContain('00_年度报告/关于2023年法治政府建设情况的报告.pdf');
    expect(l).toContain('00_年度报告/关于2023年法治政府建设情况的报告.docx');
    expect(l).toContain('档案袋索引.pdf');
  });

  it('has UTF-8 flagged, Windows-safe names and a manifest whose hashes all match', () => {
    const v = verify();
    expect(v.testzip).toBeNull();
    expect(v.notUtf8Flagged).toEqual([]);
    expect(v.unsafe).toEqual([]);
    expect(v.mismatched).toEqual([]);
    expect(v.unlisted).toEqual([]);
    expect(v.names).toContain('01_会议/2023-03-02_党委会议（第3次）/签到表.jpg');
    expect(v.names).toContain('01_会议/2023-03-02_党委会议（第3次）/签到表 (2).JPG');
    expect(v.names).toContain('01_会议/双土镇2023年会议台账.pdf');
    expect(v.names).toContain('01_会议/双土镇2023年会议台账.xlsx');
    // Only a whole name (before its first dot) is a device: 2023-02-03_CON is a fine folder, aux.txt is not a fine file.
    expect(v.names).toContain('01_会议/2023-02-03_CON/_aux.txt');
    expect(v.names).toContain('04_矛盾纠纷/2023-03-02_张某／李某：界址＊纠纷？/调解协议书 .pdf');
    for (const n of v.names) for (const part of n.split('/')) expect(Array.from(part).length).toBeLessThanOrEqual(MAX_PART_CHARS);
  });

  it('carries each kind’s records as a workbook beside its register, without the 回收站’s', async () => {
    const bytes = execFileSync('unzip', ['-p', zipFile, '01_会议/双土镇2023年会议台账.xlsx'], { maxBuffer: 1 << 26 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('会议')!;
    const titles = ws.getColumn((ws.getRow(1).values as unknown[]).indexOf('会议名称')).values.slice(2) as unknown[];
    const live = listRecords(L.ctx.db, { kind: 'meeting', year: 2023, pageSize: 500 }).rows.map((r) => r.data.title);
    expect(titles.filter((t) => typeof t === 'string' && !t.startsWith('合计')).sort()).toEqual([...live].sort());
    expect(live.length).toBe(2);
    expect(titles.join()).not.toContain('已删除的会议');
  });

  it('holds every record’s evidence byte for byte, and nothing from the 回收站', () => {
    const listing = execFileSync('unzip', ['-Z1', zipFile], { encoding: 'utf8' }).split('\n');
    for (const e of evidence) {
      const hits = listing.filter(
        (n) => n && !n.endsWith('/') && sha(execFileSync('unzip', ['-p', zipFile, n], { maxBuffer: 1 << 26 })) === sha(e.bytes),
      );
      expect(hits, e.name).toHaveLength(1);
    }
    expect(listing.join('\n')).not.toContain('删除的附件');
    expect(listing.join('\n')).not.toContain('已删除的会议');
    expect(result.evidence).toBe(evidence.length);
  });

  it('reports the changed stored file, leaves it out, and says so in the index and manifest', () => {
    expect(result.leftOut).toEqual([expect.objectContaining({ name: damagedName, problem: expect.stringContaining('已被改动或损坏') })]);
    const listing = execFileSync('unzip', ['-Z1', zipFile], { encoding: 'utf8' });
    expect(listing).not.toContain(damagedName);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zipFile, 'manifest.json'], { encoding: 'utf8' })) as {
      leftOut: { name: string }[];
    };
    expect(manifest.leftOut.map((x) => x.name)).toEqual([damagedName]);
    const idx = path.join(L.dir, 'index.pdf');
    fs.writeFileSync(idx, execFileSync('unzip', ['-p', zipFile, '档案袋索引.pdf'], { maxBuffer: 1 << 26 }));
    const text = execFileSync('pdftotext', [idx, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(`${damagedName}（附件文件已被改动或损坏（校验值不符），未放入）`);
    expect(text).toContain('1个附件文件缺失或已被改动，未放入档案袋');
    // Every record is listed; both drills (one with an untagged photo, one with no file) lack their whole checklist.
    expect(text).toContain('河坝村防汛演练');
    expect(text.split('演练方案、照片、评估总结').length - 1).toBe(2);
    expect(result.records).toBe(6);
  });

  it('asks before packing a report never saved, and marks it 未定稿 in the index and the manifest', () => {
    expect(refused).toBeInstanceOf(LedgerError);
    expect((refused as LedgerError).code).toBe('CONFLICT');
    expect((refused as LedgerError).message).toContain('未定稿');
    const issues = (refused as LedgerError).issues;
    expect(issues.map((i) => i.field)).toEqual(issues.map(() => 'draftReport'));
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringContaining('尚未保存'));
    expect(result.reportDraft).toEqual(issues.map((i) => i.message));
    expect(result.reportDraft[0]).toContain('2023年度报告尚未保存过');
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zipFile, 'manifest.json'], { encoding: 'utf8' })) as { reportDraft: string[] };
    expect(manifest.reportDraft).toEqual(result.reportDraft);
    const idx = path.join(L.dir, 'index-draft.pdf');
    fs.writeFileSync(idx, execFileSync('unzip', ['-p', zipFile, '档案袋索引.pdf'], { maxBuffer: 1 << 26 }));
    const text = execFileSync('pdftotext', [idx, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('年度报告：未定稿（2023年度报告尚未保存过');
  });

  it('counts a saved report final, and one with blocking problems 未定稿 again', () => {
    const T = tempLedger();
    try {
      saveReportSpec(T.ctx.db, 2023, getReportSpec(T.ctx.db, 2023).spec);
      expect(reportDraftReasons(T.ctx, 2023).join()).not.toContain('尚未保存');
      // A missing 设置 the report needs is a blocking problem.
      saveSettings(T.ctx.db, { govOrg: '', partyOrg: '' });
      expect(reportDraftReasons(T.ctx, 2023)).toEqual([expect.stringMatching(/^报告有\d+个必须处理的问题：.*缺少设置/)]);
    } finally {
      T.cleanup();
    }
  });

  it('fails the whole archive when a stored file changes while it is being packed', async () => {
    const T = tempLedger();
    try {
      const dir = attachmentsDirFor(T.file);
      const r = createRecord(T.ctx.db, 'meeting', sampleRecord('meeting', 0));
      const a = await addAttachmentBytes(T.ctx.db, dir, r.id, randomBytes(4000), '签到表.jpg');
      const out = path.join(T.dir, 'x.zip');
      let changed = false;
      // The files are checked first, then the PDFs printed: change the file in between.
      const printPdf = (html: string) => {
        if (!changed) fs.writeFileSync(attachmentFile(dir, a.sha256), randomBytes(4000));
        changed = true;
        return renderer.render(html);
      };
      await expect(writeDossier(T.ctx, 2023, out, { printPdf, draftReport: true })).rejects.toThrow('在打包过程中被改动');
      expect(fs.readdirSync(T.dir).filter((f) => f.endsWith('.zip') || f.endsWith('.tmp'))).toEqual([]);
    } finally {
      T.cleanup();
    }
  });

  it('leaves nothing behind when it cannot write', async () => {
    const dir = path.join(L.dir, 'no-such-folder');
    await expect(
      writeDossier(L.ctx, 2023, path.join(dir, 'x.zip'), { printPdf: (html) => renderer.render(html), draftReport: true }),
    ).rejects.toThrow('无法写入档案袋');
    await expect(writeDossier(L.ctx, 2023, path.join(L.dir, 'x.rar'))).rejects.toThrow('.zip');
    expect(fs.readdirSync(L.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('Windows-safe names', () => {
  it.each([
    ['a<b>c:d"e/f\\g|h?i*j', 'a＜b＞c：d＂e／f＼g｜h？i＊j'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['LPT9.tar', '_LPT9.tar'],
    ['结尾点...', '结尾点'],
    ['结尾空格  ', '结尾空格'],
    ['\u0001控制\u001f字符', '控制字符'],
    ['...', '未命名'],
  ])('%j → %j', (raw, safe) => expect(safePart(raw)).toBe(safe));

  it('bounds a part, keeping its extension, and de-duplicates ignoring case', () => {
    const long = safePart(`${'照'.repeat(100)}.jpeg`);
    expect(Array.from(long)).toHaveLength(MAX_PART_CHARS);
    expect(long.endsWith('.jpeg')).toBe(true);
    const n = new NameAllocator();
    expect(n.allocate('d', 'A.jpg')).toBe('d/A.jpg');
    expect(n.allocate('d', 'a.JPG')).toBe('d/a (2).JPG');
    expect(n.allocate('D', 'a.jpg')).toBe('D/a (3).jpg');
    expect(n.allocate('e', 'a.jpg')).toBe('e/a.jpg');
  });
});
