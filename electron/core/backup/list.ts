/**
 * Our backup files in one folder (a U盘's root, or any folder the clerk chose), newest first, with
 * the date, time and town read from the file name. Only names matching our pattern are listed;
 * temp files of a backup in progress and foreign files are left out. Nothing is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '@rules/errors';
import { parseBackupName } from './format';
import { ioReason } from './messages';
import type { ListedBackup } from '@rules/api/backup';

export function listBackups(dir: string): ListedBackup[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new LedgerError('NOT_FOUND', `无法读取文件夹“${dir}”：${ioReason(err)}`);
  }
  const out: (ListedBackup & { key: string })[] = [];
  for (const d of entries) {
    const p = d.isFile() ? parseBackupName(d.name) : null;
    if (!p) continue;
    const file = path.join(dir, d.name);
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      continue; // removed while listing
    }
    out.push({
      file,
      name: d.name,
      bytes,
      town: p.town,
      date: p.date,
      time: `${p.hhmm.slice(0, 2)}:${p.hhmm.slice(2)}`,
      tag: p.tag,
      key: p.key,
    });
  }
  out.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.name < b.name ? 1 : -1));
  return out.map(({ key: _key, ...rest }) => rest);
}

export type { ListedBackup };
