/**
 * Backup → restore into a fresh place gives back exactly the same ledger (exportLedger) and
 * byte-identical attachments; inspect, status, rotation, the attachments store, and the CLI
 * (its exit status as a real process: test/cli/process.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor, openContext, type LedgerContext } from '@core/api';
import { runCli } from '../../electron/cli/run';
import '../../electron/cli/backup-commands';
import { SCHEMA_VERSION } from '@core/db/migrations';
import { attachmentFile, pinAttachments, sweepOrphans } from '@core/ledger/attachments';
import { api, seedLedger, snapshotOf, tempDir, type Seeded } from './helpers';

let dir: string;
let s: Seeded;
let usb: string;

beforeAll(async () => {
  dir = tempDir();
  s = await seedLedger(dir);
  usb = path.join(dir, 'U盘');
  fs.mkdirSync(usb);
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** When the first test's backup.create was called and when it returned (epoch ms). */
const backupCalled = { from: 0, to: 0 };

const ftzb = (d: string) => fs.readdirSync(d).filter((f) => f.endsWith('.ftzb'));

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (x) => out.push(x), err: (x) => err.push(x) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('backup and restore round trip', () => {
  it('restores into a fresh place exactly: same export, every attachment byte-identical', async () => {
    const before = snapshotOf(s.ctx);
    backupCalled.from = Date.now();
    const made = await api<{ file: string; info: { town: string } }>(s.ctx, 'backup.create', { targetDir: usb });
    backupCalled.to = Date.now();
    expect(path.basename(made.file)).toMatch(/^法治台账备份_双土镇_\d{4}-\d{2}-\d{2}_\d{4}\.ftzb$/);
    expect(fs.readdirSync(usb)).toEqual([path.basename(made.file)]);
    expect(snapshotOf(s.ctx)).toEqual(before); // the live ledger is untouched

    const fresh = openContext(path.join(dir, 'elsewhere', '新台账.db'));
    try {
      const r = await api<{ safetyCopy: string }>(fresh, 'backup.restore', { file: made.file });
      expect(fs.existsSync(r.safetyCopy)).toBe(true);
      const after = snapshotOf(fresh);
      expect(after.ledger).toBe(before.ledger);
      expect(after.attachments).toEqual(before.attachments);
      expect(after.attachments.length).toBe(4);
      for (const sha of new Set(
        s.ctx.db
          .prepare('SELECT sha256 FROM attachments')
          .all()
          .map((r) => (r as { sha256: string }).sha256),
      )) {
        const a = fs.readFileSync(attachmentFile(attachmentsDirFor(s.file), sha));
        expect(fs.readFileSync(attachmentFile(attachmentsDirFor(fresh.file), sha)).equals(a)).toBe(true);
      }
    } finally {
      fresh.close();
    }
  });

  it('inspects a backup: date, town, counts per kind incl. 回收站, versions', async () => {
    const [name] = ftzb(usb);
    const info = await api<Record<string, unknown>>(s.ctx, 'backup.inspect', { file: path.join(usb, name) });
    expect(info).toMatchObject({
      town: '双土镇',
      appVersion: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      kinds: [
        { kind: 'meeting', label: '会议', count: 3 },
        { kind: 'training', label: '普法与培训', count: 2 },
      ],
      trash: 1,
      attachments: 4,
      reports: 1,
    });
    const v = await api<{ sound: boolean }>(s.ctx, 'backup.verify', { file: path.join(usb, name) });
    expect(v.sound).toBe(true);
  });

  it('records the last backup time and says when a reminder is due', async () => {
    const st = await api<{ lastBackupAt: string; reminderDue: boolean; daysSince: number }>(s.ctx, 'backup.status', {});
    // The time of the first test's backup, however long the tests between took.
    expect(Date.parse(st.lastBackupAt)).toBeGreaterThanOrEqual(backupCalled.from);
    expect(Date.parse(st.lastBackupAt)).toBeLessThanOrEqual(backupCalled.to);
    expect(st).toMatchObject({ reminderDue: false, daysSince: 0 });
    const fresh = openContext(path.join(dir, 'never', 'x.db'));
    expect((await api<{ reminderDue: boolean; lastBackupAt: null }>(fresh, 'backup.status', {})).reminderDue).toBe(true);
    fresh.close();
  });

  it('a second backup in the same minute gets its own name; keep rotates old ones away', async () => {
    const other = path.join(dir, 'rotate');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, '法治台账备份_双土镇_2020-01-01_0800.ftzb'), 'old');
    fs.writeFileSync(path.join(other, '法治台账备份_河坝镇_2020-01-01_0800.ftzb'), 'other town');
    fs.writeFileSync(path.join(other, '照片.jpg'), 'not ours');
    const a = await api<{ file: string }>(s.ctx, 'backup.create', { targetDir: other });
    const b = await api<{ file: string; deleted: string[] }>(s.ctx, 'backup.create', { targetDir: other, keep: 2 });
    expect(b.file).not.toBe(a.file);
    expect(b.deleted).toEqual([path.join(other, '法治台账备份_双土镇_2020-01-01_0800.ftzb')]);
    expect(fs.readdirSync(other).sort()).toEqual(
      [path.basename(a.file), path.basename(b.file), '法治台账备份_河坝镇_2020-01-01_0800.ftzb', '照片.jpg'].sort(),
    );
  });
});

describe('attachments store', () => {
  it('stores content-addressed files, lists per record, removes the file only when unused', async () => {
    const ctx: LedgerContext = s.ctx;
    const rec = s.recordIds[0];
    const list = await api<{ id: string; sha256: string; name: string }[]>(ctx, 'attachments.list', { recordId: rec });
    expect(list.map((a) => a.name)).toEqual(['照片0.jpg']);
    const shared = list[0].sha256;
    const store = attachmentsDirFor(s.file);
    expect(fs.existsSync(attachmentFile(store, shared))).toBe(true);
    await api(ctx, 'attachments.remove', { id: list[0].id });
    // 同一张照片 on another record still uses it.
    expect(fs.existsSync(attachmentFile(store, shared))).toBe(true);
    const other = (await api<{ id: string; sha256: string }[]>(ctx, 'attachments.list', { recordId: s.recordIds[1] })).find(
      (a) => a.sha256 === shared,
    )!;
    const unpin = pinAttachments(store);
    await api(ctx, 'attachments.remove', { id: other.id });
    expect(fs.existsSync(attachmentFile(store, shared))).toBe(true); // a backup is reading the folder
    unpin();
    expect(sweepOrphans(ctx.db, store)).toEqual([shared]);
    expect(fs.existsSync(attachmentFile(store, shared))).toBe(false);
  });

  it('refuses attachments on records in the 回收站 and missing source files', async () => {
    const trashed = s.recordIds[s.recordIds.length - 1];
    const r = await (await import('@core/api')).callApi(s.ctx, 'attachments.add', { recordId: trashed, sourcePath: __filename });
    expect(r.ok ? '' : r.error.message).toContain('回收站');
    const m = await (
      await import('@core/api')
    ).callApi(s.ctx, 'attachments.add', { recordId: s.recordIds[0], sourcePath: path.join(dir, 'nope.jpg') });
    expect(m.ok ? '' : m.error.message).toContain('找不到要添加的文件');
  });
});

describe('CLI', () => {
  it('backup prints the path; verify exits 0; restore reports the safety copy', async () => {
    s.ctx.close();
    try {
      const target = path.join(dir, 'cli');
      fs.mkdirSync(target);
      const b = await cli(['backup', '--db', s.file, '--to', target]);
      expect(b.code).toBe(0);
      expect(b.out).toBe(path.join(target, ftzb(target)[0]));
      const v = await cli(['verify', b.out]);
      expect(v.code).toBe(0);
      expect(v.out).toContain('备份完好');
      const i = await cli(['inspect', b.out]);
      expect(i.out).toContain('单位：双土镇');
      const r = await cli(['restore', b.out, '--db', path.join(dir, 'cli-restore', 'x.db')]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('安全副本');
    } finally {
      s.ctx.reopen();
    }
  });
});
