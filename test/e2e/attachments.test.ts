/**
 * 附件 (佐证材料) in the real UI (built renderer + loopback harness + Chromium):
 * - in the new-record form the clerk picks an image and a PDF, sees their thumbnails (pixels drawn),
 *   tags them with checklist items, saves, and the record is stored with both files tagged; when a
 *   file then fails, the record stays saved and the form (now 编辑) says which file failed;
 *   reopening shows them, and the viewer shows the image and the PDF's pages;
 * - on a saved record files dropped on the section are stored at once; download gives the same
 *   bytes; delete asks first; a failure is explained in Chinese;
 * - the table marks records whose checklist is incomplete, and the 首页's 待补登记 links to them;
 * - a stored file changed on disk is reported in the viewer and on download, never shown as if fine.
 * The core's list is checked after each step. Screens: test-output/screens/attachments-*.png.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor } from '@core/api';
import { attachmentFile, type Attachment } from '@core/ledger/attachments';
import type { Locator } from 'playwright-core';
import { screenshot, startApp, type E2eApp } from './support/app';
import { api } from '../support/call';
import { samplePdf, samplePng } from './support/sample-files';
import { AppShell } from './pages/app-shell';
import { AttachmentsSection } from './pages/attachments-section';
import { KindPage } from './pages/kind-page';
import { HomePage } from './pages/home-page';

const Y = new Date().getFullYear();
const TITLE = '三月党委会议（学法专题）';
const NEW_TITLE = '四月党委会议';
// The photo carries every byte value in a chunk decoders skip, so a lossy base64 or text round trip would show.
const PHOTO = {
  name: '现场照片.png',
  mimeType: 'image/png',
  buffer: samplePng(160, 120, Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256))),
};
const SIGN_IN = { name: '签到表（四月）.png', mimeType: 'image/png', buffer: samplePng(90, 140) };
const MINUTES = { name: '会议记录.pdf', mimeType: 'application/pdf', buffer: samplePdf(2) };
const SCAN = { name: '纪要扫描件.pdf', mimeType: 'application/pdf', buffer: samplePdf(1) };

/** True once the canvas or image in `thumb` has drawn coloured (not white, not blank) pixels. */
const drawn = (thumb: Locator) =>
  thumb.evaluate((el) => {
    const img = el.querySelector('img');
    if (img) return img.complete && img.naturalWidth > 0;
    const c = el.querySelector('canvas');
    if (!c || !c.width) return false;
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && px[i] > 200 && px[i + 1] < 80) return true; // the red bar
    return false;
  });

describe('attachments', () => {
  let app: E2eApp;
  let shell: AppShell;
  let meetings: KindPage;
  let section: AttachmentsSection;
  let recordId: string;
  const core = <T>(name: string, input: unknown) => api<T>(app.harness.ctx, name, input);

  beforeAll(async () => {
    app = await startApp({
      seed: {
        settings: { town: '双土镇', partyOrg: '中共双土镇委员会', govOrg: '双土镇人民政府' },
        records: [{ kind: 'meeting', data: { meetingType: '党委会议', date: `${Y}-03-12`, title: TITLE, host: '李明', attendees: 9 } }],
      },
    });
    [recordId] = app.seededIds;
    shell = new AppShell(app.page);
    meetings = new KindPage(app.page);
    section = new AttachmentsSection(app.page);
    await shell.openKind('会议');
    await meetings.waitTotal(1, Y);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('attaches files in the new-record form, shows thumbnails, and saves them tagged with the record', async () => {
    const form = await meetings.add();
    await form.choose('会议类型', '党委会议');
    await form.fillDate('会议日期', `${Y}-04-06`);
    await form.fill('会议名称', NEW_TITLE);
    await section.add([SIGN_IN, MINUTES]);
    await expect.poll(() => section.names()).toEqual([SIGN_IN.name, MINUTES.name]);
    expect(await section.row(MINUTES.name).getByTestId('pending-state').innerText()).toContain('待保存');
    await expect.poll(() => drawn(section.thumb(SIGN_IN.name))).toBe(true);
    await expect.poll(() => drawn(section.thumb(MINUTES.name))).toBe(true);
    // The name suggests the item; the clerk tags the other by hand.
    expect(await section.item(SIGN_IN.name)).toBe('签到表');
    expect(await section.item(MINUTES.name)).toBe('');
    expect(await section.checklist()).toEqual(['缺 会议纪要', '✓ 签到表']);
    await section.tag(MINUTES.name, '会议纪要');
    await expect.poll(() => section.checklist()).toEqual(['✓ 会议纪要', '✓ 签到表']);
    await section.reveal();
    await screenshot(app.page, 'attachments-new-record');
    expect(await core<Attachment[]>('attachments.list', { recordId })).toEqual([]);
    // Nothing stored before 保存: the new record has no id yet, so no file of the ledger at all.
    expect(app.harness.ctx.db.prepare('SELECT COUNT(*) AS n FROM attachments').get()).toEqual({ n: 0 });

    await form.submit();
    await form.waitClosed();
    await meetings.waitTotal(2, Y);
    const [created] = (
      await core<{ rows: { id: string; data: { title: string } }[] }>('records.list', { kind: 'meeting', year: Y })
    ).rows.filter((r) => r.data.title === NEW_TITLE);
    const stored = await core<Attachment[]>('attachments.list', { recordId: created.id });
    expect(stored.map((a) => [a.name, a.size, a.item])).toEqual([
      [SIGN_IN.name, SIGN_IN.buffer.length, '签到表'],
      [MINUTES.name, MINUTES.buffer.length, '会议纪要'],
    ]);
    await expect.poll(() => meetings.row(NEW_TITLE).getByTestId('attachment-mark').innerText()).toBe('2');
    expect(await meetings.row(NEW_TITLE).getByTestId('evidence-missing').count()).toBe(0);
    // The other meeting has no files: its row says what it lacks.
    expect(await meetings.row(TITLE).getByTestId('evidence-missing').innerText()).toBe('缺2项');
    await screenshot(app.page, 'attachments-table');
  });

  it('keeps a new record when one of its files then fails, and says which', async () => {
    const form = await meetings.add();
    await form.choose('会议类型', '政府常务会议');
    await form.fillDate('会议日期', `${Y}-05-09`);
    await form.fill('会议名称', '五月政府常务会议');
    // A name the core refuses (nothing but spaces) — as a file dragged from an odd source might have.
    await section.drop([PHOTO, { name: '   ', mimeType: 'image/png', buffer: PHOTO.buffer }]);
    await expect.poll(() => section.rows.count()).toBe(2);
    await form.submit();
    await expect.poll(() => form.formError.innerText()).toContain('记录已保存，但有 1 个附件未能保存');
    expect(await form.formError.innerText()).toContain('附件名称不能为空');
    await app.page.getByText('编辑会议').waitFor(); // the form is now the saved record's
    const [rec] = (
      await core<{ rows: { id: string; data: { title: string } }[] }>('records.list', { kind: 'meeting', year: Y })
    ).rows.filter((r) => r.data.title === '五月政府常务会议');
    expect((await core<Attachment[]>('attachments.list', { recordId: rec.id })).map((a) => a.name)).toEqual([PHOTO.name]);
    await expect
      .poll(() => section.rows.filter({ has: app.page.getByTestId('pending-state') }).innerText())
      .toContain('未能保存：附件名称不能为空');
    await section.reveal();
    await screenshot(app.page, 'attachments-failed-after-create');
    await section.rows
      .filter({ has: app.page.getByTestId('pending-state') })
      .getByRole('button', { name: '移除' })
      .click();
    await form.submit();
    await form.waitClosed();
    await core('records.delete', { id: rec.id });
    await core('trash.purge', { id: rec.id }); // out of the way of the 首页 test below
  });

  it('reopens the record with its files tagged, and views the image and the PDF in the app', async () => {
    await meetings.edit(NEW_TITLE);
    await expect.poll(() => section.names()).toEqual([SIGN_IN.name, MINUTES.name]);
    expect(await section.item(SIGN_IN.name)).toBe('签到表');
    expect(await section.item(MINUTES.name)).toBe('会议纪要');
    await expect.poll(() => drawn(section.thumb(MINUTES.name))).toBe(true);
    await section.reveal();
    await screenshot(app.page, 'attachments-reopened');

    let viewer = await section.view(SIGN_IN.name);
    await expect
      .poll(() => viewer.getByTestId('viewer-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(90);
    await screenshot(app.page, 'attachments-viewer-image');
    await app.page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    viewer = await section.view(MINUTES.name);
    expect(await viewer.getByTestId('viewer-pdf').getAttribute('data-pages')).toBe('2');
    await expect.poll(() => viewer.locator('[data-rendered="true"]').count()).toBe(2);
    await screenshot(app.page, 'attachments-viewer-pdf');
    await app.page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await meetings.form.cancel();
  });

  it('stores files dropped on a saved record at once, and a changed tag at once', async () => {
    await meetings.edit(TITLE);
    await expect.poll(() => section.root.innerText()).toContain('还没有附件，本记录应有：会议纪要、签到表');
    await section.drop([PHOTO, SCAN]);
    await expect.poll(() => section.names()).toEqual([PHOTO.name, SCAN.name]);
    await section.progress.waitFor({ state: 'detached' });
    expect(await section.row(PHOTO.name).innerText()).toMatch(new RegExp(`${Y}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
    expect(await section.item(SCAN.name)).toBe('');
    await section.tag(SCAN.name, '会议纪要');
    await expect
      .poll(async () => (await core<Attachment[]>('attachments.list', { recordId })).map((a) => [a.name, a.size, a.item]))
      .toEqual([
        [PHOTO.name, PHOTO.buffer.length, null],
        [SCAN.name, SCAN.buffer.length, '会议纪要'],
      ]);
    await expect.poll(() => section.checklist()).toEqual(['✓ 会议纪要', '缺 签到表']);
  });

  it('downloads a file byte for byte under its name', async () => {
    const download = await section.download(PHOTO.name);
    expect(download.suggestedFilename()).toBe(PHOTO.name);
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(c);
    expect(Buffer.concat(chunks).equals(PHOTO.buffer)).toBe(true);
  });

  it('deletes a file only after confirming in its row', async () => {
    await section.row(PHOTO.name).getByRole('button', { name: '删除', exact: true }).click();
    await section.row(PHOTO.name).getByRole('button', { name: '确认删除' }).waitFor();
    await section.row(PHOTO.name).getByRole('button', { name: '取消', exact: true }).click();
    expect(await section.names()).toEqual([PHOTO.name, SCAN.name]);

    await section.remove(PHOTO.name);
    await expect.poll(() => section.names()).toEqual([SCAN.name]);
    expect((await core<Attachment[]>('attachments.list', { recordId })).map((a) => a.name)).toEqual([SCAN.name]);
  });

  it('explains in Chinese when a file cannot be added', async () => {
    await core('records.delete', { id: recordId }); // e.g. deleted from another window meanwhile
    await section.add([{ name: '补充材料.txt', mimeType: 'text/plain', buffer: Buffer.from('补充') }]);
    await expect.poll(() => section.error.innerText()).toContain('“补充材料.txt”未能添加：该记录在回收站中');
    expect(await section.names()).toEqual([SCAN.name]);
    await section.reveal();
    await screenshot(app.page, 'attachments-error');
    await core('trash.restore', { id: recordId });
    await meetings.form.cancel();
  });

  it('lists the records lacking evidence on the 首页, each opening its form', async () => {
    await shell.open('首页');
    const home = new HomePage(app.page);
    const gaps = home.missing.getByTestId('evidence-gap');
    await expect.poll(() => gaps.allInnerTexts()).toEqual([`${Y}-03-12 会议：${TITLE}缺签到表`]);
    await screenshot(app.page, 'attachments-home');
    await gaps.getByRole('link').click();
    await meetings.form.root.waitFor();
    expect(await meetings.form.field('会议名称').inputValue()).toBe(TITLE);
    await expect.poll(() => section.names()).toEqual([SCAN.name]);
    await meetings.form.cancel();
  });

  it('reports a stored file changed on disk when it is viewed or downloaded', async () => {
    const [scan] = await core<Attachment[]>('attachments.list', { recordId });
    const file = attachmentFile(attachmentsDirFor(app.harness.ctx.file), scan.sha256);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, samplePdf(3));
    await meetings.edit(TITLE);
    await expect.poll(() => section.thumb(SCAN.name).getAttribute('data-state')).toBe('error');
    expect(await section.row(SCAN.name).getByTestId('attachment-broken').innerText()).toContain('与添加时不一致');
    const viewer = await section.view(SCAN.name);
    await expect
      .poll(() => viewer.getByTestId('viewer-error').innerText())
      .toBe(`附件文件“${SCAN.name}”与添加时不一致（文件已被改动或损坏），请从备份恢复或重新添加`);
    await screenshot(app.page, 'attachments-viewer-mismatch');
    await app.page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await section.row(SCAN.name).getByRole('button', { name: '下载', exact: true }).click();
    await expect.poll(() => section.error.innerText()).toContain(`下载“${SCAN.name}”失败：附件文件“${SCAN.name}”与添加时不一致`);
    await meetings.form.cancel();
    expect(app.pageErrors).toEqual([]);
  });
});
