import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentFile } from '@core/ledger/attachments';

/** A file of random bytes put in the attachment store as the app stores evidence (by its SHA-256); its hash and path. */
export function storeRandomEvidence(store: string, bytes: number): { sha: string; file: string } {
  const buf = randomBytes(bytes);
  const sha = createHash('sha256').update(buf).digest('hex');
  const file = attachmentFile(store, sha);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  return { sha, file };
}
