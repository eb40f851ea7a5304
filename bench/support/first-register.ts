/**
 * The first register PDF after the app starts: a fresh harness on the fixture year (its printing
 * browser warmed at start as the app's is, or not), the clerk's path to 会议 in the built
 * renderer at 1366×768, then the register's PDF asked for from the page and timed until its
 * bytes are there. Needs `npm run build` first.
 */
import type { Browser } from 'playwright-core';
import { startHarness } from '../../electron/harness/server';
import { RENDERER_DIR, requireBuiltRenderer, VIEWPORT } from '../../test/e2e/support/app';
import { AppShell } from '../../test/e2e/pages/app-shell';

const YEAR = 2023;

/** ms from asking for the 会议 register's PDF until its bytes arrive, in a harness started just before. */
export async function firstRegisterPdf(browser: Browser, dbFile: string, warmPrinter: boolean): Promise<number> {
  requireBuiltRenderer();
  const harness = await startHarness({ dbFile, rendererDir: RENDERER_DIR, warmPrinter });
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.addInitScript(`localStorage.setItem('fazhi-ledger.year', '${YEAR}')`);
    await page.goto(harness.url);
    await new AppShell(page).openKind('会议');
    return await page.evaluate(`(async () => {
      const token = document.querySelector('meta[name="harness-token"]').content;
      const t0 = performance.now();
      const res = await fetch('/api/register.pdf', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-harness-token': token },
        body: JSON.stringify({ kind: 'meeting', year: ${YEAR} }),
      });
      const r = await res.json();
      if (!r.ok || !r.value.dataBase64) throw new Error(JSON.stringify(r.error));
      return performance.now() - t0;
    })()`);
  } finally {
    await page.close();
    await harness.close();
  }
}
