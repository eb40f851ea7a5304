/**
 * The order vitest starts the test files in (vitest.config.mts, `sequence.sequencer`): the files of
 * one project together, so a shared worker (`isolate: false`) goes on to the project's next file
 * instead of ending; the projects whose files share their workers first, the ones with a process
 * per file after, and among each the unit files before the e2e ones (under `npm test` those wait
 * for the build, test/support/await-build.ts); within a project the longest file first, so that no long
 * file starts last while the other workers sit idle. How long a file takes comes from test/durations.json (written
 * by `npm run test:durations` after a run), kept in the repository because a fresh clone has no
 * vitest cache. A file not in the list (a new one) runs first in its project: its length is
 * unknown, and a failing new file shows early.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestProject, type TestSpecification } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '..');

/** Seconds each test file took, by repository-relative path. */
export const DURATIONS_FILE = path.join(root, 'test/durations.json');

function readDurations(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(DURATIONS_FILE, 'utf8')) as Record<string, number>;
  } catch {
    // No list (or a broken one) only loses the order, never a test.
    return {};
  }
}

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = readDurations();
    const rel = (spec: TestSpecification) => path.relative(root, spec.moduleId).split(path.sep).join('/');
    const length = (spec: TestSpecification) => seconds[rel(spec)] ?? Infinity;
    const e2e = (p: TestProject) => Number(p.name.startsWith('e2e'));
    const projects = [...new Set(files.map((f) => f.project))].sort(
      (a, b) => Number(a.config.isolate) - Number(b.config.isolate) || e2e(a) - e2e(b) || a.name.localeCompare(b.name),
    );
    return projects.flatMap((project) =>
      files.filter((f) => f.project === project).sort((a, b) => length(b) - length(a) || rel(a).localeCompare(rel(b))),
    );
  }
}
