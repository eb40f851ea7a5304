/**
 * 附件 in the real UI (built renderer + loopback harness + Chromium): a new record is told to
 * save first; on a saved 会议 the clerk adds two files, sees them listed, downloads one and gets
 * the same bytes, and deletes one after confirming. The core's list is checked after each step.
 * Screens: test-output/screens/attachments-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import type { Attachment } from '@core/ledger/attachments';
import { screenshot, startApp, type E2eApp } from './support/app';
import { AppShell } from './pages/app-shell';
import { AttachmentsSection } from './pages/attachments-section';
import { KindPage } from './pages/kind-page';

const Y = new Date().getFullYear();
const TITLE = '三月党委会议（学法专题）';
// Every byte value, so a lossy base64 or text round trip would show.
const SIGN_IN = { name: '签到表（三月党委会议）.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256))]) };
const PHOTO = { name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') };

describe('attachments', () => {
  let app: E2eApp;
  let shell: AppShell;
  let meetings: KindPage;
  let section: AttachmentsSection;
  let recordId: string;
  const core = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await callApi(app.harness.ctx, name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };

  beforeAll(async () => {
    app = await startApp();
    await core('settings.save', { settings: { town: '双土镇', partyOrg: '中共双土镇委员会', govOrg: '双土镇人民政府' } });
    const rec = await core<{ id: string }>('records.create', {
      kind: 'meeting',
      data: { meetingType: '党委会议', date: `${Y}-03-12`, title: TITLE, host: '李明', attendees: 9 },
    });
    recordId = rec.id;
    await app.page.reload();
    shell = new AppShell(app.page);
    meetings = new KindPage(app.page);
    section = new AttachmentsSection(app.page);
    await shell.openKind('会议');
    await meetings.waitTotal(1, Y);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a new record asks to be saved first', async () => {
    const form = await meetings.add();
    await expect.poll(() => section.root.innerText()).toContain('保存后可添加附件');
    expect(await section.root.getByRole('button', { name: '添加附件' }).count()).toBe(0);
    await section.reveal();
    await screenshot(app.page, 'attachments-new-record');
    await form.cancel();
  });

  it('adds two files to a saved record and lists them with size and date', async () => {
    await meetings.edit(TITLE);
    await expect.poll(() => section.root.innerText()).toContain('还没有附件');
    await section.add([SIGN_IN, PHOTO]);
    await expect.poll(() => section.names()).toEqual([SIGN_IN.name, PHOTO.name]);
    await section.progress.waitFor({ state: 'detached' });
    expect(await section.row(SIGN_IN.name).innerText()).toContain('4.0 KB');
    expect(await section.row(PHOTO.name).innerText()).toContain('16 B');
    expect(await section.row(PHOTO.name).innerText()).toMatch(new RegExp(`${Y}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
    const stored = await core<Attachment[]>('attachments.list', { recordId });
    expect(stored.map((a) => [a.name, a.size])).toEqual([
      [SIGN_IN.name, SIGN_IN.buffer.length],
      [PHOTO.name, PHOTO.buffer.length],
    ]);
    await section.reveal();
    await screenshot(app.page, 'attachments-list');
  });

  it('downloads a file byte for byte under its name', async () => {
    const download = await section.download(SIGN_IN.name);
    expect(download.suggestedFilename()).toBe(SIGN_IN.name);
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(c);
    expect(Buffer.concat(chunks).equals(SIGN_IN.buffer)).toBe(true);
  });

  it('deletes a file only after confirming in its row', async () => {
    await section.row(PHOTO.name).getByRole('button', { name: '删除', exact: true }).click();
    await section.row(PHOTO.name).getByRole('button', { name: '确认删除' }).waitFor();
    await screenshot(app.page, 'attachments-confirm-delete');
    await section.row(PHOTO.name).getByRole('button', { name: '取消', exact: true }).click();
    expect(await section.names()).toEqual([SIGN_IN.name, PHOTO.name]);

    await section.remove(PHOTO.name);
    await expect.poll(() => section.names()).toEqual([SIGN_IN.name]);
    expect((await core<Attachment[]>('attachments.list', { recordId })).map((a) => a.name)).toEqual([SIGN_IN.name]);
  });

  it('explains in Chinese when a file cannot be added', async () => {
    await core('records.delete', { id: recordId }); // e.g. deleted from another window meanwhile
    await section.add([{ name: '补充材料.txt', mimeType: 'text/plain', buffer: Buffer.from('补充') }]);
    await expect.poll(() => section.error.innerText()).toContain('“补充材料.txt”未能添加：该记录在回收站中');
    expect(await section.names()).toEqual([SIGN_IN.name]);
    await section.reveal();
    await screenshot(app.page, 'attachments-error');
    await core('trash.restore', { id: recordId });
  });

  it('keeps the attachments when the form is cancelled, marks the row, and shows them again', async () => {
    await meetings.form.cancel();
    await expect.poll(() => meetings.row(TITLE).getByTestId('attachment-mark').innerText()).toBe('1');
    await screenshot(app.page, 'attachments-table');
    await meetings.edit(TITLE);
    await expect.poll(() => section.names()).toEqual([SIGN_IN.name]);
    await section.reveal();
    await screenshot(app.page, 'attachments-reopened');
    await meetings.form.cancel();
    expect(app.pageErrors).toEqual([]);
  });
});
