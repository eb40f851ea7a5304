/**
 * API methods for the files attached to a record: add by path (CLI only), upload and
 * download as base64 (the app, identical over IPC and the harness), tag with the checklist item
 * it proves (docs/evidence.md), list and remove.
 */
import { method } from './define';
import { API_INPUTS } from '@rules/api/inputs';
import { attachmentsDirFor } from '../context';
import { decodeUpload } from './upload';
import { addAttachment, addAttachmentBytes, listAttachments, readAttachment, removeAttachment, tagAttachment } from '../ledger/attachments';

export { MAX_UPLOAD_BYTES } from '@rules/upload';

export const attachmentsApi = {
  // By path: the CLI only. The page sends a file's bytes (attachments.upload), so it can never make
  // the app copy a file it was not given (`sourcePath: "/etc/shadow"`, then attachments.download).
  'attachments.add': method(
    API_INPUTS['attachments.add'],
    (ctx, i) => addAttachment(ctx.db, attachmentsDirFor(ctx.file), i.recordId, i.sourcePath, i.name, i.item),
    { cliOnly: true },
  ),
  'attachments.list': method(API_INPUTS['attachments.list'], (ctx, i) => listAttachments(ctx.db, i.recordId)),
  'attachments.remove': method(API_INPUTS['attachments.remove'], (ctx, i) => removeAttachment(ctx.db, attachmentsDirFor(ctx.file), i.id)),
  'attachments.upload': method(API_INPUTS['attachments.upload'], (ctx, i) =>
    addAttachmentBytes(ctx.db, attachmentsDirFor(ctx.file), i.recordId, decodeUpload(i.dataBase64), i.name, i.item),
  ),
  'attachments.tag': method(API_INPUTS['attachments.tag'], (ctx, i) => tagAttachment(ctx.db, i.id, i.item)),
  'attachments.download': method(API_INPUTS['attachments.download'], async (ctx, i) => {
    const { attachment, data } = await readAttachment(ctx.db, attachmentsDirFor(ctx.file), i.id);
    return { name: attachment.name, dataBase64: data.toString('base64') };
  }),
};
