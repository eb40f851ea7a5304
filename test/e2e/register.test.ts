/**
 * 登记簿 from a kind's page in the real UI (built renderer + harness + Chromium) on the 双土镇
 * 2023 ledger: the page's search carried into the register, a column chosen, 导出PDF downloaded
 * and read back with poppler, and 打印 handing the same register to the print frame; the 档案袋, asked
 * for while the year's report is unsaved, asks first and marks the report 未定稿 in its index.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRecords } from '@core/register/model';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHUANGTU_2023 } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';

describe('登记簿', () => {
  let app: E2eApp;
  let dir: string;
  let kind: KindPage;
  /** The 2023 党委会议 titles, as the core lists them. */
  let partyMeetings: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-register-e2e-'));
    app = await startApp({ seed: { fixture: SHUANGTU_2023 } });
    partyMeetings = registerRecords(app.harness.ctx.db, { kind: 'meeting', year: 2023, filters: { meetingType: '党委会议' } }).map((r) =>
      String(r.data.title),
    );
    const shell = new AppShell(app.page);
    await shell.yearSwitcher.waitFor();
    await shell.switchYear(2023);
    await shell.openKind('会议');
    kind = new KindPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports the searched records as an A4 landscape PDF with the chosen column', async () => {
    expect(partyMeetings.length).toBeGreaterThan(5);
    await kind.search('党委会议');
    await kind.waitTotal(partyMeetings.length, 2023);
    await kind.toggleRegisterColumn('议题');
    await screenshot(app.page, 'register-01-columns');
    await app.page.keyboard.press('Escape');
    const download = await kind.downloadRegister();
    expect(download.suggestedFilename()).toBe('双土镇2023年会议台账.pdf');
    const file = path.join(dir, 'register.pdf');
    await download.saveAs(file);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.9\d x 59[45]\.\d+ pts/);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const t of partyMeetings) expect(text.split(t).length - 1, t).toBe(1);
    expect(text).toContain('议题');
    expect(text).toContain(`共${partyMeetings.length}条（筛选：搜索“党委会议”）`);
    expect(text).not.toContain('稳定形势分析会');
    await kind.page.getByText(/^已导出双土镇2023年会议台账/).waitFor();
    await screenshot(app.page, 'register-02-exported');
  });

  it('prints the same register from a script-less frame', async () => {
    const frame = await kind.printRegister();
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    const body = app.page.frameLocator('iframe[data-register-print]').locator('body');
    await expect.poll(() => body.innerText()).toContain('双土镇2023年会议台账');
    const text = (await body.innerText()).replace(/\s+/g, '');
    for (const t of partyMeetings) expect(text).toContain(t);
  });

  it('exports the year’s 档案袋 from the 首页 into a folder', async () => {
    // As if the clerk never saved the 2023 report (the fixture carries a saved one).
    app.harness.ctx.db.prepare('DELETE FROM reports WHERE year = 2023').run();
    const shell = new AppShell(app.page);
    await shell.open('首页');
    await app.page.getByRole('button', { name: '导出年度档案袋' }).click();
    const form = app.page.getByTestId('dossier-form');
    const out = path.join(dir, 'usb');
    fs.mkdirSync(out);
    await form.getByTestId('dossier-folder-input').fill(out);
    await screenshot(app.page, 'register-03-dossier-form');
    await form.getByRole('button', { name: '导出', exact: true }).click();
    // The report was never saved: the clerk is asked first, and nothing is written yet.
    const ask = form.getByTestId('dossier-draft');
    await ask.waitFor();
    expect(await ask.innerText()).toContain('2023年度报告尚未保存过');
    expect(fs.readdirSync(out)).toEqual([]);
    await screenshot(app.page, 'register-04-dossier-draft');
    await form.getByRole('button', { name: '仍然导出（标注未定稿）' }).click();
    const result = app.page.getByTestId('dossier-result');
    await result.waitFor({ timeout: 540_000 });
    expect(await result.innerText()).toContain('档案袋已生成');
    await screenshot(app.page, 'register-05-dossier-done');
    const zip = path.join(out, '双土镇2023年法治台账档案袋.zip');
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toContain('No errors detected');
    expect(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })).toContain('01_会议/双土镇2023年会议台账.pdf');
    const index = path.join(dir, 'index.pdf');
    fs.writeFileSync(index, execFileSync('unzip', ['-p', zip, '档案袋索引.pdf'], { maxBuffer: 1 << 26 }));
    expect(execFileSync('pdftotext', [index, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('年度报告：未定稿');
  });
});
