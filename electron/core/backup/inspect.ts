/**
 * Reads what a backup says about itself (its manifest) without extracting anything: when it was
 * made, for which town, how many records of each kind, by which app and schema version.
 * A foreign file, a newer format or a newer schema is refused here, before anything else.
 */
import { SCHEMA_VERSION } from '../db/migrations';
import { LedgerError } from '@rules/errors';
import { KINDS } from '@rules/kinds';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_NAME, manifestSchema, type Manifest } from './format';
import { damaged } from './messages';
import { FOREIGN, openBackupZip, readSmallEntry, type OpenedZip } from './zip-read';
import type { BackupInfo } from '@rules/api/backup';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function tooNew(what: string, version: unknown, supported: number): LedgerError {
  return new LedgerError(
    'SCHEMA_TOO_NEW',
    `该备份由更新版本的法治台账生成（${what}${String(version)}，本程序支持到${supported}），需要升级程序后才能恢复。`,
  );
}

/** Reads and checks the manifest: ours, not newer than this app, and complete. */
export async function readManifest(z: OpenedZip): Promise<Manifest> {
  const entry = z.entries.get(MANIFEST_NAME);
  if (!entry) throw z.ours ? damaged('缺少清单（manifest.json）') : new LedgerError('BAD_FILE', FOREIGN);
  let raw: unknown;
  try {
    raw = JSON.parse((await readSmallEntry(z.zip, entry, 64 * 1024 * 1024)).toString('utf8'));
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw z.ours ? damaged('清单（manifest.json）无法读取') : new LedgerError('BAD_FILE', FOREIGN);
  }
  if (!isObj(raw) || raw.format !== BACKUP_FORMAT) {
    throw z.ours ? damaged('清单（manifest.json）内容不符') : new LedgerError('BAD_FILE', FOREIGN);
  }
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BACKUP_FORMAT_VERSION) {
    throw tooNew('备份格式版本', raw.formatVersion, BACKUP_FORMAT_VERSION);
  }
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > SCHEMA_VERSION) {
    throw tooNew('数据结构版本', raw.schemaVersion, SCHEMA_VERSION);
  }
  const m = manifestSchema.safeParse(raw);
  if (!m.success) throw damaged('清单（manifest.json）内容不完整');
  return m.data;
}

export function describe(file: string, bytes: number, m: Manifest): BackupInfo {
  return {
    file,
    bytes,
    createdAt: m.createdAt,
    town: m.town,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    formatVersion: m.formatVersion,
    kinds: KINDS.filter((k) => (m.counts.records[k.id] ?? 0) > 0).map((k) => ({
      kind: k.id,
      label: k.label,
      count: m.counts.records[k.id],
    })),
    trash: m.counts.trash,
    attachments: m.counts.attachments,
    reports: m.counts.reports,
  };
}

export async function inspectBackup(file: string): Promise<BackupInfo> {
  const z = await openBackupZip(file);
  try {
    return describe(file, z.size, await readManifest(z));
  } finally {
    z.zip.close();
  }
}

export type { BackupInfo };
