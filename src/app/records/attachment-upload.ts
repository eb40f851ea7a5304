/** Files chosen for a record before they are stored, and storing one (the form and 附件 both use it). */
import { call, type ApiOutput } from '../lib/api';
import { readAsBase64, uploadProblem } from './attachment-files';

export type Attachment = ApiOutput<'attachments.list'>[number];

/** A file chosen before the record exists (or whose upload after the first save failed). */
export interface PendingFile {
  key: string;
  file: File;
  item: string | null;
  /** Why its upload failed, once tried. */
  problem?: string;
}

/** The item a file's name suggests (“签到表（三月）.jpg” → 签到表), or null. */
export function guessItem(name: string, items: readonly string[]): string | null {
  return [...items].sort((a, b) => b.length - a.length).find((i) => name.includes(i)) ?? null;
}

/** Uploads one pending file to a saved record; resolves the stored attachment or throws the clerk's message. */
export async function uploadPending(recordId: string, p: PendingFile, onFraction?: (f: number) => void): Promise<Attachment> {
  const problem = uploadProblem(p.file);
  if (problem) throw new Error(problem);
  const dataBase64 = await readAsBase64(p.file, onFraction);
  return call('attachments.upload', { recordId, name: p.file.name, dataBase64, item: p.item });
}
