/**
 * 佐证材料 on a real temp ledger through the API table: every kind declares a checklist that
 * names real fields; files are attached to a record right after its first save (the form's
 * flow), tagged with the item they prove, and a failed file leaves the record and the others in
 * place; the year's records lacking evidence (首页) and the table's per-row marker follow the tags;
 * a stored file changed or missing on disk is refused in Chinese when viewed or downloaded.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentsDirFor, callApi } from '@core/api';
import type { ApiResult } from '@core/api/define';
import { attachmentFile, type Attachment } from '@core/ledger/attachments';
import type { EvidenceGaps } from '@core/ledger/evidence';
import type { ListPage } from '@core/ledger/query';
import type { LedgerRecord } from '@core/ledger/records';
import { KINDS, allEvidenceItems, expectedEvidence, getKind } from '@rules/kinds';
import { MAX_UPLOAD_BYTES as MAX_ATTACHMENT_BYTES } from '@rules/upload';
import { addAllSamples, sampleRecord, tempLedger, type TempLedger } from '../support/ledger';
import { evidenceGaps } from '@core/ledger/evidence';
import { missingEvidence } from '@rules/kinds';

let L: TempLedger | undefined;
afterEach(() => L?.cleanup());

const call = (name: string, payload?: unknown) => callApi(L!.ctx, name, payload);
function ok<T>(r: ApiResult): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
function refused(r: ApiResult, code: string, text: RegExp) {
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(text);
}
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const upload = (recordId: string, name: string, item?: string | null, data: string | Buffer = `${name} 的内容`) =>
  call('attachments.upload', { recordId, name, dataBase64: b64(data), item });
const create = async (kind: string, data: Record<string, unknown>) => ok<LedgerRecord>(await call('records.create', { kind, data }));
const partyMeeting = (date: string, extra: Record<string, unknown> = {}) =>
  create('meeting', { meetingType: '党委会议', date, title: `${date}党委会议`, ...extra });

describe('the checklists', () => {
  it('every kind declares one, on its own fields and options', () => {
    for (const kind of KINDS) {
      expect(allEvidenceItems(kind).length, kind.label).toBeGreaterThan(0);
      for (const item of allEvidenceItems(kind)) expect(item, kind.label).toMatch(/^[^\\/:*?"<>|]{1,50}$/); // usable as a file name
      for (const c of kind.evidenceIf ?? []) {
        const f = kind.fields.find((x) => x.key === c.when);
        expect(f, `${kind.label}.${c.when}`).toBeDefined();
        for (const v of c.values)
          expect(
            f!.type === 'bool' ? typeof v === 'boolean' : f!.options?.includes(v as string),
            `${kind.label}.${c.when}=${String(v)}`,
          ).toBe(true);
      }
    }
  });

  it('adds the items a record’s fields call for', () => {
    const meeting = getKind('meeting')!;
    expect(expectedEvidence(meeting, { meetingType: '党委会议' })).toEqual(['会议纪要', '签到表']);
    expect(expectedEvidence(meeting, { meetingType: '人民代表大会', studyLawBefore: true })).toEqual([
      '会议纪要',
      '签到表',
      '会议决议',
      '学法材料',
    ]);
    expect(expectedEvidence(getKind('drill')!, {})).toEqual(['演练方案', '照片', '评估总结']);
    expect(expectedEvidence(getKind('dispute')!, { agreement: true })).toEqual(['调解记录', '调解协议书']);
    expect(expectedEvidence(getKind('disclosure')!, { mode: '依申请公开' })).toEqual(['申请书', '答复书']);
  });
});

describe('attaching right after the first save', () => {
  it('stores each pending file with its tag; a failed one leaves the record and the others', async () => {
    L = tempLedger();
    // The form's flow: create, then upload every pending file against the new id.
    const rec = await partyMeeting('2023-03-02');
    const minutes = ok<Attachment>(await upload(rec.id, '会议纪要.pdf', '会议纪要'));
    const tooBig = await call('attachments.upload', {
      recordId: rec.id,
      name: '录像.mp4',
      dataBase64: 'A'.repeat((Math.ceil((MAX_ATTACHMENT_BYTES + 1) / 3) + 1) * 4),
    });
    refused(tooBig, 'VALIDATION', /不能超过 50 MB/);
    const photo = ok<Attachment>(await upload(rec.id, '照片.jpg', null));
    expect(ok<LedgerRecord>(await call('records.get', { id: rec.id })).deletedAt).toBeNull();
    const list = ok<Attachment[]>(await call('attachments.list', { recordId: rec.id }));
    expect(list.map((a) => [a.name, a.item])).toEqual([
      ['会议纪要.pdf', '会议纪要'],
      ['照片.jpg', null],
    ]);
    expect(list.map((a) => a.id)).toEqual([minutes.id, photo.id]);
  });

  it('refuses an item that is not on the kind’s checklist, storing nothing', async () => {
    L = tempLedger();
    const rec = await partyMeeting('2023-03-02');
    refused(await upload(rec.id, 'x.pdf', '调解协议书'), 'VALIDATION', /“调解协议书”不是会议的佐证材料项（可选：会议纪要、签到表/);
    expect(ok<Attachment[]>(await call('attachments.list', { recordId: rec.id }))).toEqual([]);
    expect(
      fs.existsSync(attachmentsDirFor(L.file)) ? fs.readdirSync(attachmentsDirFor(L.file)).filter((f) => !f.startsWith('.')) : [],
    ).toEqual([]);
  });
});

describe('tagging', () => {
  it('tags, retags and clears, and refuses in the 回收站', async () => {
    L = tempLedger();
    const rec = await partyMeeting('2023-04-06');
    const a = ok<Attachment>(await upload(rec.id, '扫描件.pdf'));
    expect(a.item).toBeNull();
    expect(ok<Attachment>(await call('attachments.tag', { id: a.id, item: '签到表' })).item).toBe('签到表');
    expect(ok<Attachment>(await call('attachments.tag', { id: a.id, item: '会议纪要' })).item).toBe('会议纪要');
    expect(ok<Attachment[]>(await call('attachments.list', { recordId: rec.id }))[0].item).toBe('会议纪要');
    expect(ok<Attachment>(await call('attachments.tag', { id: a.id, item: null })).item).toBeNull();
    refused(await call('attachments.tag', { id: a.id, item: '演练方案' }), 'VALIDATION', /不是会议的佐证材料项/);
    refused(await call('attachments.tag', { id: 'nope', item: null }), 'NOT_FOUND', /找不到该附件/);
    ok(await call('records.delete', { id: rec.id }));
    refused(await call('attachments.tag', { id: a.id, item: '签到表' }), 'CONFLICT', /回收站/);
  });
});

describe('records lacking evidence', () => {
  it('lists the year’s records with unproved items, follows tags, leaves out the 回收站 and other years', async () => {
    L = tempLedger();
    const march = await partyMeeting('2023-03-02');
    const may = await partyMeeting('2023-05-08', { studyLawBefore: true, studyContent: '宪法' });
    const drill = await create('drill', { ...sampleRecord('drill'), date: '2023-06-01' });
    const gone = await partyMeeting('2023-07-01');
    ok(await call('records.delete', { id: gone.id }));
    await partyMeeting('2022-12-01');

    ok(await upload(march.id, '纪要.pdf', '会议纪要'));
    ok(await upload(march.id, '签到.jpg', '签到表'));
    ok(await upload(may.id, '签到.jpg', '签到表'));
    ok(await upload(may.id, '随手拍.jpg')); // untagged: proves nothing
    ok(await upload(drill.id, '方案.docx', '演练方案'));

    const gaps = ok<EvidenceGaps>(await call('ledger.evidenceGaps', { year: 2023 }));
    expect(gaps.total).toBe(2);
    expect(gaps.byKind).toEqual({ meeting: 1, drill: 1 });
    expect(gaps.records).toEqual([
      { id: may.id, kind: 'meeting', date: '2023-05-08', title: '2023-05-08党委会议', missing: ['会议纪要', '学法材料'] },
      { id: drill.id, kind: 'drill', date: '2023-06-01', title: String(drill.data.title), missing: ['照片', '评估总结'] },
    ]);

    // The table's marker: the same answer per row of a page.
    const page = ok<ListPage>(await call('records.list', { kind: 'meeting', year: 2023 }));
    expect(page.missingEvidence).toEqual({ [may.id]: ['会议纪要', '学法材料'] });
    expect(page.attachments).toEqual({ [march.id]: 2, [may.id]: 2 });

    // Tagging the rest closes the gap; the cap keeps the 首页 short but the total true.
    const [loose] = ok<Attachment[]>(await call('attachments.list', { recordId: may.id })).filter((a) => !a.item);
    ok(await call('attachments.tag', { id: loose.id, item: '会议纪要' }));
    ok(await upload(may.id, '学法.pdf', '学法材料'));
    const after = ok<EvidenceGaps>(await call('ledger.evidenceGaps', { year: 2023, limit: 1 }));
    expect(after).toEqual({ total: 1, byKind: { drill: 1 }, records: [expect.objectContaining({ id: drill.id })] });
  });

  it('asks for items by the record’s fields as they are now', async () => {
    L = tempLedger();
    const d = await create('dispute', { ...sampleRecord('dispute'), date: '2023-02-02', agreement: false });
    ok(await upload(d.id, '记录.pdf', '调解记录'));
    expect(ok<EvidenceGaps>(await call('ledger.evidenceGaps', { year: 2023 })).total).toBe(0);
    ok(await call('records.update', { id: d.id, data: { ...d.data, agreement: true } }));
    expect(ok<EvidenceGaps>(await call('ledger.evidenceGaps', { year: 2023 })).records.map((r) => r.missing)).toEqual([['调解协议书']]);
  });
});

describe('records lacking evidence, against a record-by-record count', () => {
  it('agrees on every kind’s samples, tagged at random, over two years with the 回收站', async () => {
    L = tempLedger();
    const records = addAllSamples(L.ctx, [2023, 2024]);
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tags = new Map<string, string[]>();
    for (const r of records) {
      const items = allEvidenceItems(getKind(r.kind)!);
      for (const item of items) {
        if (rand() < 0.5) continue;
        ok(await upload(r.id, `${item}.pdf`, item));
        tags.set(r.id, [...(tags.get(r.id) ?? []), item]);
      }
      if (rand() < 0.1) ok(await call('records.delete', { id: r.id }));
    }
    const trashed = ok<LedgerRecord[]>(await call('trash.list', {})).map((r) => r.id);
    const expected = records
      .filter((r) => r.year === 2023 && !trashed.includes(r.id))
      .map((r) => ({ r, missing: missingEvidence(getKind(r.kind)!, r.data, tags.get(r.id) ?? []) }))
      .filter((x) => x.missing.length)
      .sort((a, b) => a.r.date.localeCompare(b.r.date) || a.r.createdAt.localeCompare(b.r.createdAt) || a.r.id.localeCompare(b.r.id));
    expect(expected.length).toBeGreaterThan(5);
    const got = evidenceGaps(L.ctx.db, 2023, 5);
    expect(got.total).toBe(expected.length);
    const byKind: Record<string, number> = {};
    for (const x of expected) byKind[x.r.kind] = (byKind[x.r.kind] ?? 0) + 1;
    expect(got.byKind).toEqual(byKind);
    expect(got.records).toEqual(
      expected
        .slice(0, 5)
        .map(({ r, missing }) => ({ id: r.id, kind: r.kind, date: r.date, title: String(r.data[getKind(r.kind)!.titleField]), missing })),
    );
  });
});

describe('a stored file that no longer matches', () => {
  it('is refused when viewed or downloaded, naming the file, never handed out', async () => {
    L = tempLedger();
    const rec = await partyMeeting('2023-03-02');
    const a = ok<Attachment>(await upload(rec.id, '签到表.jpg', '签到表', 'original bytes'));
    const b = ok<Attachment>(await upload(rec.id, '纪要.pdf', '会议纪要', 'other bytes'));
    const file = attachmentFile(attachmentsDirFor(L.file), a.sha256);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, 'changed bytes');
    refused(
      await call('attachments.download', { id: a.id }),
      'BAD_FILE',
      /^附件文件“签到表\.jpg”与添加时不一致（文件已被改动或损坏），请从备份恢复或重新添加$/,
    );
    fs.rmSync(attachmentFile(attachmentsDirFor(L.file), b.sha256));
    refused(await call('attachments.download', { id: b.id }), 'NOT_FOUND', /^附件文件“纪要\.pdf”在附件库中缺失，请从备份恢复或重新添加$/);
  });
});
