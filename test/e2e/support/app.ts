/**
 * Starts what an end-to-end test drives: the loopback harness on a fresh temp ledger (filled
 * first with the suite's `seed`, see test/support/seed.ts), serving the built renderer, and a
 * page on it in a browser context of its own. The e2e files share their worker processes
 * (vitest.config.mts), so one headless Chromium is started per worker and every app gets a new
 * context in it: no cookie, storage or cache crosses from one app to the next. Screenshots go
 * to test-output/screens/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { CHROMIUM_ARGS, chromiumPath } from '@core/render/pdf';
import { seedLedger, type LedgerSeed } from '../../support/seed';
import { builtFile } from '../../support/built';
import { sharedChromium, sharedPdfRenderer } from '../../support/chromium';

export const ROOT = path.resolve(__dirname, '../../..');
export const RENDERER_DIR = path.join(ROOT, 'out/renderer');
export const SCREENS_DIR = path.join(ROOT, 'test-output/screens');

export { CHROMIUM_ARGS };

/** The clerk's usual screen: a 1366×768 office laptop (also fine on 1920×1080 at 125%). */
export const VIEWPORT = { width: 1366, height: 768 };

export function requireBuiltRenderer(): void {
  builtFile('out/renderer/index.html');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export interface E2eApp {
  harness: Harness;
  /** The worker's shared Chromium: open pages with `page.context().newPage()`, never close it. */
  browser: Browser;
  page: Page;
  /** Errors the page threw or logged: a test asserts there were none. */
  pageErrors: string[];
  /** The ids of the records the seed created, in its order. */
  seededIds: string[];
  close(): Promise<void>;
}

/**
 * Opens the app on `dbFile` (by default a ledger.db in a temp folder removed on close), after
 * filling it with `seed`: the page's first load already sees the seeded ledger. `workerEntry` replaces
 * the heavy jobs' worker script (./held-worker.cjs catches a job part-way).
 */
export async function startApp(opts: { dbFile?: string; seed?: LedgerSeed; workerEntry?: string } = {}): Promise<E2eApp> {
  requireBuiltRenderer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  const dbFile = opts.dbFile ?? path.join(dir, 'ledger.db');
  let seededIds: string[];
  try {
    seededIds = opts.seed ? await seedLedger(dbFile, opts.seed) : [];
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const harness = await startHarness({
    dbFile,
    rendererDir: RENDERER_DIR,
    startRenderer: sharedPdfRenderer,
    workerEntry: opts.workerEntry,
  });
  const browser = await sharedChromium();
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  // Playwright's 30 s default for waits and clicks is too short on a busy machine; this only catches a hang.
  page.setDefaultTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // The harness serves no favicon; Chromium's request for it is not the app's error.
    if (m.type() === 'error' && !m.text().includes('404')) pageErrors.push(m.text());
  });
  await page.goto(harness.url);
  return {
    harness,
    browser,
    page,
    pageErrors,
    seededIds,
    async close() {
      try {
        await context.close();
      } finally {
        await harness.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Saves test-output/screens/<name>.png once animations have settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
}
