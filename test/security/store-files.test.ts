/**
 * Only regular files are read from the attachment store: a stored file replaced by a named pipe
 * (which blocks a reader forever) or by a symbolic link (a file from anywhere) is left out of the
 * 档案袋 with a note and refused by 查看附件 in Chinese, instead of hanging or being handed out.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentsDirFor, callApi } from '@core/api';
import { attachmentFile } from '@core/ledger/attachments';
import { ledgerPerTest } from '../support/ledger';
import { meeting } from '../backup/helpers';

const newLedger = ledgerPerTest();

async function ledgerWithReplacedFile(replace: (file: string) => void) {
  const L = newLedger();
  L.ctx.printPdf = async () => Buffer.from('%PDF-1.4\n%%EOF\n');
  const rec = await callApi(L.ctx, 'records.create', { kind: 'meeting', data: { ...meeting(1), date: '2023-03-10' } });
  if (!rec.ok) throw new Error(rec.error.message);
  const src = path.join(L.dir, '签到表.jpg');
  fs.writeFileSync(src, Buffer.alloc(5000, 1));
  const att = await callApi(L.ctx, 'attachments.add', { recordId: (rec.value as { id: string }).id, sourcePath: src });
  if (!att.ok) throw new Error(att.error.message);
  const a = att.value as { id: string; sha256: string };
  const stored = attachmentFile(attachmentsDirFor(L.file), a.sha256);
  fs.rmSync(stored);
  replace(stored);
  return { L, id: a.id };
}

describe.each([
  ['a named pipe', (f: string) => execFileSync('mkfifo', [f])],
  ['a symbolic link', (f: string) => fs.symlinkSync('/etc/hostname', f)],
])('a stored file replaced by %s', (_what, replace) => {
  it('is left out of the 档案袋 with a note, and 查看附件 refuses it in Chinese', async () => {
    const { L, id } = await ledgerWithReplacedFile(replace);
    const out = path.join(L.dir, '档案袋.zip');
    const d = await callApi(L.ctx, 'dossier.export', { year: 2023, out, draftReport: true });
    expect(d.ok, JSON.stringify(d)).toBe(true);
    expect(JSON.stringify(d)).toContain('不是普通文件');
    const r = await callApi(L.ctx, 'attachments.download', { id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('不是普通文件');
  });
});

describe('a backup over a stored file replaced by a named pipe', () => {
  it('is refused in Chinese naming the attachment, instead of waiting forever', async () => {
    const { L } = await ledgerWithReplacedFile((f) => execFileSync('mkfifo', [f]));
    const usb = path.join(L.dir, 'usb');
    fs.mkdirSync(usb);
    const r = await callApi(L.ctx, 'backup.create', { targetDir: usb });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/签到表\.jpg.*不是普通文件|不是普通文件.*签到表\.jpg/);
    expect(fs.readdirSync(usb).filter((n) => n.endsWith('.ftzb'))).toEqual([]);
  });
});
