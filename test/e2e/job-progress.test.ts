/**
 * Heavy work off the main thread, as the clerk sees it: a backup of a ledger with a large attachment runs in the
 * core's worker; while it runs the window stays usable (the 台账 pages still answer) and a note
 * in the corner says how far it got (正在备份（37%）…, then 正在备份：校验中…), which goes away when the
 * backup is done. The worker is held part-way through the write (support/held-worker.cjs), so the
 * backup is still running when the other call is made, however fast the machine writes.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor } from '@core/api';
import { attachmentFile } from '@core/ledger/attachments';
import { screenshot, startApp, type E2eApp } from './support/app';
import type { LedgerSeed } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { BackupPage } from './pages/backup-page';

const BIG = 200 * 1024 * 1024;

describe('long jobs', () => {
  let dir: string;
  let hold: string;
  let app: E2eApp;
  const before = process.env.FAZHI_DRIVES_DIR;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-jobs-'));
    const drives = path.join(dir, 'drives');
    fs.mkdirSync(path.join(drives, 'U盘'), { recursive: true });
    const ledger = path.join(dir, 'ledger', '台账.db');
    fs.mkdirSync(path.dirname(ledger));
    hold = path.join(dir, 'ledger', 'hold-job');
    const seed: LedgerSeed = {
      settings: { town: '双土镇', villages: ['石桥村'] },
      records: [{ kind: 'meeting', data: { meetingType: '党委会议', date: '2024-01-10', title: '第1次党委会议', attendees: 9 } }],
      // One 200 MB video, stored as the app stores attachments (random, so it does not compress).
      async after(ctx, [recordId]) {
        const buf = randomBytes(BIG);
        const sha = createHash('sha256').update(buf).digest('hex');
        const f = attachmentFile(attachmentsDirFor(ledger), sha);
        await fs.promises.mkdir(path.dirname(f), { recursive: true });
        await fs.promises.writeFile(f, buf);
        ctx.db
          .prepare('INSERT INTO attachments (id, record_id, name, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(randomUUID(), recordId, '会议录像.mp4', sha, BIG, new Date().toISOString());
      },
    };
    process.env.FAZHI_DRIVES_DIR = drives;
    app = await startApp({ dbFile: ledger, seed, workerEntry: path.join(__dirname, 'support/held-worker.cjs') });
  });
  afterAll(async () => {
    await app?.close();
    if (before === undefined) delete process.env.FAZHI_DRIVES_DIR;
    else process.env.FAZHI_DRIVES_DIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('立即备份 shows 正在备份… in the corner while the worker writes, and the note goes when it is done', async () => {
    const page = new BackupPage(app.page);
    await new AppShell(app.page).open('备份与恢复');
    await page.waitOpen();
    // Every wording the note takes while the backup runs (it is polled, so not every percent shows).
    await app.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { jobTexts: string[] }).jobTexts = seen;
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid="job-progress"]')?.textContent;
        if (t && seen.at(-1) !== t) seen.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    fs.writeFileSync(hold, '');
    await page.backUp();
    const note = app.page.getByTestId('job-progress');
    // Held after its first share written: the note shows it.
    await note.getByText(/^正在备份（\d{1,3}%）…$/).waitFor({ timeout: 120_000 });
    await screenshot(app.page, 'jobs-01-backup-running');
    // The server (the harness's main thread) still answers other calls meanwhile.
    const years = await app.page.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="harness-token"]')!.content;
      const r = await fetch('/api/ledger.years', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-harness-token': token },
        body: '{}',
      });
      return (await r.json()) as { ok: boolean };
    });
    expect(years.ok).toBe(true);
    expect(await note.isVisible()).toBe(true);
    fs.rmSync(hold);
    await page.result.waitFor({ timeout: 540_000 });
    expect(await page.result.innerText()).toContain('备份完成，校验通过');
    await note.waitFor({ state: 'detached', timeout: 60_000 });
    // How far it got: the share written (正在备份（37%）…) or the read-back (正在备份：校验中…).
    const texts = await app.page.evaluate(() => (window as unknown as { jobTexts: string[] }).jobTexts);
    expect(
      texts.some((t) => /^正在备份（\d{1,3}%）…$|^正在备份：校验中…$/.test(t)),
      texts.join(' | '),
    ).toBe(true);
    expect(app.pageErrors).toEqual([]);
  }, 900_000);
});
