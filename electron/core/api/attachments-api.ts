/**
 * API methods for the files attached to a record: add by path (desktop/CLI), upload and
 * download as base64 (the app, identical over IPC and the harness), list and remove.
 */
import { z } from 'zod';
import { method } from './define';
import { attachmentsDirFor } from '../ledger/context';
import { LedgerError } from '@rules/errors';
import { addAttachment, addAttachmentBytes, listAttachments, readAttachment, removeAttachment } from '../ledger/attachments';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from '@rules/limits';

export { MAX_UPLOAD_BYTES };

const id = z.string().min(1).max(100);
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Decodes strict base64, refusing anything over MAX_UPLOAD_BYTES before decoding it. */
export function decodeUpload(b64: string): Buffer {
  const size = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  if (size > MAX_UPLOAD_BYTES) throw new LedgerError('VALIDATION', `附件不能超过 ${MAX_UPLOAD_LABEL}（此文件约 ${mb(size)} MB），请压缩或拆分后再添加`);
  if (b64.length % 4 !== 0 || !BASE64_RE.test(b64)) throw new LedgerError('VALIDATION', '附件内容编码不正确，请重新选择文件');
  return Buffer.from(b64, 'base64');
}

export const attachmentsApi = {
  'attachments.add': method(z.object({ recordId: id, sourcePath: z.string().min(1).max(4096), name: z.string().max(200).optional() }), (ctx, i) =>
    addAttachment(ctx.db, attachmentsDirFor(ctx.file), i.recordId, i.sourcePath, i.name),
  ),
  'attachments.list': method(z.object({ recordId: id }), (ctx, i) => listAttachments(ctx.db, i.recordId)),
  'attachments.remove': method(z.object({ id }), (ctx, i) => removeAttachment(ctx.db, attachmentsDirFor(ctx.file), i.id)),
  'attachments.upload': method(z.object({ recordId: id, name: z.string().max(1000), dataBase64: z.string() }), (ctx, i) =>
    addAttachmentBytes(ctx.db, attachmentsDirFor(ctx.file), i.recordId, decodeUpload(i.dataBase64), i.name),
  ),
  'attachments.download': method(z.object({ id }), async (ctx, i) => {
    const { attachment, data } = await readAttachment(ctx.db, attachmentsDirFor(ctx.file), i.id);
    return { name: attachment.name, dataBase64: data.toString('base64') };
  }),
};
