/**
 * The browser side of attachments: a picked File read as base64 (with progress), downloaded
 * bytes decoded from base64, and sizes as the clerk reads them. Works the same in Electron.
 */

import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from '@rules/upload';

/** The core refuses the same (one cap, @rules/upload); checking first spares reading a huge file. */
const MAX_ATTACHMENT_BYTES = MAX_UPLOAD_BYTES;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a file cannot be added before reading it ('' when it may be). */
export function uploadProblem(file: { name: string; size: number }): string {
  if (file.size > MAX_ATTACHMENT_BYTES)
    return `“${file.name}”有 ${formatSize(file.size)}，附件不能超过 ${MAX_UPLOAD_LABEL}，请压缩或拆分后再添加`;
  return '';
}

/** Reads a file as base64 (FileReader's data: URL minus its prefix), reporting the fraction read. */
export function readAsBase64(file: Blob, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress?.(e.total ? e.loaded / e.total : 1);
    reader.onerror = () => reject(new Error('无法读取该文件，请确认文件没有被其他程序占用'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
