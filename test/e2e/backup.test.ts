/**
 * 备份与恢复 in the real UI (built renderer + loopback harness + Chromium), on a temp ledger with
 * records and a fake U盘 (FAZHI_DRIVES_DIR → a temp folder with one sub-folder): the reminder, the
 * drive card, 立即备份 writing a verified .ftzb onto it, a record added afterwards, 查看内容 of the
 * listed backup, 恢复 after the confirmation (the added record gone, the earlier ones back, a
 * safety copy kept), and a truncated copy refused with the core's reason. Screens: backup-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/call';
import { getKind } from '@rules/kinds';
import { screenshot, startApp, type E2eApp } from './support/app';
import { sampleRecord } from '../support/samples';
import type { LedgerSeed } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { BackupPage } from './pages/backup-page';
import { KindPage } from './pages/kind-page';

const Y = new Date().getFullYear();
const VILLAGES = ['石桥村', '红星村'];
const DRIVE = '金士顿U盘';
const ADDED = '备份之后新增的会议';

/** 双土镇 with 3 会议 and 2 学法普法 records of this year. */
const SEED: LedgerSeed = {
  settings: { county: '某某县', town: '双土镇', villages: VILLAGES },
  records: [
    ...[0, 1, 2].map((n) => ({ kind: 'meeting', sample: n, year: Y })),
    ...[0, 1].map((n) => ({ kind: 'training', sample: n, year: Y })),
  ],
};

describe('备份与恢复', () => {
  let dir: string;
  let driveDir: string;
  let app: E2eApp;
  let shell: AppShell;
  let page: BackupPage;
  let backupFile = '';
  const before = process.env.FAZHI_DRIVES_DIR;
  const meetings = async () =>
    (await api<{ rows: { data: { title?: string } }[] }>(app.harness.ctx, 'records.list', { kind: 'meeting', year: Y })).rows;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-backup-'));
    const drives = path.join(dir, 'drives');
    driveDir = path.join(drives, DRIVE);
    fs.mkdirSync(driveDir, { recursive: true });
    const ledger = path.join(dir, 'ledger', '台账.db');
    fs.mkdirSync(path.dirname(ledger));
    process.env.FAZHI_DRIVES_DIR = drives;
    app = await startApp({ dbFile: ledger, seed: SEED });
    shell = new AppShell(app.page);
    page = new BackupPage(app.page);
    await app.page.getByRole('heading', { name: `${Y}年度台账概览` }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    if (before === undefined) delete process.env.FAZHI_DRIVES_DIR;
    else process.env.FAZHI_DRIVES_DIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reminds calmly in the header that the ledger was never backed up, and leads to the page', async () => {
    await page.headerReminder.waitFor();
    expect(await page.headerReminder.innerText()).toContain('台账还从未备份过');
    await screenshot(app.page, 'backup-00-header-reminder');
    await page.headerReminder.getByRole('link', { name: '去备份' }).click();
    await page.waitOpen();
    expect(await page.headerReminder.count()).toBe(0);
    await expect.poll(() => page.lastBackup.innerText()).toBe('本台账还从未备份过');
  });

  it('shows the U盘 as a card, chosen already, with its free space and the backup size', async () => {
    await page.driveCard(DRIVE).waitFor();
    expect(await page.driveCards.count()).toBe(1);
    const card = await page.driveCard(DRIVE).innerText();
    expect(card).toContain(driveDir);
    expect(card).toMatch(/可用空间 [\d.]+ (GB|MB|KB)/);
    expect(card).toMatch(/本次备份约需 [\d.]+ (MB|KB)/);
    expect(await page.driveCard(DRIVE).getAttribute('aria-checked')).toBe('true');
    expect(await page.target.innerText()).toContain(`将保存到：${DRIVE}`);
    await screenshot(app.page, 'backup-01-page');
  });

  it('立即备份 writes a verified .ftzb onto the U盘 and says so', async () => {
    await page.backUp();
    await page.result.waitFor();
    const text = await page.result.innerText();
    expect(text).toContain('备份完成，校验通过');
    const files = fs.readdirSync(driveDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^法治台账备份_双土镇_\d{4}-\d{2}-\d{2}_\d{4}\.ftzb$/);
    expect(text).toContain(files[0]);
    backupFile = path.join(driveDir, files[0]);
    expect(await api<{ sound: boolean }>(app.harness.ctx, 'backup.verify', { file: backupFile })).toMatchObject({ sound: true });
    await expect.poll(() => page.lastBackup.innerText()).toMatch(/^上次备份：.*（今天）$/);
    await screenshot(app.page, 'backup-02-done');
    // The new backup is listed under 从备份恢复 at once.
    await page.tab('从备份恢复');
    await expect.poll(() => page.listedBackups.count()).toBe(1);
  });

  it('查看内容 shows what the backup holds, after a record was added to the ledger', async () => {
    await api(app.harness.ctx, 'records.create', {
      kind: 'meeting',
      data: { ...sampleRecord('meeting', 7, { year: Y, everyField: { villages: VILLAGES } }), title: ADDED },
    });
    await page.inspectListed(DRIVE);
    await page.contents.waitFor();
    await page.sound.waitFor();
    expect(await page.counts()).toEqual({ [getKind('meeting')!.label]: 3, [getKind('training')!.label]: 2, 合计: 5 });
    const facts = await page.contents.innerText();
    expect(facts).toContain('双土镇');
    expect(facts).toContain('0.1.0');
    // Looking changed nothing.
    expect((await meetings()).length).toBe(4);
    await screenshot(app.page, 'backup-03-inspect');
  });

  it('恢复 asks first, naming where the safety copy goes, then brings the earlier ledger back', async () => {
    const { dir: safetyDir } = await api<{ dir: string }>(app.harness.ctx, 'backup.safetyCopies', {});
    const dialog = await page.openRestore();
    expect(await dialog.innerText()).toContain('替换当前台账的全部记录');
    expect(await dialog.getByTestId('restore-safety-dir').innerText()).toBe(safetyDir);
    expect(await dialog.getByRole('button', { name: '恢复', exact: true }).isDisabled()).toBe(true);
    await screenshot(app.page, 'backup-04-confirm');
    await page.confirmRestore(dialog);
    await page.restoreDone.waitFor();
    const done = await page.restoreDone.innerText();
    expect(done).toContain('恢复完成');
    const safety = /安全副本：(.+\.ftzb)/.exec(done)?.[1] ?? '';
    expect(path.dirname(safety)).toBe(safetyDir);
    expect(fs.existsSync(safety)).toBe(true);
    await screenshot(app.page, 'backup-05-restored');

    const left = await meetings();
    expect(left).toHaveLength(3);
    expect(left.some((r) => r.data.title === ADDED)).toBe(false);
    // The screens follow: the menu count and the 会议 page show the restored ledger.
    await shell.openKind('会议');
    await new KindPage(app.page).waitTotal(3, Y);
    expect(await new KindPage(app.page).row(ADDED).count()).toBe(0);

    // The safety copy is listed, and holds the ledger as it was: with the added record.
    await shell.open('备份与恢复');
    await page.tab('安全副本');
    await expect.poll(() => page.safetyCopies.innerText()).toContain(path.basename(safety));
    await screenshot(app.page, 'backup-06-safety-copies');
    await page.inspectSafetyCopy(path.basename(safety));
    await page.sound.waitFor();
    expect(await page.contents.innerText()).toContain(path.basename(safety));
    expect((await page.counts())[getKind('meeting')!.label]).toBe(4);
  });

  it('refuses a truncated copy with the core’s reason, and a file that is not a backup', async () => {
    const damaged = path.join(driveDir, '法治台账备份_双土镇_2020-01-01_0800.ftzb');
    const bytes = fs.readFileSync(backupFile);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // As after plugging a U盘 in: 刷新 reads the drives and the backups on them again.
    await page.refresh();
    await page.listedBackups.filter({ hasText: '2020-01-01' }).waitFor();
    await page.inspectListed('2020-01-01');
    await page.restoreError.waitFor();
    expect(await page.restoreError.innerText()).toMatch(/备份文件(已损坏|不完整)/);
    expect(await page.restoreError.innerText()).toContain('当前台账没有任何改动');
    expect(await page.contents.count()).toBe(0);
    await screenshot(app.page, 'backup-07-damaged');

    const photo = path.join(dir, '照片.jpg');
    fs.writeFileSync(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(8192, 0x42)]));
    await page.inspectPath(photo);
    await expect.poll(() => page.restoreError.innerText()).toContain('不是法治台账备份文件');
    expect(app.pageErrors).toEqual([]);
  });
});
