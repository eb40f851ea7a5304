/**
 * The test runner's own parts: the order files start in (scripts/test-sequencer.mts) and the e2e
 * files' wait for the build under `npm test` (test/support/await-build.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { DURATIONS_FILE, LongestFirst } from '../../scripts/test-sequencer.mjs';
import { awaitBuild } from '../support/await-build';

const root = path.resolve(import.meta.dirname, '../..');
const durations = JSON.parse(fs.readFileSync(DURATIONS_FILE, 'utf8')) as Record<string, number>;

/** What the sequencer reads of a file to run: its project (name, isolate) and its path. */
const project = (name: string, isolate: boolean) => ({ name, config: { isolate } });
const spec = (p: ReturnType<typeof project>, rel: string) =>
  ({ project: p, moduleId: path.join(root, rel) }) as unknown as TestSpecification;
const rel = (s: TestSpecification) => path.relative(root, s.moduleId);

describe('the order test files start in', () => {
  const sequencer = new LongestFirst({} as Vitest);
  const unit = project('unit', false);
  const unitAlone = project('unit-isolated', true);
  const e2e = project('e2e', true);

  it('the list gives whole seconds for test files (new files need no entry: they run first)', () => {
    const entries = Object.entries(durations);
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter(([f, s]) => !/^test\/.+\.test\.ts$/.test(f) || !Number.isInteger(s) || s < 1)).toEqual([]);
  });

  it('shared projects first, then unit before e2e; within a project the longest first, a file not in the list before all', async () => {
    const [long, short] = Object.entries(durations)
      .filter(([f]) => !f.startsWith('test/e2e/'))
      .sort((a, b) => b[1] - a[1])
      .map(([f]) => f)
      .filter((_f, i, all) => i === 0 || i === all.length - 1);
    const e2eFiles = Object.keys(durations).filter((f) => f.startsWith('test/e2e/'));
    const [e2eLong, e2eShort] = [...e2eFiles]
      .sort((a, b) => durations[b] - durations[a])
      .filter((_f, i, all) => i === 0 || i === all.length - 1);
    const sorted = await sequencer.sort([
      spec(e2e, e2eShort),
      spec(unitAlone, short),
      spec(unit, short),
      spec(e2e, e2eLong),
      spec(unit, 'test/new-area/brand-new.test.ts'),
      spec(unit, long),
    ]);
    expect(sorted.map((s) => `${s.project.name}:${rel(s)}`)).toEqual([
      'unit:test/new-area/brand-new.test.ts',
      `unit:${long}`,
      `unit:${short}`,
      `unit-isolated:${short}`,
      `e2e:${e2eLong}`,
      `e2e:${e2eShort}`,
    ]);
  });
});

describe('the e2e files wait for the build under npm test', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'await-build-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('wait until the status file appears, then go on when it says ok', async () => {
    const status = path.join(dir, 'ok');
    let done = false;
    const waiting = awaitBuild(status).then(() => (done = true));
    // Still waiting after several polls: the file is not there yet.
    await new Promise((r) => setTimeout(r, 500));
    expect(done).toBe(false);
    fs.writeFileSync(status, 'ok');
    await waiting;
    expect(done).toBe(true);
  });

  it('fail saying the build failed when it says so', async () => {
    const status = path.join(dir, 'failed');
    fs.writeFileSync(status, 'failed');
    await expect(awaitBuild(status)).rejects.toThrow(/构建.*失败/);
  });
});
