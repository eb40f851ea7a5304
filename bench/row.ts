/** One measured line of `npm run bench`: what, how long, and the target it is held to. */
export interface BenchRow {
  name: string;
  ms: number;
  targetMs?: number;
  /** What the target is measured against, e.g. `sha256sum of the same file, same run` (else a fixed time). */
  against?: string;
  /** Extra context, e.g. a ratio to a baseline measured in the same run. */
  note?: string;
}

/** The middle value (the upper one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median of several timed runs of fn, in milliseconds. */
export const timeMedian = async (runs: number, fn: () => unknown | Promise<unknown>): Promise<number> =>
  (await alternatingMedians(runs, [fn]))[0];

/**
 * Each function's median time over `runs` rounds, the functions taking turns within each round;
 * `prepare` runs untimed before each call (e.g. to bring a file into the page cache for both sides).
 */
export async function alternatingMedians(runs: number, fns: (() => unknown | Promise<unknown>)[], prepare?: () => void): Promise<number[]> {
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [j, fn] of fns.entries()) {
      prepare?.();
      const t0 = performance.now();
      await fn();
      times[j].push(performance.now() - t0);
    }
  return times.map(median);
}

/** Median of several times measured by fn itself (e.g. in a page), in milliseconds. */
export async function medianOf(runs: number, fn: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  return median(times);
}
