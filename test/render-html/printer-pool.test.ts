/**
 * The printer's pool of pages: two jobs print at once on two pages (each in a context of its own),
 * a job whose page fails does not take the other down, and the next job gets a fresh page. Jobs
 * are held at the hook between layout and print, so overlap is observed, not timed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PdfRenderer } from '@core/render/pdf';
import { renderReportHtml } from '@core/render/html';
import { sharedChromium } from '../support/chromium';
import { lengthenedDocument } from '../support/sample-document';

const doc = (text: string) =>
  `<!doctype html><meta charset="utf-8"><style>@page { size: A4 }</style><p style="font-family: serif">${text}</p>`;

/** Resolves once `parties` callers are waiting; each gets the pages seen so far. */
function barrier(parties: number) {
  const seen: Page[] = [];
  let open!: () => void;
  const all = new Promise<void>((r) => (open = r));
  return {
    seen,
    async arrive(page: Page) {
      seen.push(page);
      if (seen.length === parties) open();
      await all;
    },
  };
}

let renderer: PdfRenderer | null = null;
afterEach(async () => {
  await renderer?.close();
  renderer = null;
});

describe('PdfRenderer pool', () => {
  it('prints two documents at once on two pages in separate contexts', async () => {
    const b = barrier(2);
    renderer = PdfRenderer.on(await sharedChromium(), { pages: 2, onLaidOut: (page) => b.arrive(page) });
    // Each job waits at the hook until the other has laid out too: with one page at a time this never resolves.
    const [one, two] = await Promise.all([renderer.render(doc('第一份')), renderer.render(doc('第二份'))]);
    expect(one.subarray(0, 5).toString()).toBe('%PDF-');
    expect(two.subarray(0, 5).toString()).toBe('%PDF-');
    const [p1, p2] = b.seen;
    expect(p1).not.toBe(p2);
    expect(p1.context()).not.toBe(p2.context());
  });

  it("keeps a report's 版记 fit while other documents print: the DOCX after the 档案袋's PDFs needs no second layout", async () => {
    let layouts = 0;
    renderer = PdfRenderer.on(await sharedChromium(), { pages: 2, onLaidOut: async () => void layouts++ });
    const report = renderReportHtml(lengthenedDocument(0, true));
    // The report and the registers queued at once, as the 档案袋 does.
    await Promise.all([renderer.render(report), ...['会议', '普法', '纠纷'].map((t) => renderer!.render(doc(t)))]);
    expect(layouts).toBe(4);
    expect(await renderer.imprintFit(report)).toMatchObject({ placement: expect.stringMatching(/^(shared|alone)$/) });
    expect(layouts).toBe(4);
    // A document never printed is laid out.
    await renderer.imprintFit(renderReportHtml(lengthenedDocument(1, true)));
    expect(layouts).toBe(5);
  });

  it('reuses its pages: a third job waits for a free one instead of opening another', async () => {
    const pages = new Set<Page>();
    renderer = PdfRenderer.on(await sharedChromium(), { pages: 2, onLaidOut: async (page) => void pages.add(page) });
    await Promise.all(['一', '二', '三', '四'].map((t) => renderer!.render(doc(t))));
    expect(pages.size).toBe(2);
  });

  it('a job whose page fails rejects alone; the other prints, and the next job gets a fresh page', async () => {
    const b = barrier(2);
    let first: Page | null = null;
    renderer = PdfRenderer.on(await sharedChromium(), {
      pages: 2,
      onLaidOut: async (page) => {
        // Told by its document, not by which job laid out first (on a busy machine either may).
        const bad = (await page.textContent('body'))?.includes('坏的') ?? false;
        if (bad) first = page;
        await b.arrive(page);
        // The 坏的 job's page goes away under it, as when a renderer process crashes.
        if (bad) await page.close();
      },
    });
    const [failed, printed] = await Promise.allSettled([renderer.render(doc('坏的')), renderer.render(doc('好的'))]);
    expect(failed.status).toBe('rejected');
    expect(printed.status).toBe('fulfilled');
    if (printed.status === 'fulfilled') expect(printed.value.subarray(0, 5).toString()).toBe('%PDF-');
    const later = await Promise.all([renderer.render(doc('之后一')), renderer.render(doc('之后二'))]);
    for (const pdf of later) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(b.seen.slice(2)).not.toContain(first);
  });

  it('warms every page it will print on, and closes every page it opened', async () => {
    const pages = new Set<Page>();
    renderer = PdfRenderer.on(await sharedChromium(), { pages: 2, onLaidOut: async (page) => void pages.add(page) });
    await renderer.warm();
    expect(pages.size).toBe(2);
    // A document after warm-up lands on one of the warmed pages.
    await renderer.render(doc('之后'));
    expect(pages.size).toBe(2);
    await renderer.close();
    renderer = null;
    for (const page of pages) expect(page.isClosed()).toBe(true);
  });
});
