/**
 * The built renderer in real Chromium through the harness: it renders under the strict CSP
 * with no console error, no CSP violation and no request leaving 127.0.0.1, and a screenshot
 * lands in test-output/shell/ for a person to look at. Needs `npm run build` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/harness/server';
import { CHROMIUM_ARGS, chromiumPath } from '@core/render/pdf';
import { builtFile } from '../support/built';

const repo = path.resolve(__dirname, '../..');
const renderer = path.join(repo, 'out/renderer');
const shots = path.join(repo, 'test-output/shell');

let dir: string;
let h: Harness;
let browser: Browser;

beforeAll(async () => {
  builtFile('out/renderer/index.html');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-ui-'));
  h = await startHarness({ dbFile: path.join(dir, 'ledger.db'), rendererDir: renderer });
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('built UI in Chromium via the harness', () => {
  it('loads under the CSP without errors and calls the API', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    page.setDefaultTimeout(120_000); // a hang guard only: the machine may be busy
    const problems: string[] = [];
    const requests: string[] = [];
    const apiCalls: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on('request', (r) => {
      requests.push(r.url());
      if (r.url().includes('/api/')) apiCalls.push(r.url());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });

    await page.goto(h.url, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, { timeout: 120_000 });
    await page.waitForTimeout(500);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'harness-home.png'), fullPage: false });

    expect(problems).toEqual([]);
    expect(apiCalls.length, 'the page reached the API with its token').toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(await page.evaluate(() => 'api' in window)).toBe(false);
    expect(await page.evaluate(() => document.querySelector('meta[name="harness-token"]') !== null)).toBe(true);
    expect(await page.title()).toBe('法治台账');
    // Inline script is refused by the CSP: the policy is really in force.
    const inlineRan = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __inline?: number }).__inline === 1;
    });
    expect(inlineRan).toBe(false);
    await page.close();
  });
});
