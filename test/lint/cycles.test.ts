/**
 * No import circle anywhere in the repository's code (the app, its tests, benches and scripts),
 * type-only imports included. ESLint's import-x/no-cycle skips `import type` edges (they cannot
 * deadlock at run time), but a type circle still ties modules together: neither can move or be
 * read without the other. This test is what guards circles in `npm test`, which runs `eslint .`
 * with no-cycle off (scripts/test.ts): that rule parses every imported file again, most of the
 * lint's time, for a subset of what this finds. The graph is built
 * with TypeScript's own resolver (tsconfig.base.json's paths, the same `@core`/`@rules` aliases the
 * compiler reads), and every strongly connected group of more than one file is a circle.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const options = ts.getParsedCommandLineOfConfigFile(
  path.join(root, 'tsconfig.base.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
)!.options;

/**
 * The lint tests' probe folders (test/support/lint-probe.ts) hold a deliberate circle while
 * test/lint/boundaries.test.ts runs, perhaps beside this file; they are not the repository's code
 * (gitignored, removed after those tests), so they are not read.
 */
const PROBES = '__lint_probe__';

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== PROBES) sources(p, out);
    } else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every import, export-from and `import()` of each file (type-only ones too), resolved to the file it names. */
function importGraph(files: string[], base: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const deps = importedFiles
      .map((i) => ts.resolveModuleName(i.fileName, file, { ...options, baseUrl: base }, ts.sys).resolvedModule)
      .filter((r) => r && !r.isExternalLibraryImport && !r.resolvedFileName.endsWith('.d.ts'))
      .map((r) => r!.resolvedFileName);
    graph.set(file, deps);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file (or a file importing itself). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || graph.get(v)!.includes(v)) found.push(group);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import circles', () => {
  it('electron/, src/, test/, bench/ and scripts/ hold none, type-only imports counted', () => {
    const files = ['electron', 'src', 'test', 'bench', 'scripts'].flatMap((d) => sources(path.join(root, d)));
    expect(files.length).toBeGreaterThan(200);
    const graph = importGraph(files, root);
    // The graph is real: aliases and relative imports both resolve.
    expect(graph.get(path.join(root, 'electron/core/api/table.ts'))).toContain(path.join(root, 'electron/core/ledger/records.ts'));
    expect(graph.get(path.join(root, 'electron/core/api/table.ts'))).toContain(path.join(root, 'electron/rules/kinds/index.ts'));
    const found = circles(graph).map((c) => c.map((f) => path.relative(root, f)).sort());
    expect(found).toEqual([]);
  });

  it('a circle closed by an `import type` alone is found', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport interface A { b?: B }\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import type { A } from './a';\nexport interface B { a?: A }\n");
      fs.writeFileSync(path.join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n");
      const graph = importGraph(sources(dir), dir);
      expect(circles(graph).map((c) => c.map((f) => path.basename(f)).sort())).toEqual([['a.ts', 'b.ts']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
