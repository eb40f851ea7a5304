import { defineConfig } from 'vitest/config';

// Tests drive real SQLite files, Chromium and LibreOffice: generous timeouts, and files run
// in separate processes so a native module or a browser never leaks between them.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { FONTCONFIG_FILE: new URL('./test/support/fonts.conf', import.meta.url).pathname },
  },
});
