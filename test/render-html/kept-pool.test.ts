/**
 * The pool the printers keep their pages and windows in (electron/core/render/kept-pool.ts; the
 * harness's PdfRenderer and Electron's hidden print windows), with stand-ins: one serves the next
 * document once its last one is done, never two at once, at most `size` exist; a failed or
 * unusable (crashed) one is disposed of and replaced; the kept ones go after the idle time and on
 * close(), and one still printing at close() goes when its document is done.
 */
import { describe, expect, it } from 'vitest';
import { keptPool } from '@core/render/kept-pool';

class StandIn {
  static made: StandIn[] = [];
  destroyed = false;
  crashed = false;
  busy = false;
  documents = 0;
  constructor() {
    StandIn.made.push(this);
  }
}

const pool = (size: number, idleMs?: number) => {
  StandIn.made = [];
  return keptPool({
    create: () => new StandIn(),
    usable: (w) => !w.destroyed && !w.crashed,
    dispose: (w) => void (w.destroyed = true),
    size,
    idleMs,
  });
};

/** A document printed in `w`: it marks it busy while it runs (two at once would show). */
async function print(w: StandIn, hold?: Promise<void>): Promise<StandIn> {
  expect(w.busy, 'a window serves one document at a time').toBe(false);
  expect(w.destroyed).toBe(false);
  w.busy = true;
  await hold;
  w.documents++;
  w.busy = false;
  return w;
}

describe('kept pages and windows', () => {
  it('print one document after another in the same one', async () => {
    const p = pool(2);
    const first = await p.run((w) => print(w));
    const second = await p.run((w) => print(w));
    expect(second).toBe(first);
    expect(StandIn.made).toHaveLength(1);
    expect(first.documents).toBe(2);
    expect(first.destroyed).toBe(false);
    await p.close();
    expect(first.destroyed).toBe(true);
  });

  it('are at most `size`, each with one document: the rest wait their turn, then reuse them', async () => {
    const p = pool(2);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const jobs = Array.from({ length: 6 }, () => p.run((w) => print(w, held)));
    // Both windows are held inside their first document: the other four cannot have started.
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(StandIn.made).toHaveLength(2);
    expect(StandIn.made.every((w) => w.busy)).toBe(true);
    release();
    await Promise.all(jobs);
    expect(StandIn.made).toHaveLength(2);
    expect(StandIn.made.map((w) => w.documents).reduce((a, b) => a + b)).toBe(6);
    await p.close();
  });

  it('never reuse one whose document failed, or that crashed', async () => {
    const p = pool(1);
    let failed!: StandIn;
    await expect(
      p.run(async (w) => {
        failed = w;
        throw new Error('ERR_FAILED');
      }),
    ).rejects.toThrow('ERR_FAILED');
    expect(failed.destroyed).toBe(true);
    const next = await p.run((w) => print(w));
    expect(next).not.toBe(failed);

    next.crashed = true;
    const after = await p.run((w) => print(w));
    expect(after).not.toBe(next);
    expect(next.destroyed).toBe(true);
    expect(StandIn.made).toHaveLength(3);
    await p.close();
  });

  it('are destroyed once idle for the idle time, and a later document opens a new one', async () => {
    const p = pool(2, 50);
    const w = await p.run((win) => print(win));
    await expect.poll(() => w.destroyed).toBe(true);
    const next = await p.run((win) => print(win));
    expect(next).not.toBe(w);
    await p.close();
  });

  it('close(): the kept ones go at once, one still printing when its document is done; printing goes on after', async () => {
    const p = pool(2);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let printing!: StandIn;
    const job = p.run(async (w) => {
      printing = w;
      return print(w, held);
    });
    // A second document beside it gets the second window, and leaves it kept.
    const kept = await p.run((w) => print(w));
    await expect.poll(() => printing?.busy).toBe(true);
    await p.close();
    expect(kept.destroyed).toBe(true);
    expect(printing.destroyed).toBe(false);
    release();
    await job;
    expect(printing.destroyed).toBe(true);
    // The app goes on (the self-test prints after the shell's window closed): a new window, kept again.
    const again = await p.run((w) => print(w));
    expect(again.destroyed).toBe(false);
    await p.close();
  });
});
