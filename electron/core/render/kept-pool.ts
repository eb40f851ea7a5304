/**
 * A few costly things to print in (the harness's Chromium pages, Electron's hidden windows), kept
 * for the next document: a new one is a new renderer process that starts and loads its faces
 * again. At most `size` exist, each serving one document at a time; the rest wait their turn, first
 * come first served (the 档案袋 queues a dozen documents together). One whose document failed, or
 * that is no longer `usable` (closed, crashed), is disposed of and never used again. With `idleMs`,
 * the kept ones are disposed of after that long without a document (each holds a renderer
 * process's memory). close() disposes of the kept ones at once and of those still in use when
 * their document is done; a document after close() starts keeping again.
 */

export interface KeptPoolOptions<T> {
  create(): T | Promise<T>;
  /** False for one that can no longer serve (closed, crashed): it is disposed of instead of used. */
  usable(item: T): boolean;
  dispose(item: T): void | Promise<void>;
  size: number;
  /** Dispose of the kept ones after this long without a document (default: keep them). */
  idleMs?: number;
}

export interface KeptPool<T> {
  readonly size: number;
  /** Runs `use` on an item that serves this document only while it runs. */
  run<R>(use: (item: T) => Promise<R>): Promise<R>;
  /** Disposes of the kept items now, and of those in use once their document is done. */
  close(): Promise<void>;
}

export function keptPool<T>(opts: KeptPoolOptions<T>): KeptPool<T> {
  const size = Math.max(1, Math.floor(opts.size));
  const kept: T[] = [];
  /** Documents waiting for one of the `size` places, in order. */
  const waiting: (() => void)[] = [];
  let inUse = 0;
  let closing = false;
  let timer: NodeJS.Timeout | undefined;

  const dispose = (item: T) => Promise.resolve(opts.dispose(item)).catch(() => undefined);
  const disposeKept = () => Promise.all(kept.splice(0).map(dispose)).then(() => undefined);
  const place = (): Promise<void> => {
    if (inUse < size) {
      inUse++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  // The place passes straight to the next in line, so `inUse` only drops when nobody waits.
  const leave = () => {
    const next = waiting.shift();
    if (next) next();
    else inUse--;
  };
  const take = async (): Promise<T> => {
    for (let item = kept.pop(); item !== undefined; item = kept.pop()) {
      if (opts.usable(item)) return item;
      await dispose(item);
    }
    return opts.create();
  };
  const keep = (item: T) => {
    kept.push(item);
    if (opts.idleMs === undefined) return;
    clearTimeout(timer);
    timer = setTimeout(() => void disposeKept(), opts.idleMs);
    timer.unref();
  };

  return {
    size,
    async run(use) {
      await place();
      // A document after close() means the app goes on (the self-test, a test): kept again.
      closing = false;
      clearTimeout(timer);
      let item: T | undefined;
      let reusable = false;
      try {
        item = await take();
        const out = await use(item);
        reusable = true;
        return out;
      } finally {
        if (item !== undefined) {
          if (reusable && !closing && opts.usable(item)) keep(item);
          else await dispose(item);
        }
        leave();
      }
    },
    close() {
      closing = true;
      clearTimeout(timer);
      return disposeKept();
    },
  };
}
