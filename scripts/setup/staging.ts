/**
 * A download is assembled in a staging folder beside its final place and moved there only when
 * complete and checked, so the final name never holds half a download, whatever fails or is
 * stopped. The staging folder is removed in every case.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export function makeStaging(parent: string, name: string): string {
  fs.mkdirSync(parent, { recursive: true });
  const dir = path.join(parent, `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.staging`);
  fs.mkdirSync(dir);
  return dir;
}

/** Puts the finished folder `from` at `to`, replacing what was there (renames, never a copy). */
export function replaceDir(from: string, to: string): void {
  // Windows cannot rename over an existing folder: move the old one aside first.
  const old = `${to}.${randomBytes(4).toString('hex')}.old`;
  const hadOld = fs.existsSync(to);
  if (hadOld) fs.renameSync(to, old);
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if (hadOld) fs.renameSync(old, to);
    throw err;
  }
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
}

export function writeTextAtomic(file: string, text: string): void {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export const removeStaging = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
