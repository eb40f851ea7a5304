/**
 * Bytes from the renderer: a file the page read (an attachment, a workbook) arrives as base64 in
 * a field declared with `uploadedBytes` (@rules/api/inputs), is refused past MAX_UPLOAD_BYTES (@rules/upload) before
 * decoding, and is decoded strictly with `decodeUpload`. See docs/electron-shell.md.
 */
import { LedgerError } from '@rules/errors';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from '@rules/upload';

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Decodes strict base64, refusing anything over MAX_UPLOAD_BYTES before decoding it. */
export function decodeUpload(b64: string, what = '附件'): Buffer {
  const size = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  if (size > MAX_UPLOAD_BYTES)
    throw new LedgerError('VALIDATION', `${what}不能超过 ${MAX_UPLOAD_LABEL}（此文件约 ${mb(size)} MB），请压缩或拆分后再添加`);
  if (b64.length % 4 !== 0 || !BASE64_RE.test(b64)) throw new LedgerError('VALIDATION', `${what}内容编码不正确，请重新选择文件`);
  return Buffer.from(b64, 'base64');
}
