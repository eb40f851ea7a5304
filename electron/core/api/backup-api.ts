/**
 * API methods for backup, restore and drives (attachments are in ./attachments-api.ts).
 * Backups and restores of one ledger never overlap (withLedgerLock); verify reports a refusal
 * as { sound: false, problem } so the UI can show it next to the file instead of as a failed call.
 */
import { method } from './define';
import { API_INPUTS } from '@rules/api/inputs';
import { toErrorPayload } from '@rules/errors';
import { createBackup } from '../backup/create';
import { listDrives } from '../backup/drives';
import { inspectBackup } from '../backup/inspect';
import { listBackups } from '../backup/list';
import { withLedgerLock } from '../backup/lock';
import { restoreBackup } from '../backup/restore';
import { backupStatus, DEFAULT_REMINDER_DAYS } from '../backup/routine';
import { listSafetyCopies, safetyDirFor } from '../backup/safety';
import { estimateBackupBytes, hasRoom } from '../backup/space';
import { verifyBackup } from '../backup/verify';
import { stagesTo } from '../stages';

// From the renderer these must be paths main handed out (./grants.ts): a picker's answer, a drive,
// a backup listed in a granted folder. What the methods answer with is granted in turn.
const folderIn = { paths: { dir: 'folder' } } as const;
type Files = readonly { file: string }[];
const filesOut = (list: Files) => list.map((b) => ({ path: b.file, kind: 'file' as const }));
const backupIn = { paths: { file: 'file' } } as const;

export const backupApi = {
  'backup.drives': method(
    API_INPUTS['backup.drives'],
    async (ctx) => {
      const estimateBytes = estimateBackupBytes(ctx.file, ctx.db);
      const drives = await listDrives();
      return { estimateBytes, drives: drives.map((d) => ({ ...d, enoughSpace: hasRoom(d.freeBytes, estimateBytes) })) };
    },
    { grants: (o: { drives: readonly { path: string }[] }) => o.drives.map((d) => ({ path: d.path, kind: 'folder' as const })) },
  ),
  'backup.create': method(
    API_INPUTS['backup.create'],
    (ctx, i) =>
      withLedgerLock(ctx.file, '备份', async () => {
        const r = await createBackup(ctx, i.targetDir, {
          keep: i.keep,
          progress: stagesTo(ctx, 'backup.create'),
        });
        return { file: r.file, bytes: r.bytes, info: r.info, deleted: r.deleted };
      }),
    { paths: { targetDir: 'folder' }, grants: (o: { file: string }) => filesOut([o]), worker: true },
  ),
  /** Our backup files in a folder, newest first (date and town from the name; nothing opened). */
  'backup.list': method(API_INPUTS['backup.list'], (_ctx, i) => listBackups(i.dir), {
    ...folderIn,
    grants: filesOut,
  }),
  'backup.inspect': method(API_INPUTS['backup.inspect'], (_ctx, i) => inspectBackup(i.file), backupIn),
  'backup.verify': method(
    API_INPUTS['backup.verify'],
    async (_ctx, i) => {
      try {
        return { sound: true as const, info: (await verifyBackup(i.file)).info };
      } catch (err) {
        const e = toErrorPayload(err);
        return { sound: false as const, code: e.code, problem: e.message };
      }
    },
    { ...backupIn, worker: true },
  ),
  'backup.restore': method(
    API_INPUTS['backup.restore'],
    (ctx, i) => withLedgerLock(ctx.file, '恢复', () => restoreBackup(ctx, i.file)),
    // Replaces the ledger file: the shell's own connection closes while it runs (./dispatch.ts).
    { ...backupIn, worker: 'exclusive' },
  ),
  'backup.status': method(API_INPUTS['backup.status'], (ctx, i) => backupStatus(ctx.db, new Date(), i.days ?? DEFAULT_REMINDER_DAYS)),
  'backup.safetyCopies': method(
    API_INPUTS['backup.safetyCopies'],
    (ctx) => ({ dir: safetyDirFor(ctx.file), copies: listSafetyCopies(ctx.file) }),
    {
      grants: (o: { copies: Files }) => filesOut(o.copies),
    },
  ),
};
