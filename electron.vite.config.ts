/**
 * electron-vite build of the three bundles: main (Node, deps externalized), preload (one
 * CommonJS file, because a sandboxed preload cannot be an ES module) and the React renderer
 * rooted at src/. Everything lands in out/{main,preload,renderer}.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = __dirname;

/** The two layers' import aliases (tsconfig.base.json `paths` says the same for the type checker). */
const alias = { '@rules': resolve(root, 'electron/rules'), '@core': resolve(root, 'electron/core') };

/**
 * In `electron-vite dev` only: the React refresh preamble is an inline module script and HMR
 * talks over ws:, both of which the production CSP forbids. Loosen the <meta> CSP for the dev
 * server and never for a build (apply: 'serve').
 */
function devCspRelax(): Plugin {
  return {
    name: 'fazhi:dev-csp-relax',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        // worker.js: the thread that runs heavy API methods (electron/core/worker/pool.ts);
        // backup-scan.js: the thread that hashes a backup file while it is verified (electron/core/backup/scan.ts);
        // backup-integrity.js: the thread that runs integrity_check on a large snapshot (electron/core/backup/integrity.ts).
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          worker: resolve(root, 'electron/core/api/worker-entry.ts'),
          'backup-scan': resolve(root, 'electron/core/backup/scan-thread.ts'),
          'backup-integrity': resolve(root, 'electron/core/backup/integrity-thread.ts'),
        },
        // The core falls back to headless Chromium (render/pdf.ts, which loads playwright-core only
        // when it launches one) when no printer is passed; the shell always passes printToPDF, so
        // playwright-core is never loaded in the app and stays out of the bundle.
        external: ['playwright-core'],
        // A package the core loads on first use (core/excel/exceljs.ts) is required then, through the
        // same CommonJS loader (and asar reading) as every other package, not through import().
        output: { dynamicImportInCjs: false },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: resolve(root, 'out/preload'),
      // Bundle everything (only `electron` stays external): a sandboxed preload can require
      // nothing else. https://github.com/alex8088/electron-vite/issues/282
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src'),
    resolve: { alias },
    plugins: [react(), devCspRelax()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'src/index.html') },
      },
    },
  },
});
