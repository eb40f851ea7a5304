/**
 * The load that other work puts on the machine while the bench runs: the kernel's measure (threads
 * runnable or in uninterruptible sleep, as /proc/loadavg counts them) taken over every process that
 * is not the bench's own. The 1-minute load average cannot say that: it counts the bench too, and
 * printing a PDF keeps a handful of Chromium threads runnable, so on an idle 2-core machine the
 * render benches alone lifted it from 2 to 7.5 and no row was ever judged.
 *
 * Whose a process is: the bench and what it starts (Chromium, LibreOffice, forked children) carry
 * BENCH_RUN_ENV in their environment, inherited, so a child that outlives its parent and is handed
 * to init is still known; a process started by one of ours is ours too (Chromium's own children
 * get an environment of their own). A process whose environment cannot be read and whose parent
 * is not ours counts as other work: the guard errs towards not judging.
 *
 * Sampled in a worker thread (this file again), so a row that keeps the bench's main thread busy
 * does not stop the sampling.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export const BENCH_RUN_ENV = 'FAZHI_BENCH_RUN';
const SAMPLE_MS = 250;
/** Samples per window: the peak is the busiest 5 s, so a burst beside a short row is seen. */
const WINDOW_SAMPLES = 20;

export interface OtherLoad {
  /** Mean count of other work's runnable threads over the run. */
  mean: number;
  /** The highest mean over any 5-second window. */
  peak: number;
  samples: number;
  /** The other processes (by command name) that loaded the machine most, with their mean share of the load. */
  top: { comm: string; load: number }[];
}

/** What tells the bench's processes from the rest, and what is known of each process so far. */
export interface Classifier {
  /** `FAZHI_BENCH_RUN=<this run's id>` as it appears in /proc/<pid>/environ. */
  mark: Buffer;
  ownPid: number;
  /** "pid:starttime" (a pid may be reused) → the bench's own. */
  known: Map<string, boolean>;
}

export const classifier = (runId: string, ownPid: number): Classifier => ({
  mark: Buffer.from(`${BENCH_RUN_ENV}=${runId}\0`),
  ownPid,
  known: new Map(),
});

const readOrNull = (file: string) => {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
};
/** /proc/<pid>/stat after "pid (comm) ": the state is [0], the parent [1], the start time [19]; comm may hold spaces and parentheses. */
const statFields = (stat: Buffer) => {
  const s = stat.toString();
  return s.slice(s.lastIndexOf(')') + 2).split(' ');
};

/** Threads of `pid` that count towards the load: running or waiting for a CPU (R), or in uninterruptible sleep (D). */
export function loadingThreads(pid: number): number {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let n = 0;
  for (const t of tasks) {
    const stat = readOrNull(`/proc/${pid}/task/${t}/stat`);
    const state = stat && statFields(stat)[0];
    if (state === 'R' || state === 'D') n++;
  }
  return n;
}

/** The command name in /proc/<pid>/stat: between the first "(" and the last ")". */
const commOf = (stat: Buffer) => {
  const s = stat.toString();
  return s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
};

/** Each process that is not the bench's, with its command name and its threads counting towards the load now (those with none left out). */
export function othersLoading(c: Classifier): Map<number, { comm: string; n: number }> {
  const procs = new Map<number, { key: string; ppid: number; stat: Buffer }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOrNull(`/proc/${name}/stat`);
    if (!stat) continue;
    const f = statFields(stat);
    procs.set(Number(name), { key: `${name}:${f[19]}`, ppid: Number(f[1]), stat });
  }
  // Ours: this process, one carrying the tag, or a child of ours. Chromium starts its zygote,
  // renderers and helpers with an environment of its own, so the tag alone misses them; they are
  // seen while their browser is alive and stay ours once known, even when handed to init.
  const ours = (pid: number, depth = 0): boolean => {
    const p = procs.get(pid);
    if (!p) return false;
    let known = c.known.get(p.key);
    if (known === undefined) {
      const env = readOrNull(`/proc/${pid}/environ`);
      known = pid === c.ownPid || (env !== null && env.includes(c.mark)) || (p.ppid > 1 && depth < 64 && ours(p.ppid, depth + 1));
      c.known.set(p.key, known);
    }
    return known;
  };
  const loading = new Map<number, { comm: string; n: number }>();
  for (const [pid, p] of procs) {
    if (ours(pid)) continue;
    const n = loadingThreads(pid);
    if (n) loading.set(pid, { comm: commOf(p.stat), n });
  }
  const alive = new Set([...procs.values()].map((p) => p.key));
  for (const key of c.known.keys()) if (!alive.has(key)) c.known.delete(key);
  return loading;
}

/** The worker's loop: samples until told to stop, then answers with the OtherLoad. */
function sampleUntilStopped(runId: string, ownPid: number): void {
  const c = classifier(runId, ownPid);
  let total = 0;
  let samples = 0;
  let windowSum = 0;
  let windowCount = 0;
  let peak = 0;
  const byComm = new Map<string, number>();
  const sample = () => {
    let n = 0;
    for (const { comm, n: k } of othersLoading(c).values()) {
      n += k;
      byComm.set(comm, (byComm.get(comm) ?? 0) + k);
    }
    total += n;
    samples++;
    windowSum += n;
    windowCount++;
    if (windowCount === WINDOW_SAMPLES) {
      peak = Math.max(peak, windowSum / windowCount);
      windowSum = 0;
      windowCount = 0;
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  parentPort!.once('message', () => {
    clearInterval(timer);
    sample();
    if (windowCount) peak = Math.max(peak, windowSum / windowCount);
    const top = [...byComm]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([comm, k]) => ({ comm, load: k / samples }));
    parentPort!.postMessage({ mean: total / samples, peak, samples, top } satisfies OtherLoad);
  });
}

/**
 * Tags this process's environment (so every child it starts from now on is the bench's) and starts
 * sampling; the returned function stops and reports.
 */
export function watchOtherLoad(): () => Promise<OtherLoad> {
  const runId = randomUUID();
  process.env[BENCH_RUN_ENV] = runId;
  // The worker runs this same file; a worker does not inherit tsx's loader, so it registers tsx's require hook first.
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, {
    eval: true,
    workerData: { otherLoadSampler: { runId, ownPid: process.pid } },
  });
  return () =>
    new Promise<OtherLoad>((resolve, reject) => {
      worker.once('message', (r: OtherLoad) => {
        void worker.terminate();
        resolve(r);
      });
      worker.once('error', reject);
      worker.postMessage('stop');
    });
}

const asSampler = (workerData as { otherLoadSampler?: { runId: string; ownPid: number } } | null)?.otherLoadSampler;
if (!isMainThread && asSampler) sampleUntilStopped(asSampler.runId, asSampler.ownPid);
