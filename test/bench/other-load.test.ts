/**
 * The bench judges its rows only when other work left the machine alone (bench/support/other-load.ts).
 * Two busy processes side by side: one carries this run's tag, as the bench's children do, one
 * does not. Only the second is other work; this process is the bench's whatever its environment.
 * A busy loop's thread is runnable (R) whether it holds a CPU or waits for one, so what is counted
 * does not depend on how busy the machine is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { afterAll, expect, test } from 'vitest';
import { BENCH_RUN_ENV, classifier, loadingThreads, othersLoading } from '../../bench/support/other-load';
import { judgeable, loadLine, type LoadSeen } from '../../bench/index';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

/** A node process spinning forever, started once it says so. */
async function busy(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'process.stdout.write("busy\\n"); for (;;) {}'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await once(child.stdout!, 'data');
  return child.pid!;
}

test("a busy process is other work unless it carries the run's tag; the bench itself never is", async () => {
  const runId = randomUUID();
  const { [BENCH_RUN_ENV]: _, ...untagged } = process.env;
  const tagged = await busy({ ...untagged, [BENCH_RUN_ENV]: runId });
  const other = await busy(untagged);
  // Another run's tag is not this run's.
  const otherRun = await busy({ ...untagged, [BENCH_RUN_ENV]: randomUUID() });

  expect(loadingThreads(tagged)).toBeGreaterThanOrEqual(1);
  const loading = othersLoading(classifier(runId, process.pid));
  expect(loading.get(other)).toMatchObject({ comm: 'node', n: expect.any(Number) });
  expect(loading.get(other)!.n).toBeGreaterThanOrEqual(1);
  expect(loading.get(otherRun)!.n).toBeGreaterThanOrEqual(1);
  expect(loading.has(tagged)).toBe(false);
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
