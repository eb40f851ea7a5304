/**
 * Report HTML → PDF with headless Chromium (playwright-core), the same print pipeline the app
 * gets from Electron's printToPDF. One browser can be kept warm across many documents.
 * Waits for document.fonts.ready first: printing before fonts load gives fallback metrics
 * (puppeteer/puppeteer#422) and would break the 22 × 28 grid.
 */
import type { Browser, Page } from 'playwright-core';
import { FONT_CHAIN, type ImprintPlacement } from '@rules/layout';
import { IMPRINT_FIT_SCRIPT, type ImprintFit } from './html/imprint';
import { fontStack } from './html/styles';
import { printPages } from './print-pages';
import { keptPool, type KeptPool } from './kept-pool';

/** How a host prints HTML to PDF (Electron's printToPDF, the harness's warm Chromium, or htmlToPdf below). */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;
/** Where the report's pages put the 版记 (IMPRINT_FIT_SCRIPT in the host's browser); null without one. */
export type ImprintMeasurer = (html: string) => Promise<ImprintPlacement | null>;

export interface PdfRendererOptions {
  /** Defaults to $CHROMIUM_PATH, then /usr/bin/chromium. */
  executablePath?: string;
  /** Extra environment for Chromium, e.g. FONTCONFIG_FILE; process.env is always passed. */
  env?: Record<string, string>;
  /** How many pages print at once; defaults to printPages(). */
  pages?: number;
  /** Called on each job's page once its document is laid out, before it prints (tests hold a job there). */
  onLaidOut?: (page: Page) => Promise<void>;
}

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's. Tests and the harness use the same. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless flags for Debian's Chromium on a closed network (background services off, or it retries forever). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Reports whose 版记 fit is kept: a year's report and a few drafts of it. */
const KEPT_FITS = 4;

export class PdfRenderer {
  /**
   * A small pool of pages, each in a context of its own (its own renderer process, so two jobs print
   * on two cores). A page is reused: opening one costs ~150 ms and loading its faces ~1 s; a job
   * replaces the whole document with setContent, so one page serves one job at a time. A page
   * whose job failed (crash, timeout) is closed, and the next document gets a fresh one.
   */
  private readonly pool: KeptPool<Page>;
  /**
   * The 版记 fits of the last few documents that have one (reports; registers have none, so they
   * never push a report out): the DOCX after the PDF of the same report (档案袋) needs no second
   * layout, even when registers were laid out in between.
   */
  private readonly fits = new Map<string, ImprintFit>();

  private constructor(
    private readonly browser: Browser,
    /** Launched for this renderer (closed with it), or lent by the caller (only our contexts are closed). */
    private readonly owned: boolean,
    private readonly opts: Pick<PdfRendererOptions, 'pages' | 'onLaidOut'>,
  ) {
    this.pool = keptPool({
      create: () => browser.newContext({ offline: true }).then((c) => c.newPage()),
      usable: (page) => !page.isClosed(),
      dispose: (page) => page.context().close(),
      size: opts.pages ?? printPages(),
    });
  }

  static async launch(opts: PdfRendererOptions = {}): Promise<PdfRenderer> {
    // Loaded here, not at the top: playwright-core costs about 0.3 s to load, and every CLI command
    // loads this module whether it prints or not.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: opts.executablePath ?? chromiumPath(),
      args: CHROMIUM_ARGS,
      env: { ...(process.env as Record<string, string>), ...opts.env },
    });
    return new PdfRenderer(browser, true, opts);
  }

  /** A renderer in contexts of its own on a browser already running; close() leaves the browser open. */
  static on(browser: Browser, opts: Pick<PdfRendererOptions, 'pages' | 'onLaidOut'> = {}): PdfRenderer {
    return new PdfRenderer(browser, false, opts);
  }

  /** How many pages print at once. */
  get pages(): number {
    return this.pool.size;
  }

  render(html: string): Promise<Buffer> {
    return this.enqueue(html, (page) => page.pdf({ preferCSSPageSize: true, printBackground: true }));
  }

  /**
   * Prints a line in each of the documents' font roles on every page of the pool and throws the
   * PDFs away: the pages, the faces and the print pipeline are then warm, so the clerk's first PDF
   * (whichever page takes it) does not pay for them.
   */
  async warm(): Promise<void> {
    const lines = Object.keys(FONT_CHAIN).map(
      (role) => `<p style='font-family: ${fontStack(role as keyof typeof FONT_CHAIN)}'>法治政府建设 2023</p>`,
    );
    const html = `<!doctype html><meta charset="utf-8"><style>@page { size: A4 }</style>${lines.join('')}`;
    await Promise.all(Array.from({ length: this.pages }, () => this.render(html)));
  }

  /** Where the 版记 lands in this report's pages (null without one), without printing: the DOCX follows it. */
  imprintFit(html: string): Promise<ImprintFit | null> {
    const known = this.fits.get(html);
    if (known) return Promise.resolve(known);
    return this.enqueue(html, async (_page, fit) => fit);
  }

  private enqueue<T>(html: string, then: (page: Page, fit: ImprintFit | null) => Promise<T>): Promise<T> {
    return this.pool.run(async (page) => {
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // One round trip: the fonts, then the 版记 placed in the laid-out pages (null without one).
        const fit = await page.evaluate<ImprintFit | null>(`document.fonts.ready.then(() => ${IMPRINT_FIT_SCRIPT})`);
        if (fit) this.remember(html, fit);
        await this.opts.onLaidOut?.(page);
        return await then(page, fit);
      } catch (err) {
        // The pool closes the page; the other pages and their jobs go on.
        this.fits.delete(html);
        throw err;
      }
    });
  }

  private remember(html: string, fit: ImprintFit): void {
    this.fits.delete(html);
    this.fits.set(html, fit);
    if (this.fits.size > KEPT_FITS) this.fits.delete(this.fits.keys().next().value!);
  }

  async close(): Promise<void> {
    if (this.owned) return this.browser.close();
    await this.pool.close();
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
