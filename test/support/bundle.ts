/**
 * A TypeScript entry (the CLI, a test's child script) bundled into one CommonJS file for plain
 * `node`, for the suites that start it many times as a real process: `node --import tsx` pays
 * tsx's loader and resolves every module anew on each start, about twice the CPU of the same code
 * bundled. The app's own code is inlined from the same sources; packages stay external and load
 * from the repository's node_modules (`BUNDLE_ENV` puts them on NODE_PATH), so the
 * better-sqlite3 addon is the one tsx would load. Only the start-up changes: what the process
 * does is the same code.
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What a bundled child needs in its environment to find the packages left external. */
export const BUNDLE_ENV = { NODE_PATH: path.join(ROOT, 'node_modules') };

/** Bundles `entry` (relative to the repository) into `outDir`; returns the .cjs file to run with `node`. */
export async function bundleForNode(entry: string, outDir: string): Promise<string> {
  // esbuild comes with tsx; the bench bundles its children the same way (bench/register.ts).
  const { build } = await import('esbuild');
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}
