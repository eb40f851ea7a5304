/**
 * API methods for the files attached to a record: add by path (CLI only), upload and
 * download as base64 (the app, identical over IPC and the harness), tag with the checklist item
 * it proves (docs/evidence.md), list and remove.
 */
import { z } from 'zod';
import { method } from './define';
import { attachmentsDirFor } from '../context';
import { decodeUpload, uploadedBytes } from './upload';
import { addAttachment, addAttachmentBytes, listAttachments, readAttachment, removeAttachment, tagAttachment } from '../ledger/attachments';

export { MAX_UPLOAD_BYTES } from '@rules/upload';

const id = z.string().min(1).max(100);
/** A checklist item of the record's kind (checked by the core), or null/absent for none. */
const item = z.string().max(50).nullable().optional();

export const attachmentsApi = {
  // By path: the CLI only. The page sends a file's bytes (attachments.upload), so it can never make
  // the app copy a file it was not given (`sourcePath: "/etc/shadow"`, then attachments.download).
  'attachments.add': method(
    z.object({ recordId: id, sourcePath: z.string().min(1).max(4096), name: z.string().max(200).optional(), item }),
    (ctx, i) => addAttachment(ctx.db, attachmentsDirFor(ctx.file), i.recordId, i.sourcePath, i.name, i.item),
    { cliOnly: true },
  ),
  'attachments.list': method(z.object({ recordId: id }), (ctx, i) => listAttachments(ctx.db, i.recordId)),
  'attachments.remove': method(z.object({ id }), (ctx, i) => removeAttachment(ctx.db, attachmentsDirFor(ctx.file), i.id)),
  'attachments.upload': method(z.object({ recordId: id, name: z.string().max(1000), dataBase64: uploadedBytes(), item }), (ctx, i) =>
    addAttachmentBytes(ctx.db, attachmentsDirFor(ctx.file), i.recordId, decodeUpload(i.dataBase64), i.name, i.item),
  ),
  'attachments.tag': method(z.object({ id, item: z.string().max(50).nullable() }), (ctx, i) => tagAttachment(ctx.db, i.id, i.item)),
  'attachments.download': method(z.object({ id }), async (ctx, i) => {
    const { attachment, data } = await readAttachment(ctx.db, attachmentsDirFor(ctx.file), i.id);
    return { name: attachment.name, dataBase64: data.toString('base64') };
  }),
};
