/**
 * Makes one backup file: online snapshot of the open ledger, zip to a temp name on the target (each
 * part hashed as it streams, the whole-file CRC joined from the parts'; the file flushed to the
 * drive behind the writer; the snapshot's one integrity_check meanwhile, in a thread of its own
 * started before the snapshot), fsync, read back from the drive and compare
 * (./read-back.ts), then rename. On any failure the temp file is removed and no file exists under
 * the final name. The live ledger is only read (and lastBackupAt recorded).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { APP_VERSION, attachmentsDirFor } from '../context';
import type { Db } from '../db/open';
import { LedgerError } from '@rules/errors';
import { tempNameFor } from '../fs/atomic';
import { attachmentFile, pinAttachments } from '../ledger/attachments';
import { setMeta } from '../ledger/settings';
import {
  attachmentPart,
  backupFileName,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  parseBackupName,
  SNAPSHOT_NAME,
  type Manifest,
} from './format';
import { describe, type BackupInfo } from './inspect';
import { asLedgerError, ioReason } from './messages';
import { perPercent, type StageReport } from '../stages';
import { removeLeftoverWorkDirs, workDirPrefix } from './leftovers';
import { rotate } from './routine';
import { dbFacts, takeSnapshot, withReadOnly } from './snapshot';
import { integrityAhead } from './integrity';
import { checkRoom, estimateBackupBytes } from './space';
import { readBack } from './read-back';
import { openFileOutput, writeArchive, type OpenOutput, type SourcePart } from './write';

interface CreateOptions {
  now?: Date;
  /** Marks a safety copy (恢复前); tagged files are never rotated away. */
  tag?: string;
  /** Record the time as the ledger's lastBackupAt (default true; safety copies pass false). */
  recordLastBackup?: boolean;
  /** After success, keep only the newest `keep` backups of this town in the target folder. */
  keep?: number;
  openOutput?: OpenOutput;
  /** How far it got: writing (bytes of the parts read, once per percent), then checking the written file. */
  progress?: StageReport;
  /** Tests only: runs after the file is fsync'd and closed, before it is read back (e.g. to make the drive lie). */
  beforeReadBack?: (tmpFile: string) => void | Promise<void>;
}

interface Created {
  file: string;
  bytes: number;
  manifest: Manifest;
  info: BackupInfo;
  /** Old backups deleted by rotation. */
  deleted: string[];
  /** True when the read-back came from the drive itself; false where the file system allows only cached reads. */
  readFromDrive: boolean;
}

const STALE_MS = 10 * 60 * 1000;

/** Temp files left by a backup that was killed (power cut, pulled drive) are removed on the next run. */
function removeStaleTemps(dir: string, now: number): void {
  for (const f of fs.readdirSync(dir)) {
    if (!/^\.法治台账备份_.*\.ftzb\.[0-9a-f]+\.tmp$/.test(f)) continue;
    const full = path.join(dir, f);
    try {
      if (now - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { force: true });
    } catch {
      /* best effort */
    }
  }
}

function freeName(dir: string, town: string, now: Date, tag?: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(dir, backupFileName(town, now, { tag, n }));
    if (!fs.existsSync(file)) return file;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* Windows cannot fsync a folder; the rename is already durable there once the file is flushed. */
  }
}

function checkTarget(dir: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new LedgerError('NOT_FOUND', `备份失败：找不到目标文件夹“${dir}”（U盘可能已被拔出）`);
  }
  if (!st.isDirectory()) throw new LedgerError('VALIDATION', `备份失败：“${dir}”不是文件夹`);
}

export async function createBackup(source: { file: string; db: Db }, targetDir: string, opts: CreateOptions = {}): Promise<Created> {
  const now = opts.now ?? new Date();
  const dir = path.resolve(targetDir);
  checkTarget(dir);
  removeStaleTemps(dir, Date.now());
  removeLeftoverWorkDirs();
  checkRoom(dir, estimateBackupBytes(source.file, source.db));

  const unpin = pinAttachments(attachmentsDirFor(source.file));
  const work = await fsp.mkdtemp(workDirPrefix('backup'));
  let tmp: string | null = null;
  // The check's thread loads its code while the snapshot is taken.
  const checker = integrityAhead(fs.statSync(source.file).size);
  let integrity: Promise<string | null | Error> | null = null;
  try {
    const snap = path.join(work, SNAPSHOT_NAME);
    await takeSnapshot(source.db, snap);
    const facts = withReadOnly(snap, dbFacts);
    // The one integrity_check of a backup runs in a thread of its own while the zip is written (the
    // bytes written are proved equal to the snapshot's by the read-back below); its verdict is
    // awaited before the read-back.
    integrity = checker.check(snap);
    const store = attachmentsDirFor(source.file);
    const parts: SourcePart[] = [
      { path: SNAPSHOT_NAME, file: snap, size: fs.statSync(snap).size, compress: true, label: '数据库快照' },
      ...facts.files.map((f) => ({
        path: attachmentPart(f.sha256),
        file: attachmentFile(store, f.sha256),
        size: f.size,
        compress: false,
        expectSha: f.sha256,
        label: f.name,
      })),
    ];
    let manifest: Manifest | null = null;
    const makeManifest = (hashed: Manifest['parts']) => {
      manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: APP_VERSION,
        schemaVersion: facts.schemaVersion,
        createdAt: now.toISOString(),
        town: facts.town,
        counts: facts.counts,
        parts: hashed,
      };
      return Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    };

    const totalBytes = parts.reduce((n, p) => n + p.size, 0);
    const final = freeName(dir, facts.town, now, opts.tag);
    tmp = tempNameFor(final);
    const out = await (opts.openOutput ?? openFileOutput)(tmp);
    let written;
    try {
      written = await writeArchive(out, parts, makeManifest, now, opts.progress && perPercent(totalBytes, opts.progress));
      await out.sync();
    } finally {
      await out.close().catch(() => undefined);
    }
    const bad = await integrity;
    if (bad instanceof Error) throw bad;
    if (bad)
      throw new LedgerError('BAD_FILE', `备份失败：当前台账数据库已损坏（完整性检查未通过：${bad}），请联系技术支持，切勿删除现有文件。`);

    await opts.beforeReadBack?.(tmp);
    opts.progress?.({ stage: 'check' });
    let back;
    try {
      back = await readBack(tmp, written, manifest!);
    } catch (err) {
      // A read error (EIO from a failing stick) is said in the clerk's words, never as the bare errno.
      const why = err instanceof LedgerError ? err.message : ioReason(err);
      throw new LedgerError('IO', `备份失败：写入后回读校验未通过（${why}），U盘可能有坏块，请换一个U盘重试。`);
    }
    fs.renameSync(tmp, final);
    tmp = null;
    fsyncDir(dir);

    if (opts.recordLastBackup !== false) setMeta(source.db, 'lastBackupAt', now.toISOString());
    const town = parseBackupName(path.basename(final))?.town;
    const deleted = opts.keep && town ? rotate(dir, opts.keep, town) : [];
    return {
      file: final,
      bytes: written.size,
      manifest: manifest!,
      info: describe(final, written.size, manifest!),
      deleted,
      readFromDrive: back.fromDrive,
    };
  } catch (err) {
    if (tmp) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        /* the drive may be gone; nothing exists under the final name either way */
      }
    }
    throw asLedgerError(err, '备份失败');
  } finally {
    // The check's thread has the snapshot open until it answers (Windows cannot remove an open file);
    // one never told a file ends unused.
    await (integrity ?? checker.cancel());
    unpin();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
