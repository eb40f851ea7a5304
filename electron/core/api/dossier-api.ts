/**
 * API method of the year's 档案袋: written to a file the CLI names (`out`), or into a folder the
 * clerk picked under its default name (`folder`; an existing file of that name is never
 * overwritten: the new one gets “(2)”…).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '@rules/errors';
import { method } from './define';
import { API_INPUTS } from '@rules/api/inputs';
import { getSettings } from '../ledger/settings';
import { defaultDossierFileName, writeDossier } from '../dossier/write';
import type { LedgerContext } from '../context';

function freeName(folder: string, name: string): string {
  const { name: stem, ext } = path.parse(name);
  let file = path.join(folder, name);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, `${stem} (${n})${ext}`);
  return file;
}

function target(ctx: LedgerContext, year: number, i: { out?: string; folder?: string }): string {
  if (i.out) return path.resolve(i.out);
  const folder = path.resolve(i.folder!);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new LedgerError('NOT_FOUND', `文件夹不存在：${folder}`);
  const file = freeName(folder, defaultDossierFileName(getSettings(ctx.db).town, year));
  // Never anywhere but in the folder the clerk picked, whatever the stored settings say.
  if (path.dirname(file) !== folder) throw new LedgerError('VALIDATION', `档案袋的文件名不合规，未写入：${path.basename(file)}`);
  return file;
}

export const dossierApi = {
  'dossier.export': method(
    API_INPUTS['dossier.export'],
    (ctx, i) => writeDossier(ctx, i.year, target(ctx, i.year, i), { draftReport: i.draftReport }),
    // From the page: only a folder main's picker (or the drive list) handed out; `out` is the CLI's.
    { paths: { folder: 'folder', out: 'cli' } },
  ),
};
