/**
 * `npm test`: the build, the type check, ESLint, Prettier and the tests all at once. Only the e2e
 * files need the build (out/): they wait for it in their setup file (test/support/await-build.ts),
 * told through FAZHI_BUILD_STATUS, while the unit files run. A check's output is held back and
 * printed whole when it ends, so the test reporter's lines never interleave with it; the exit
 * status is 1 when any part failed. Arguments go to vitest (`npm test -- --project unit`). Each
 * file's time is also written to test-output/vitest.json (`npm run test:durations` keeps it as the
 * order of the next runs, scripts/test-sequencer.mts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

/** Held-back output keeps its colours when it will be shown on a terminal. */
const COLOUR = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;

/** Where the build's outcome is written for the e2e files (a temp name, then renamed: read whole or not at all). */
const buildStatus = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-')), 'build');
function tellBuild(ok: boolean): void {
  fs.writeFileSync(`${buildStatus}.tmp`, ok ? 'ok' : 'failed');
  fs.renameSync(`${buildStatus}.tmp`, buildStatus);
}

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
  output: string;
}

/** Runs a command with its output captured (`inherit`: straight to the terminal instead). */
function run(name: string, cmd: string, args: string[], inherit = false, env: NodeJS.ProcessEnv = COLOUR): Promise<Outcome> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d));
    child.stderr?.on('data', (d: Buffer) => (output += d));
    const done = (ok: boolean, extra = '') => resolve({ name, ok, seconds: (Date.now() - start) / 1000, output: output + extra });
    child.on('error', (err) => done(false, `\n${err.message}\n`));
    child.on('close', (code, signal) => done(code === 0, signal ? `\nstopped by ${signal}\n` : ''));
  });
}

function report(o: Outcome): void {
  const line = `${o.ok ? '✓' : '✗'} ${o.name} (${o.seconds.toFixed(0)} s)`;
  if (o.ok) return void console.log(line);
  console.log(`\n${'─'.repeat(8)} ${line} ${'─'.repeat(8)}\n${o.output.trimEnd()}\n`);
}

async function main(): Promise<number> {
  const build = run('build (electron-vite)', bin('electron-vite'), ['build']).then((o) => {
    tellBuild(o.ok);
    return o;
  });
  const checks = [
    run('typecheck (tsc -b)', bin('tsc'), ['-b', 'tsconfig.json']),
    // Circles are test/lint/cycles.test.ts's (type imports too); no-cycle re-parses every import, most of the lint's CPU.
    run('lint (eslint)', bin('eslint'), ['.', '--rule', '{"import-x/no-cycle": "off"}']),
    run('format (prettier --check)', bin('prettier'), ['--check', '.']),
  ];
  const vitestArgs = [
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-output/vitest.json',
    ...process.argv.slice(2),
  ];
  const tests = run('tests (vitest)', bin('vitest'), vitestArgs, true, { ...process.env, FAZHI_BUILD_STATUS: buildStatus });
  const outcomes = [await build, ...(await Promise.all(checks)), await tests];
  fs.rmSync(path.dirname(buildStatus), { recursive: true, force: true });
  console.log('');
  outcomes.forEach(report);
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.name);
  if (failed.length) console.log(`\nnpm test failed: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
