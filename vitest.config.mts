import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two projects (docs/testing.md): `e2e` needs the build (out/) or runs the app's own code as
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
  'test/main/csp.test.ts',
  'test/main/preload.test.ts',
  'test/worker/dispatch.test.ts',
  'test/worker/sqlite-binding.test.ts',
  'test/setup/setup.test.ts',
];

// Tests drive real SQLite files, Chromium and LibreOffice, and must pass on a busy machine: the
// timeouts only catch a hang. Files run in separate processes so a native module or a browser
// never leaks between them.
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
    maxWorkers: 2,
    env: { FONTCONFIG_FILE: new URL('./test/support/fonts.conf', import.meta.url).pathname },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
