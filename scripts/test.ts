/**
 * `npm test`: the build, the type check, ESLint and Prettier side by side, and the tests as soon
 * as the build (which the e2e files need) is done. A check's output is held back and printed
 * whole when it ends, so the test reporter's lines never interleave with it; the exit status is
 * 1 when any part failed. Arguments go to vitest (`npm test -- --project unit`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

/** Held-back output keeps its colours when it will be shown on a terminal. */
const COLOUR = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
  output: string;
}

/** Runs a command with its output captured (`inherit`: straight to the terminal instead). */
function run(name: string, cmd: string, args: string[], inherit = false): Promise<Outcome> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: COLOUR });
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
  const build = run('build (electron-vite)', bin('electron-vite'), ['build']);
  const checks = [
    run('typecheck (tsc -b)', bin('tsc'), ['-b', 'tsconfig.json']),
    run('lint (eslint)', bin('eslint'), ['.']),
    run('format (prettier --check)', bin('prettier'), ['--check', '.']),
  ];
  const built = await build;
  report(built);
  const tests = built.ok
    ? await run('tests (vitest)', bin('vitest'), ['run', ...process.argv.slice(2)], true)
    : { name: 'tests (vitest)', ok: false, seconds: 0, output: 'not run: the build failed' };
  const outcomes = [built, ...(await Promise.all(checks)), tests];
  console.log('');
  outcomes.slice(1).forEach(report);
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.name);
  if (failed.length) console.log(`\nnpm test failed: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
