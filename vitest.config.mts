import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests drive real SQLite files, Chromium and LibreOffice: generous timeouts, and files run
// in separate processes so a native module or a browser never leaks between them.
export default defineConfig({
  resolve: {
    alias: {
      '@rules': fileURLToPath(new URL('./electron/rules', import.meta.url)),
      '@core': fileURLToPath(new URL('./electron/core', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { FONTCONFIG_FILE: new URL('./test/support/fonts.conf', import.meta.url).pathname },
  },
});
