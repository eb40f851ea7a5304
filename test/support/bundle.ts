/**
 * A TypeScript entry (the CLI, a test's child script) bundled into one CommonJS file for plain
 * `node`, for the suites that start it many times as a real process: `node --import tsx` pays
 * tsx's loader and resolves every module anew on each start, about twice the CPU of the same code
 * bundled. The app's own code is inlined from the same sources; packages stay outside the bundle,
 * required by their absolute paths in the repository's node_modules (so the bundle runs from any
 * folder, and the better-sqlite3 addon is the one tsx would load). Only the start-up changes: what
 * the process does is the same code.
 */
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILTIN = new Set(builtinModules);

/**
 * Bundles `entry` (relative to the repository) into `outDir`, as `name` (default: the entry's own
 * name, .cjs); returns the file to run with `node`.
 */
export async function bundleForNode(entry: string, outDir: string, name = `${path.basename(entry, '.ts')}.cjs`): Promise<string> {
  // The bench bundles its children the same way (bench/dossier.ts).
  const { build } = await import('esbuild');
  const resolve = createRequire(path.join(ROOT, 'package.json')).resolve;
  const outfile = path.join(outDir, name);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
    plugins: [
      {
        name: 'packages-by-absolute-path',
        setup(b) {
          // A bare name that is not an alias of ours (@core, @rules) is a package, or Node's own.
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (/^@(core|rules)\//.test(args.path)) return undefined;
            const name = args.path.replace(/^node:/, '');
            if (BUILTIN.has(name) || BUILTIN.has(name.split('/')[0])) return { path: args.path, external: true };
            return { path: resolve(args.path), external: true };
          });
        },
      },
    ],
  });
  return outfile;
}
