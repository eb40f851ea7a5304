import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './scripts/test-sequencer.mjs';

/**
 * Two kinds of test (docs/testing.md): `e2e` needs the build (out/) or runs the app's own code as
 * another process — the UI in Chromium, the CLI and the core as child processes; `unit` is
 * everything else, inside vitest's own process (real SQLite files, workbooks, Chromium PDFs and
 * LibreOffice conversions included). `npm test` runs both.
 */
const E2E = [
  'test/e2e/**/*.test.ts',
  'test/harness/ui-smoke.test.ts',
  'test/cli/process.test.ts',
  'test/security/processes.test.ts',
  'test/security/readonly-folder.test.ts',
  'test/backup/crash.test.ts',
  'test/backup/scan-built.test.ts',
  'test/main/csp.test.ts',
  'test/main/preload.test.ts',
  'test/worker/dispatch.test.ts',
  'test/worker/sqlite-binding.test.ts',
  'test/setup/setup.test.ts',
];

const root = fileURLToPath(new URL('.', import.meta.url));
const TEST_FILES = fs
  .readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/${f.split(path.sep).join('/')}`)
  .sort();

// An entry of E2E is a file, or a folder's files written as `folder/**/*.test.ts`.
const isE2e = (file: string) =>
  E2E.some((g) => (g.endsWith('/**/*.test.ts') ? file.startsWith(g.slice(0, -'**/*.test.ts'.length)) : file === g));

/**
 * Files that replace modules or globals for themselves (`vi.mock` and its kin). A file in a
 * shared worker reuses the modules the files before it loaded, so such a file runs in a process
 * of its own; found by reading the files, so a new one is placed without a list to keep.
 */
const REPLACES_MODULES = /\bvi\.(mock|doMock|unmock|doUnmock|stubGlobal|stubEnv|useFakeTimers)\(/;
const isolated = (file: string) => REPLACES_MODULES.test(fs.readFileSync(path.join(root, file), 'utf8'));

const files = (e2e: boolean, alone: boolean) => TEST_FILES.filter((f) => isE2e(f) === e2e && isolated(f) === alone);

/**
 * Worker processes: twice the cores. Idle on 2 cores a full run took about as long with 2 as with 4
 * (docs/testing.md, "Shared workers"): the suite is CPU-bound. Nothing in a test depends on how
 * fast it runs, so more of them at once only shares the CPU differently.
 */
const WORKERS = Math.max(2, 2 * os.availableParallelism());

// Under `npm test` the e2e files wait here for the build, which runs beside the unit files.
const AWAIT_BUILD = ['test/support/await-build.ts'];

// Tests drive real SQLite files, Chromium and LibreOffice, and must pass on a busy machine: the
// timeouts only catch a hang.
//
// Loading the core, zod and the kinds costs a test process about two CPU-seconds, more than most
// files' tests. So the unit files share their worker processes (`isolate: false`): each worker
// loads the modules once and runs file after file, and the PDF suites print on one Chromium per
// worker (test/support/chromium.ts). What a file opens (ledger, renderer context) it closes in its
// own afterAll. The files that replace modules, and the e2e files, keep a process each.
export default defineConfig({
  resolve: {
    alias: {
      '@rules': fileURLToPath(new URL('./electron/rules', import.meta.url)),
      '@core': fileURLToPath(new URL('./electron/core', import.meta.url)),
    },
  },
  test: {
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // expect.poll's own default (1 s) fails a slow but correct page on a busy machine.
    expect: { poll: { timeout: 120_000 } },
    pool: 'forks',
    maxWorkers: WORKERS,
    // The longest files first, each project's files together (scripts/test-sequencer.mts).
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: files(false, false), isolate: false } },
      { extends: true, test: { name: 'unit-isolated', include: files(false, true) } },
      // The e2e files keep a process each: sharing one, a file's app could wait forever on what an
      // earlier file's app left in the worker's browser (seen once in a full run, not yet explained).
      { extends: true, test: { name: 'e2e', include: files(true, false), setupFiles: AWAIT_BUILD } },
      { extends: true, test: { name: 'e2e-isolated', include: files(true, true), setupFiles: AWAIT_BUILD } },
    ],
  },
});
