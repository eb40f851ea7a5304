/**
 * The hidden windows the report and the core's PDFs (登记簿, 档案袋) are printed in, kept for the
 * next document as the harness keeps its PdfRenderer's pages: a new window is a new renderer
 * process that starts and loads its faces again. At most `size` windows (printPages()), one
 * document each at a time: the 档案袋 queues a dozen together and the rest wait their turn. A
 * window whose document failed (load error, script error, crash) is destroyed, never reused. The
 * kept ones are destroyed once idle for `idleMs` (each holds a renderer process's memory) and by
 * close(), which the shell calls when the app window closes: a hidden window left open would keep
 * the app from quitting.
 */
import type { BrowserWindow } from 'electron';
import pLimit from 'p-limit';

/** A kept window is destroyed after this long without a document. */
const IDLE_MS = 5 * 60_000;

export interface PrintWindows {
  /** Runs `use` on a window that serves this document only while it runs. */
  run<T>(use: (win: BrowserWindow) => Promise<T>): Promise<T>;
  /** Destroys the kept windows; a window still printing is destroyed when its document is done. */
  close(): void;
}

export function printWindowPool(create: () => BrowserWindow, opts: { size: number; idleMs?: number }): PrintWindows {
  const limit = pLimit(Math.max(1, Math.floor(opts.size)));
  const idleMs = opts.idleMs ?? IDLE_MS;
  const kept: BrowserWindow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closing = false;

  const destroyKept = () => {
    for (const w of kept.splice(0)) if (!w.isDestroyed()) w.destroy();
  };
  const take = (): BrowserWindow => {
    for (let w = kept.pop(); w; w = kept.pop()) {
      if (!w.isDestroyed() && !w.webContents.isCrashed()) return w;
      if (!w.isDestroyed()) w.destroy();
    }
    return create();
  };

  return {
    run: (use) =>
      limit(async () => {
        // A document after close() means the app goes on (the self-test, a test): windows are kept again.
        closing = false;
        clearTimeout(timer);
        const win = take();
        let reusable = false;
        try {
          const out = await use(win);
          reusable = true;
          return out;
        } finally {
          if (reusable && !closing && !win.isDestroyed() && !win.webContents.isCrashed()) {
            kept.push(win);
            clearTimeout(timer);
            timer = setTimeout(destroyKept, idleMs);
            timer.unref();
          } else if (!win.isDestroyed()) win.destroy();
        }
      }),
    close() {
      closing = true;
      clearTimeout(timer);
      destroyKept();
    },
  };
}
