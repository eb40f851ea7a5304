/**
 * Report HTML → PDF with headless Chromium (playwright-core), the same print pipeline the app
 * gets from Electron's printToPDF. One browser can be kept warm across many documents.
 * Waits for document.fonts.ready first: printing before fonts load gives fallback metrics
 * (puppeteer/puppeteer#422) and would break the 22 × 28 grid.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { FONT_CHAIN, type ImprintPlacement } from '@rules/layout';
import { IMPRINT_FIT_SCRIPT, type ImprintFit } from './html/imprint';
import { fontStack } from './html/styles';

/** How a host prints HTML to PDF (Electron's printToPDF, the harness's warm Chromium, or htmlToPdf below). */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;
/** Where the report's pages put the 版记 (IMPRINT_FIT_SCRIPT in the host's browser); null without one. */
export type ImprintMeasurer = (html: string) => Promise<ImprintPlacement | null>;

export interface PdfRendererOptions {
  /** Defaults to $CHROMIUM_PATH, then /usr/bin/chromium. */
  executablePath?: string;
  /** Extra environment for Chromium, e.g. FONTCONFIG_FILE; process.env is always passed. */
  env?: Record<string, string>;
}

/** Headless flags for Debian's Chromium on a closed network (background services off, or it retries forever). */
/** The Chromium to drive: $CHROMIUM_PATH, else Debian's. Tests and the harness use the same. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export class PdfRenderer {
  private page: Promise<Page> | null = null;
  /** Renders run one at a time on one page: opening a page costs ~150 ms, and setContent replaces the whole document. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The last document laid out and its 版记 fit: the DOCX after the PDF of the same report (档案袋) needs no second layout. */
  private last: { html: string; fit: ImprintFit | null } | null = null;

  private constructor(
    private readonly browser: Browser,
    /** Launched for this renderer (closed with it), or lent by the caller (only our context is closed). */
    private readonly owned: boolean,
  ) {}

  static async launch(opts: PdfRendererOptions = {}): Promise<PdfRenderer> {
    const browser = await chromium.launch({
      executablePath: opts.executablePath ?? chromiumPath(),
      args: CHROMIUM_ARGS,
      env: { ...(process.env as Record<string, string>), ...opts.env },
    });
    return new PdfRenderer(browser, true);
  }

  /** A renderer in a context of its own on a browser already running; close() leaves the browser open. */
  static on(browser: Browser): PdfRenderer {
    return new PdfRenderer(browser, false);
  }

  render(html: string): Promise<Buffer> {
    return this.enqueue(html, (page) => page.pdf({ preferCSSPageSize: true, printBackground: true }));
  }

  /**
   * Prints a line in each of the documents' font roles and throws the PDF away: the page, the
   * faces and the print pipeline are then warm, so the clerk's first PDF does not pay for them.
   */
  async warm(): Promise<void> {
    const lines = Object.keys(FONT_CHAIN).map(
      (role) => `<p style='font-family: ${fontStack(role as keyof typeof FONT_CHAIN)}'>法治政府建设 2023</p>`,
    );
    await this.render(`<!doctype html><meta charset="utf-8"><style>@page { size: A4 }</style>${lines.join('')}`);
  }

  /** Where the 版记 lands in this report's pages (null without one), without printing: the DOCX follows it. */
  imprintFit(html: string): Promise<ImprintFit | null> {
    if (this.last?.html === html) return Promise.resolve(this.last.fit);
    return this.enqueue(html, async (_page, fit) => fit);
  }

  private enqueue<T>(html: string, then: (page: Page, fit: ImprintFit | null) => Promise<T>): Promise<T> {
    const job = this.queue.then(() => this.laidOut(html, then));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async laidOut<T>(html: string, then: (page: Page, fit: ImprintFit | null) => Promise<T>): Promise<T> {
    this.page ??= this.browser.newContext({ offline: true }).then((c) => c.newPage());
    try {
      const page = await this.page;
      await page.setContent(html, { waitUntil: 'load' });
      // One round trip: the fonts, then the 版记 placed in the laid-out pages (null without one).
      const fit = await page.evaluate<ImprintFit | null>(`document.fonts.ready.then(() => ${IMPRINT_FIT_SCRIPT})`);
      this.last = { html, fit };
      return await then(page, fit);
    } catch (err) {
      // A failed page (crash, timeout) is not reused: the next document gets a fresh one.
      const page = this.page;
      this.page = null;
      this.last = null;
      await page.then((p) => p.context().close()).catch(() => undefined);
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.owned) return this.browser.close();
    const page = this.page;
    this.page = null;
    await page?.then((p) => p.context().close()).catch(() => undefined);
  }
}

/** Runs fn with a warm renderer and always closes the browser. */
export async function withPdfRenderer<T>(fn: (renderer: PdfRenderer) => Promise<T>, opts?: PdfRendererOptions): Promise<T> {
  const renderer = await PdfRenderer.launch(opts);
  try {
    return await fn(renderer);
  } finally {
    await renderer.close();
  }
}

/** What the DOCX needs of a fit: the placement and the blank pages. */
export const placementOf = (fit: ImprintFit | null): ImprintPlacement | null =>
  fit && { placement: fit.placement, blankPages: fit.blankPages };

/** One-off layout of a report's 版记, in a browser started for it. */
export const measureImprint = (html: string, opts?: PdfRendererOptions): Promise<ImprintPlacement | null> =>
  withPdfRenderer(async (r) => placementOf(await r.imprintFit(html)), opts);

/** One-off conversion; pass a renderer to reuse a running browser. */
export async function htmlToPdf(html: string, opts: PdfRendererOptions & { renderer?: PdfRenderer } = {}): Promise<Buffer> {
  if (opts.renderer) return opts.renderer.render(html);
  return withPdfRenderer((r) => r.render(html), opts);
}
