/**
 * Restores a backup over the open ledger: verify while extracting to a staging folder beside the
 * db, save a safety copy of the current ledger, close it, add the backup's attachment files to the
 * store, atomically replace the db file, reopen (migrating if older) and check; any failure rolls back.
 * At every instant the db file is whole (old or new) and the store holds every file it references.
 */
import fs from 'node:fs';
import path from 'node:path';
import { attachmentsDirFor, type LedgerContext } from '../context';
import { SCHEMA_VERSION } from '../db/migrations';
import { LedgerError } from '@rules/errors';
import { attachmentFile, sweepOrphans } from '../ledger/attachments';
import { getMeta, setMeta } from '../ledger/settings';
import { stableStringify } from '../ledger/exchange';
import { createBackup } from './create';
import { ATTACHMENT_PREFIX, SNAPSHOT_NAME } from './format';
import { safetyDirFor } from './safety';
import { countLedger, integrityProblem } from './snapshot';
import { stagedAttachment, verifyBackup } from './verify';
import { ioReason } from './messages';
import type { Restored } from '@rules/api/backup';

interface RestoreOptions {
  now?: Date;
  /** Test seam: runs right after the db file was replaced, before reopening. */
  afterSwap?: () => void;
}

const CANCELLED = '恢复已取消，台账未作任何改动';

function removeStaleStaging(dir: string, name: string): void {
  for (const f of fs.readdirSync(dir)) {
    if (f.startsWith(`.${name}.restore-`)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  }
}

const rmSidecars = (file: string) => {
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
};

function fail(err: unknown, prefix: string): LedgerError {
  const msg = err instanceof LedgerError ? err.message : ioReason(err);
  return new LedgerError(err instanceof LedgerError ? err.code : 'IO', `${prefix}：${msg}`, err instanceof LedgerError ? err.issues : []);
}

export async function restoreBackup(ctx: LedgerContext, backupFile: string, opts: RestoreOptions = {}): Promise<Restored> {
  // Refused at once while another process has the ledger open: its acknowledged writes would go to
  // the replaced file and be lost. Held until the restore is over.
  const release = ctx.exclusive('恢复备份');
  try {
    return await restoreHeld(ctx, backupFile, opts);
  } finally {
    release();
  }
}

async function restoreHeld(ctx: LedgerContext, backupFile: string, opts: RestoreOptions): Promise<Restored> {
  const file = ctx.file;
  const dir = path.dirname(file);
  let staging: string;
  try {
    removeStaleStaging(dir, path.parse(file).name);
    staging = fs.mkdtempSync(path.join(dir, `.${path.parse(file).name}.restore-`));
  } catch (err) {
    throw fail(err, `${CANCELLED}（无法在台账所在文件夹中准备恢复）`);
  }
  let keepStaging = false;
  try {
    let verified;
    try {
      verified = await verifyBackup(path.resolve(backupFile), { extractTo: staging });
    } catch (err) {
      throw fail(err, CANCELLED);
    }
    const { manifest, info } = verified;

    // From here the app may read but not write, so nothing typed now can miss the safety copy.
    ctx.db.pragma('query_only = ON');
    let safetyCopy: string;
    try {
      fs.mkdirSync(safetyDirFor(file), { recursive: true });
      safetyCopy = (await createBackup(ctx, safetyDirFor(file), { tag: '恢复前', recordLastBackup: false, now: opts.now })).file;
    } catch (err) {
      ctx.db.pragma('query_only = OFF');
      throw fail(err, `${CANCELLED}（无法保存当前台账的安全副本）`);
    }
    const lastBackupAt = getMeta(ctx.db, 'lastBackupAt');

    ctx.db.pragma('query_only = OFF');
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.db.close();
    if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) {
      ctx.reopen();
      throw new LedgerError('CONFLICT', `${CANCELLED}：台账文件正被另一个程序使用，请关闭其他程序后重试`);
    }
    rmSidecars(file);

    const previous = path.join(staging, 'previous.sqlite');
    const store = attachmentsDirFor(file);
    const added: string[] = [];
    let swapped = false;
    try {
      try {
        fs.linkSync(file, previous);
      } catch {
        fs.copyFileSync(file, previous);
      }
      for (const p of manifest.parts.filter((x) => x.path.startsWith(ATTACHMENT_PREFIX))) {
        const sha = p.path.slice(ATTACHMENT_PREFIX.length);
        const target = attachmentFile(store, sha);
        if (fs.existsSync(target)) continue;
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.renameSync(stagedAttachment(staging, sha), target);
        added.push(target);
      }
      fs.renameSync(path.join(staging, SNAPSHOT_NAME), file);
      swapped = true;
      opts.afterSwap?.();
      ctx.reopen();
      const problem = integrityProblem(ctx.db);
      if (problem) throw new LedgerError('BAD_FILE', `恢复后的台账未通过完整性检查（${problem}）`);
      if (manifest.schemaVersion === SCHEMA_VERSION && stableStringify(countLedger(ctx.db)) !== stableStringify(manifest.counts)) {
        throw new LedgerError('BAD_FILE', '恢复后的记录数与备份清单不符');
      }
    } catch (err) {
      try {
        if (ctx.db.open) ctx.db.close();
        if (swapped) {
          rmSidecars(file);
          fs.renameSync(previous, file);
        }
        for (const f of added) fs.rmSync(f, { force: true });
        ctx.reopen();
      } catch (rollbackErr) {
        keepStaging = true;
        throw new LedgerError(
          'IO',
          `恢复失败，且未能自动还原（${(rollbackErr as Error).message}）。原台账文件保存在“${previous}”，安全副本在“${safetyCopy}”，请联系技术支持，切勿删除这些文件。`,
        );
      }
      throw fail(err, `恢复失败，台账已还原为恢复前的状态（安全副本：${safetyCopy}）`);
    }

    // Done: drop files only the old ledger used (they are in the safety copy), keep the newest lastBackupAt.
    sweepOrphans(ctx.db, store);
    const restoredLast = getMeta(ctx.db, 'lastBackupAt');
    if (lastBackupAt && (!restoredLast || restoredLast < lastBackupAt)) setMeta(ctx.db, 'lastBackupAt', lastBackupAt);
    return { info, safetyCopy };
  } finally {
    if (!keepStaging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

export type { Restored };
