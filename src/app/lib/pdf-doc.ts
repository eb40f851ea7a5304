/**
 * pdf.js for the preview, loaded on first use (it is large): the legacy build, which supports the
 * Chromium of Electron 45, with its worker served from our own origin (the CSP allows nothing
 * else). No eval, no wasm, no font or CMap fetching: the report PDF embeds all its fonts.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export type { PDFDocumentProxy, PDFPageProxy };

let lib: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;

function pdfjs() {
  lib ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return lib;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const m = await pdfjs();
  // pdf.js takes ownership of the buffer it is given; keep the caller's copy usable.
  return m.getDocument({ data: bytes.slice(), useWasm: false, useSystemFonts: false, verbosity: m.VerbosityLevel.ERRORS }).promise;
}

/** Draws a page at `scale` CSS px per PDF point, sharp on high-DPI screens; `cancel` stops an unfinished draw. */
export function drawPage(page: PDFPageProxy, canvas: HTMLCanvasElement, scale: number): { done: Promise<void>; cancel(): void } {
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  const task = page.render({ canvas, viewport });
  return { done: task.promise, cancel: () => task.cancel() };
}
