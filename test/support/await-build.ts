/**
 * Setup file of the e2e projects (vitest.config.mts). `npm test` (scripts/test.ts) starts vitest
 * while `electron-vite build` is still running, so the unit files need not wait for it; it names a
 * file in FAZHI_BUILD_STATUS and writes `ok` or `failed` there when the build ends. A file that
 * needs out/ waits here for that line. Without the variable (`npx vitest`, `npm run test:e2e`)
 * the build is already done, or `builtFile` says how to make it.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once `status` says the build succeeded; throws when it says it failed. */
export async function awaitBuild(status: string): Promise<void> {
  const read = () => (fs.existsSync(status) ? fs.readFileSync(status, 'utf8').trim() : '');
  let outcome: string;
  // Polls a local file: the build's own length, not a time limit, decides how long this waits.
  while (!(outcome = read())) await sleep(100);
  if (outcome !== 'ok') throw new Error('构建 (electron-vite build) 失败：e2e 测试需要 out/，npm test 在最后列出构建的输出');
}

if (process.env.FAZHI_BUILD_STATUS) await awaitBuild(process.env.FAZHI_BUILD_STATUS);
