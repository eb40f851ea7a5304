/**
 * One headless Chromium per test worker. The files of a project share their worker processes
 * (vitest.config.mts), so the browser started for the first file serves the next ones; each
 * user gets a browser context of its own (no cookie, storage or cache crosses), and closing it
 * closes that context only. The browser ends with the worker.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, PdfRenderer } from '@core/render/pdf';

let shared: Promise<Browser> | null = null;

/** This worker's Chromium, started on first use; one that crashed or was closed is started again. */
export async function sharedChromium(): Promise<Browser> {
  const running = shared && (await shared.catch(() => null));
  if (running?.isConnected()) return running;
  shared = chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return shared;
}

/** A PdfRenderer in its own context on the worker's Chromium; its close() leaves the browser running. */
export async function sharedPdfRenderer(): Promise<PdfRenderer> {
  return PdfRenderer.on(await sharedChromium());
}
