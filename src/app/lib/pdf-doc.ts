/**
 * pdf.js for the preview, loaded on first use (it is large): the legacy build, which supports the
 * Chromium of Electron 45, with its worker served from our own origin (the CSP allows nothing
 * else). No eval, no wasm, no font or CMap fetching: the report PDF embeds all its fonts.
 *
 * A document has one owner, `OwnedPdf`: every page, draw and text read goes through it. pdf.js
 * throws synchronously from a destroyed document (`getPage` reaches for its message handler,
 * which destroy sets to null), and a throw inside a React effect takes the whole window down; so
 * the owner refuses every use after `destroy()` (answering null), and cancels the draws in flight
 * and waits for them before it destroys.
 */
import type { PDFDocumentProxy, PDFPageProxy, PDFWorker, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export type { PDFPageProxy };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let lib: Promise<PdfJs> | null = null;
let worker: PDFWorker | null = null;

function pdfjs(): Promise<PdfJs> {
  lib ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return lib;
}

/**
 * One pdf.js worker for every document: a document given its worker leaves it running when
 * destroyed, so a new preview does not fetch and start the worker script (1 MB) again.
 */
function sharedWorker(m: PdfJs): PDFWorker {
  if (!worker || worker.destroyed) worker = new m.PDFWorker({ verbosity: m.VerbosityLevel.ERRORS });
  return worker;
}

/**
 * Loads pdf.js and starts its worker ahead of the first document (the report screen calls it on
 * opening), so the first preview waits only for its bytes.
 */
export function preloadPdfJs(): void {
  void pdfjs().then(sharedWorker, () => (lib = null));
}

/** A text run of a page, with its transform (pdf.js's TextItem, the fields the preview reads). */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** A draw in progress: `done` says whether it finished (false when cancelled or refused). */
interface PdfDraw {
  done: Promise<boolean>;
  cancel(): void;
}

export class OwnedPdf {
  private destroyed = false;
  private readonly draws = new Set<{ task: RenderTask; settled: Promise<unknown> }>();
  /** Pages handed out by this owner: a page of another (perhaps destroyed) document is never drawn here. */
  private readonly mine = new WeakSet<PDFPageProxy>();

  private constructor(private readonly doc: PDFDocumentProxy) {}

  static async open(bytes: Uint8Array): Promise<OwnedPdf> {
    const m = await pdfjs();
    // pdf.js takes ownership of the buffer it is given; keep the caller's copy usable.
    const task = m.getDocument({
      data: bytes.slice(),
      worker: sharedWorker(m),
      useWasm: false,
      useSystemFonts: false,
      verbosity: m.VerbosityLevel.ERRORS,
    });
    return new OwnedPdf(await task.promise);
  }

  get numPages(): number {
    return this.doc.numPages;
  }

  get alive(): boolean {
    return !this.destroyed;
  }

  /** Page `n`, or null once the document is destroyed (or the page cannot be read). */
  async page(n: number): Promise<PDFPageProxy | null> {
    if (this.destroyed) return null;
    try {
      const p = await this.doc.getPage(n);
      if (this.destroyed) return null;
      this.mine.add(p);
      return p;
    } catch {
      return null;
    }
  }

  /** The text runs of page `n` (empty once destroyed). */
  async text(n: number): Promise<PdfTextItem[]> {
    const p = await this.page(n);
    if (!p || this.destroyed) return [];
    try {
      const t = await p.getTextContent();
      return t.items.filter((x): x is typeof x & PdfTextItem => 'str' in x);
    } catch {
      return [];
    }
  }

  /** Draws `page` at `scale` CSS px per PDF point, sharp on high-DPI screens. */
  draw(page: PDFPageProxy, canvas: HTMLCanvasElement, scale: number): PdfDraw {
    const refused = { done: Promise.resolve(false), cancel() {} };
    if (this.destroyed || !this.mine.has(page)) return refused;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    // Drawn on a canvas of its own, then copied: the shown canvas keeps its picture until the new one is ready.
    const off = document.createElement('canvas');
    off.width = Math.floor(viewport.width);
    off.height = Math.floor(viewport.height);
    let task: RenderTask;
    try {
      task = page.render({ canvas: off, viewport });
    } catch {
      return refused;
    }
    const done = task.promise.then(
      () => {
        if (this.destroyed) return false;
        canvas.width = off.width;
        canvas.height = off.height;
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
        canvas.getContext('2d')?.drawImage(off, 0, 0);
        return true;
      },
      () => false, // cancelled
    );
    const entry = { task, settled: done };
    this.draws.add(entry);
    void done.then(() => this.draws.delete(entry));
    return { done, cancel: () => task.cancel() };
  }

  /** Cancels the draws in flight, waits for them to stop, then lets pdf.js free the document. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    const inFlight = [...this.draws];
    for (const d of inFlight) d.task.cancel();
    await Promise.all(inFlight.map((d) => d.settled));
    await this.doc.loadingTask.destroy().catch(() => undefined);
  }
}
