/**
 * 关于与诊断 in the real UI on the 双土镇 ledger, kept in a folder with a long path: reached from the
 * left menu, it shows versions, the ledger's path (wrapped, never clipped), size, schema version and
 * integrity check, the four report faces, printers (the browser cannot list them), drives and the
 * log file; 复制诊断信息 puts all of it on the clipboard as text, with no record's content in it.
 * Screens: test-output/screens/about-*.png at 1366×768 and 1920×1080.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@core/db/migrations';
import { screenshot, startApp, type E2eApp } from './support/app';
import { SHUANGTU_2023 } from '../support/seed';

const FIXTURE_TEXTS = (() => {
  const f = JSON.parse(fs.readFileSync(SHUANGTU_2023, 'utf8')) as { records: { data: { title?: string; host?: string } }[] };
  return f.records.flatMap((r) => [r.data.title, r.data.host]).filter((s): s is string => !!s && s.length >= 2);
})();

describe('关于与诊断', () => {
  let app: E2eApp;
  let dir: string;
  let dbFile: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-about-'));
    const folder = path.join(
      dir,
      '党政办公室',
      '法治政府建设台账资料（2023年度）',
      'shared-folder-with-a-very-long-name-and-no-spaces-0123456789',
    );
    fs.mkdirSync(folder, { recursive: true });
    dbFile = path.join(folder, 'ledger.db');
    app = await startApp({ dbFile, seed: { fixture: SHUANGTU_2023 } });
    await app.page.getByRole('link', { name: '首页' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the ledger, versions, fonts and devices, and nothing is clipped', async () => {
    const { page } = app;
    await page.getByRole('link', { name: '关于与诊断' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/about');
    const about = page.getByTestId('about-page');
    await about.getByText('通过（ok）').waitFor();
    const text = await about.innerText();
    expect(text).toContain(dbFile);
    expect(text).toContain('数据结构版本');
    expect(text).toContain(String(SCHEMA_VERSION));
    expect(text).toContain('浏览器调试环境');
    expect(text).toContain('浏览器中无法列出');
    for (const face of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(text).toContain(face);
    expect(text).toMatch(/better-sqlite3\s+\d+\.\d+\.\d+/);
    expect(text).toMatch(/SQLite\s+3\.\d+/);
    expect(text).toContain('从未备份');

    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await screenshot(page, `about-${size.width}`);
      // The long path wraps inside its card: no value overflows, the page never scrolls sideways.
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        values: [...document.querySelectorAll('.diag-value')].filter((e) => e.scrollWidth > e.clientWidth + 1).length,
        cards: [...document.querySelectorAll('[data-testid="diag-group"]')].filter((e) => e.scrollWidth > e.clientWidth + 1).length,
      }));
      expect(overflow).toEqual({ page: 0, values: 0, cards: 0 });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(app.pageErrors).toEqual([]);
  });

  it('复制诊断信息 copies everything as plain text, without any record content', async () => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.harness.url).origin });
    await page.evaluate(() => navigator.clipboard.writeText('剪贴板原有内容'));
    await page.getByTestId('copy-diagnostics').click();
    await page.getByText('已复制诊断信息').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^法治台账 诊断信息（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    for (const group of ['【软件版本】', '【台账文件】', '【报告字体】', '【设备】', '【日志】']) expect(copied).toContain(group);
    expect(copied).toContain(`位置：${dbFile}`);
    expect(copied).toContain('完整性检查：通过（ok）');
    expect(copied).toContain('打印机：浏览器中无法列出');
    expect(copied).toMatch(/仿宋_GB2312（正文）：(已安装|未安装，以.+代替)/);
    expect(FIXTURE_TEXTS.length).toBeGreaterThan(100);
    for (const t of FIXTURE_TEXTS) expect(copied).not.toContain(t);
    expect(app.pageErrors).toEqual([]);
  });
});
