/**
 * Suites that check the build's output (out/) need it: they fail with a clear message instead
 * of skipping when it is absent. `npm test` builds before vitest; alone, run `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/** The absolute path of a built file (relative to the repository), or a thrown error saying how to make it. */
export function builtFile(rel: string): string {
  const file = path.join(repo, rel);
  if (!fs.existsSync(file)) throw new Error(`${rel} 不存在：请先运行 npm run build（npm test 会先构建）`);
  return file;
}
