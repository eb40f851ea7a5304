/**
 * The attachments API on a real temp ledger: upload → list → download gives the same bytes,
 * oversize uploads and bad names are refused in Chinese, a record in the 回收站 takes no new
 * files, and remove deletes the row and (when no longer shared) the stored file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor, callApi } from '@core/api';
import type { ApiResult } from '@core/api/define';
import { MAX_UPLOAD_BYTES } from '@rules/upload';
import { uploadProblem } from '../../src/app/records/attachment-files';
import { attachmentFile, type Attachment } from '@core/ledger/attachments';
import type { LedgerRecord } from '@core/ledger/records';
import { sampleRecord, tempLedger, type TempLedger } from '../support/ledger';

let L: TempLedger;
let rec: LedgerRecord;
beforeAll(async () => {
  L = tempLedger();
  rec = ok<LedgerRecord>(await call('records.create', { kind: 'meeting', data: sampleRecord('meeting') }));
});
afterAll(() => L.cleanup());

const call = (name: string, payload?: unknown) => callApi(L.ctx, name, payload);
function ok<T>(r: ApiResult): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
function refused(r: ApiResult, code: string, text?: string | RegExp) {
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  if (text) expect(r.error.message).toMatch(text);
  return r.error;
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const upload = (name: string, data: Buffer, recordId = rec.id) =>
  call('attachments.upload', { recordId, name, dataBase64: data.toString('base64') });
const dir = () => attachmentsDirFor(L.file);
const leftovers = () => (fs.existsSync(dir()) ? fs.readdirSync(dir()).filter((f) => f.startsWith('.incoming-')) : []);

describe('attachments API', () => {
  it('uploads, lists and downloads byte-identical content', async () => {
    const bytes = Buffer.concat([randomBytes(70_000), Buffer.from([0, 255, 10, 13])]);
    const a = ok<Attachment>(await upload('签到表（三月党委会议）.pdf', bytes));
    expect(a).toMatchObject({ recordId: rec.id, name: '签到表（三月党委会议）.pdf', size: bytes.length, sha256: sha(bytes) });
    expect(fs.readFileSync(attachmentFile(dir(), a.sha256)).equals(bytes)).toBe(true);

    const photo = Buffer.from('JPEG-ish bytes');
    const b = ok<Attachment>(await upload('现场照片.jpg', photo));
    const list = ok<Attachment[]>(await call('attachments.list', { recordId: rec.id }));
    expect(list.map((x) => x.id)).toEqual([a.id, b.id]);

    const got = ok<{ name: string; dataBase64: string }>(await call('attachments.download', { id: a.id }));
    expect(got.name).toBe('签到表（三月党委会议）.pdf');
    expect(Buffer.from(got.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('records.list counts each record’s files for the table', async () => {
    const page = ok<{ rows: LedgerRecord[]; attachments: Record<string, number> }>(
      await call('records.list', { kind: 'meeting', year: 2023 }),
    );
    expect(page.attachments).toEqual({ [rec.id]: 2 });
  });

  it('takes an empty file', async () => {
    const a = ok<Attachment>(await upload('空白.txt', Buffer.alloc(0)));
    expect(a.size).toBe(0);
    expect(ok<{ dataBase64: string }>(await call('attachments.download', { id: a.id })).dataBase64).toBe('');
  });

  it('refuses an upload over 50 MB, before writing anything', async () => {
    // The form checks the same cap before reading the file.
    expect(uploadProblem({ name: 'a.bin', size: MAX_UPLOAD_BYTES })).toBe('');
    expect(uploadProblem({ name: 'a.bin', size: MAX_UPLOAD_BYTES + 1 })).toMatch(/不能超过 50 MB/);
    // Length alone decides: the string is not decoded.
    const b64 = 'A'.repeat((Math.ceil((MAX_UPLOAD_BYTES + 1) / 3) + 1) * 4);
    refused(await call('attachments.upload', { recordId: rec.id, name: '录像.mp4', dataBase64: b64 }), 'VALIDATION', /不能超过 50 MB/);
    const exactly = Buffer.alloc(MAX_UPLOAD_BYTES, 7);
    expect(ok<Attachment>(await upload('刚好50MB.bin', exactly)).size).toBe(MAX_UPLOAD_BYTES);
    refused(await upload('多一个字节.bin', Buffer.alloc(MAX_UPLOAD_BYTES + 1)), 'VALIDATION', /不能超过 50 MB/);
    expect(leftovers()).toEqual([]);
  });

  it('refuses content that is not base64', async () => {
    for (const dataBase64 of ['abc', '****', 'YWJj\nZGVm', 'YW=j']) {
      refused(await call('attachments.upload', { recordId: rec.id, name: 'x.txt', dataBase64 }), 'VALIDATION', /编码不正确/);
    }
  });

  it('refuses names with path separators or nothing in them, and shortens long ones keeping the extension', async () => {
    for (const name of ['../../etc/passwd', 'a/b.pdf', 'C:\\Users\\x.pdf', '..', '', '   ', '\u0000\u0001']) {
      refused(await upload(name, Buffer.from('x')), 'VALIDATION');
    }
    const long = ok<Attachment>(await upload(`${'会'.repeat(150)}.pdf`, Buffer.from('long')));
    expect(Array.from(long.name)).toHaveLength(100);
    expect(long.name.endsWith('会.pdf')).toBe(true);
    const ctl = ok<Attachment>(await upload(' 纪要\t扫描件.pdf ', Buffer.from('ctl')));
    expect(ctl.name).toBe('纪要扫描件.pdf');
  });

  it('refuses an upload to a record in the 回收站 or one that does not exist', async () => {
    const other = ok<LedgerRecord>(await call('records.create', { kind: 'meeting', data: sampleRecord('meeting', 1) }));
    ok(await call('records.delete', { id: other.id }));
    refused(await upload('签到表.pdf', Buffer.from('x'), other.id), 'CONFLICT', /回收站/);
    refused(await upload('签到表.pdf', Buffer.from('x'), 'no-such-record'), 'NOT_FOUND');
    expect(ok<Attachment[]>(await call('attachments.list', { recordId: other.id }))).toEqual([]);
  });

  it('refuses malformed requests with VALIDATION', async () => {
    for (const p of [
      { recordId: rec.id, name: 'x' },
      { recordId: rec.id, name: 'x', dataBase64: 5 },
      { name: 'x', dataBase64: '' },
    ]) {
      refused(await call('attachments.upload', p), 'VALIDATION');
    }
    refused(await call('attachments.download', {}), 'VALIDATION');
    refused(await call('attachments.download', { id: 'nope' }), 'NOT_FOUND');
  });

  it('removes an attachment: the row goes, and the file once nothing else uses it', async () => {
    const bytes = Buffer.from('会议纪要扫描件 v1');
    const a = ok<Attachment>(await upload('纪要.pdf', bytes));
    const twin = ok<Attachment>(await upload('纪要副本.pdf', bytes));
    const file = attachmentFile(dir(), a.sha256);
    ok(await call('attachments.remove', { id: a.id }));
    expect(fs.existsSync(file)).toBe(true); // still used by the twin
    refused(await call('attachments.download', { id: a.id }), 'NOT_FOUND');
    ok(await call('attachments.remove', { id: twin.id }));
    expect(fs.existsSync(file)).toBe(false);
    const names = ok<Attachment[]>(await call('attachments.list', { recordId: rec.id })).map((x) => x.name);
    expect(names).not.toContain('纪要.pdf');
    refused(await call('attachments.remove', { id: a.id }), 'NOT_FOUND');
    expect(path.basename(path.dirname(file))).toBe(a.sha256.slice(0, 2));
  });

  it('purging a record from the 回收站 deletes its stored files', async () => {
    const other = ok<LedgerRecord>(await call('records.create', { kind: 'meeting', data: sampleRecord('meeting') }));
    const a = ok<Attachment>(await upload('签到表.jpg', randomBytes(64), other.id));
    const file = attachmentFile(dir(), a.sha256);
    expect(fs.existsSync(file)).toBe(true);
    ok(await call('records.delete', { id: other.id }));
    expect(fs.existsSync(file)).toBe(true); // the 回收站 keeps everything
    ok(await call('trash.purge', { id: other.id }));
    expect(fs.existsSync(file)).toBe(false);
  });
});
