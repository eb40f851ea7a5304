/**
 * Lints small probe files placed inside the folders a lint rule keys on, with ESLint's Node API
 * and the repository's own eslint.config.mjs; the probe folders are made before and removed after
 * the file's tests (their name is in .gitignore). `eslint .` ignores the probe folders (npm test runs
 * it beside these tests, and a probe holds a deliberate error), so this instance lints with the
 * config's ignores off; every rule of eslint.config.mjs still applies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../..');

/** Registers the probe folders (repository-relative) and returns `lint(file, code)` → "rule: message" lines. */
export function lintProbes(dirs: readonly string[]): (rel: string, code: string) => Promise<string[]> {
  const eslint = new ESLint({ cwd: root, ignore: false });
  const abs = dirs.map((d) => path.join(root, d));
  beforeAll(() => abs.forEach((d) => fs.mkdirSync(d, { recursive: true })));
  afterAll(() => abs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  return async (rel, code) => {
    const file = path.join(root, rel);
    fs.writeFileSync(file, code);
    const [result] = await eslint.lintFiles([file]);
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
  };
}
