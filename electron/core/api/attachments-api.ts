/**
 * API methods for the files attached to a record: add by path (CLI only), upload and
 * download as base64 (the app, identical over IPC and the harness), list and remove.
 */
import { z } from 'zod';
import { method } from './define';
import { attachmentsDirFor } from '../ledger/context';
import { decodeUpload, uploadedBytes } from './upload';
import { addAttachment, addAttachmentBytes, listAttachments, readAttachment, removeAttachment } from '../ledger/attachments';

export { MAX_UPLOAD_BYTES } from '@rules/upload';

const id = z.string().min(1).max(100);

export const attachmentsApi = {
  // By path: the CLI only. The page sends a file's bytes (attachments.upload), so it can never make
  // the app copy a file it was not given (`sourcePath: "/etc/shadow"`, then attachments.download).
  'attachments.add': method(
    z.object({ recordId: id, sourcePath: z.string().min(1).max(4096), name: z.string().max(200).optional() }),
    (ctx, i) => addAttachment(ctx.db, attachmentsDirFor(ctx.file), i.recordId, i.sourcePath, i.name),
    { cliOnly: true },
  ),
  'attachments.list': method(z.object({ recordId: id }), (ctx, i) => listAttachments(ctx.db, i.recordId)),
  'attachments.remove': method(z.object({ id }), (ctx, i) => removeAttachment(ctx.db, attachmentsDirFor(ctx.file), i.id)),
  'attachments.upload': method(z.object({ recordId: id, name: z.string().max(1000), dataBase64: uploadedBytes() }), (ctx, i) =>
    addAttachmentBytes(ctx.db, attachmentsDirFor(ctx.file), i.recordId, decodeUpload(i.dataBase64), i.name),
  ),
  'attachments.download': method(z.object({ id }), async (ctx, i) => {
    const { attachment, data } = await readAttachment(ctx.db, attachmentsDirFor(ctx.file), i.id);
    return { name: attachment.name, dataBase64: data.toString('base64') };
  }),
};
