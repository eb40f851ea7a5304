/**
 * The backup file format (docs/backup.md): one zip holding manifest.json, ledger.sqlite and
 * attachments/<sha256>, with a marker and a whole-file CRC-32 in the zip comment.
 * Also the file naming rule and the only entry names a backup may contain.
 */
import { safePart } from '../dossier/names';
import { z } from 'zod';

export const BACKUP_FORMAT = 'fazhi-ledger-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXT = '.ftzb';
const BACKUP_PREFIX = '法治台账备份';
export const MANIFEST_NAME = 'manifest.json';
export const SNAPSHOT_NAME = 'ledger.sqlite';
export const ATTACHMENT_PREFIX = 'attachments/';
/** Zip comment: the marker, then the CRC-32 of every byte before the comment (8 hex digits). */
export const COMMENT_MARKER = `${BACKUP_FORMAT};crc32=`;
export const COMMENT_PLACEHOLDER = `${COMMENT_MARKER}00000000`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.int().min(0);

const countsSchema = z.object({
  /** Live records (not in the 回收站) per kind id. */
  records: z.record(z.string(), count),
  /** Records in the 回收站. */
  trash: count,
  /** Attachment rows, and distinct attachment files (parts) behind them. */
  attachments: count,
  attachmentFiles: count,
  reports: count,
});
export type Counts = z.infer<typeof countsSchema>;

const partSchema = z.object({ path: z.string(), size: z.int().min(0), sha256 });
export type Part = z.infer<typeof partSchema>;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int().min(1),
  appVersion: z.string(),
  schemaVersion: z.int().min(0),
  createdAt: z.string(),
  town: z.string(),
  counts: countsSchema,
  parts: z.array(partSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const attachmentPart = (sha: string): string => `${ATTACHMENT_PREFIX}${sha}`;

/** Names an archive must never contain: parent steps, absolute paths, backslashes, drive letters. */
export function unsafeEntryName(name: string): boolean {
  return (
    name.includes('\\') || name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').some((s) => s === '..') || name.includes('\0')
  );
}

/** The only entries a backup holds; anything else means the file is not one of ours. */
export function knownEntryName(name: string): boolean {
  return name === MANIFEST_NAME || name === SNAPSHOT_NAME || /^attachments\/[0-9a-f]{64}$/.test(name);
}

/**
 * The town as part of a backup's name: characters Windows forbids leave it (the name is parsed
 * back, ./list.ts), then the one cleaner of every name the app makes (controls, reserved device
 * names, trailing dots, length).
 */
export function safeTownName(town: string): string {
  return safePart(town.replace(/[\\/:*?"<>|]/g, ''), '未命名');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local date and time as the clerk reads them: 2024-01-15 and 1030. */
export function stamp(d: Date): { date: string; hhmm: string } {
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, hhmm: `${pad(d.getHours())}${pad(d.getMinutes())}` };
}

/** 法治台账备份_<town>_<YYYY-MM-DD>_<HHmm>[_<tag>][_<n>].ftzb; n > 1 only when the minute already has one. */
export function backupFileName(town: string, when: Date, opts: { tag?: string; n?: number } = {}): string {
  const { date, hhmm } = stamp(when);
  const tag = opts.tag ? `_${opts.tag}` : '';
  const n = opts.n && opts.n > 1 ? `_${opts.n}` : '';
  return `${BACKUP_PREFIX}_${safeTownName(town)}_${date}_${hhmm}${tag}${n}${BACKUP_EXT}`;
}

interface ParsedName {
  town: string;
  date: string;
  hhmm: string;
  tag: string;
  n: number;
  /** Sortable key: date, time, then the same-minute counter. */
  key: string;
}

const NAME_RE = /^法治台账备份_(.+?)_(\d{4}-\d{2}-\d{2})_(\d{4})(?:_(恢复前|升级前|[^_\d][^_]*))?(?:_(\d+))?\.ftzb$/;

export function parseBackupName(base: string): ParsedName | null {
  const m = NAME_RE.exec(base);
  if (!m) return null;
  const n = m[5] ? Number(m[5]) : 1;
  return { town: m[1], date: m[2], hhmm: m[3], tag: m[4] ?? '', n, key: `${m[2]} ${m[3]} ${String(n).padStart(6, '0')}` };
}
