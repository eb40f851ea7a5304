/**
 * The bench judges its rows only when other work left the machine alone (bench/support/other-load.ts).
 * Busy processes side by side, each handed to init as a stray Chromium helper is: one carries this
 * run's tag, as the bench's children do, the others carry none or another run's; and a tagged one
 * that starts an untagged child, as Chromium starts its renderers. Only the untagged strays are
 * other work; this process is the bench's whatever its environment. A busy loop's thread is
 * runnable (R) whether it holds a CPU or waits for one, so what is counted does not depend on how
 * busy the machine is.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { afterAll, expect, test } from 'vitest';
import { BENCH_RUN_ENV, classifier, loadingThreads, othersLoading } from '../../bench/support/other-load';
import { judgeable, loadLine, type LoadSeen } from '../../bench/index';

const started: number[] = [];
afterAll(() =>
  started.forEach((pid) => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }),
);

/**
 * Starts `node -e script` through a shell that exits at once, so the process is handed to init
 * (no longer a child of this one); resolves with its pid.
 */
async function stray(env: NodeJS.ProcessEnv, script: string): Promise<number> {
  const sh = spawn('sh', ['-c', `"$NODE" -e "$SCRIPT" >/dev/null 2>&1 & echo $!`], {
    env: { ...env, NODE: process.execPath, SCRIPT: script },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  sh.stdout!.on('data', (d: Buffer) => (out += d));
  await once(sh, 'exit');
  const pid = Number(out.trim());
  started.push(pid);
  return pid;
}

/** The processes whose parent is `pid`. */
const childrenOf = (pid: number) =>
  fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        const stat = fs.readFileSync(`/proc/${n}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);

/** Spins, but ends on its own after ten minutes should this file die before its afterAll kills it. */
const BUSY = 'const end = Date.now() + 600000; while (Date.now() < end) {}';
/** Busy, after starting a busy child with an empty environment. */
const BUSY_WITH_CHILD = `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(BUSY)}], { env: {}, stdio: 'ignore' }); ${BUSY}`;

test("a busy process is other work unless it carries the run's tag or descends from one that does; the bench itself never is", async () => {
  const runId = randomUUID();
  const { [BENCH_RUN_ENV]: _, ...untagged } = process.env;
  const tagged = await stray({ ...untagged, [BENCH_RUN_ENV]: runId }, BUSY);
  const other = await stray(untagged, BUSY);
  // Another run's tag is not this run's.
  const otherRun = await stray({ ...untagged, [BENCH_RUN_ENV]: randomUUID() }, BUSY);
  const parent = await stray({ ...untagged, [BENCH_RUN_ENV]: runId }, BUSY_WITH_CHILD);
  await expect.poll(() => childrenOf(parent)).toHaveLength(1);
  const [child] = childrenOf(parent);
  started.push(child);

  for (const pid of [tagged, other, otherRun, parent, child]) await expect.poll(() => loadingThreads(pid)).toBeGreaterThanOrEqual(1);
  const loading = othersLoading(classifier(runId, process.pid));
  expect(loading.get(other)).toMatchObject({ comm: 'node' });
  expect(loading.get(other)!.n).toBeGreaterThanOrEqual(1);
  expect(loading.get(otherRun)!.n).toBeGreaterThanOrEqual(1);
  expect(loading.has(tagged)).toBe(false);
  expect(loading.has(parent)).toBe(false);
  expect(loading.has(child)).toBe(false);
  expect(loading.has(process.pid)).toBe(false);
});

test('rows are judged only while other work stays within its limits, and the line says which', () => {
  const seen = (mean: number, peak: number): LoadSeen => ({
    start: 7,
    max: 7.5,
    end: 7,
    cores: 2,
    other: { mean, peak, samples: 40, top: [{ comm: 'node', load: peak }] },
  });
  // The bench's own threads (the 1-minute average of 7.5) do not stop a verdict; other work does.
  expect(judgeable(seen(0.2, 0.8))).toBe(true);
  expect(loadLine(seen(0.2, 0.8))).toContain('rows judged');
  expect(judgeable(seen(1.2, 1.5))).toBe(false);
  expect(judgeable(seen(0.4, 2.5))).toBe(false);
  expect(loadLine(seen(0.4, 2.5))).toContain('no row is judged');
});
