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

/** Median of several timed runs of fn, in milliseconds. */
export async function timeMedian(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
