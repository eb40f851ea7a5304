/**
 * What only a real `npm run cli` process shows; every command's behaviour is tested in this
 * process (test/support/cli.ts). Here: the exit status the shell sees, stdout and stderr as
 * written (Chinese, UTF-8, one line each), a relative --db resolved against the working folder, and
 * which packages a command loads (exceljs and playwright-core only when it needs them).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/ledger';

const ROOT = path.resolve(__dirname, '../..');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runWith([], {}, ...args);
}

function runWith(nodeArgs: string[], env: NodeJS.ProcessEnv, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...nodeArgs, '--import', 'tsx', 'electron/cli/index.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.error) throw r.error;
  return r;
}

/** The packages (node_modules folders) a CLI command had loaded when it exited. */
function packagesLoaded(...args: string[]): string[] {
  const out = path.join(dir, `loaded-${args[0]}.txt`);
  const r = runWith(['--require', path.join(ROOT, 'test/support/loaded-packages.cjs')], { FAZHI_LOADED_OUT: out }, ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return fs.readFileSync(out, 'utf8').split('\n');
}

let dir: string;
beforeAll(() => {
  dir = tempDir('fazhi-cli-process-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the CLI as a process', () => {
  it('exits 0 and prints the absolute path of a ledger named relative to the working folder', () => {
    const file = path.join(dir, '子 文件夹', '台账.db');
    const r = run('init', '--db', path.relative(ROOT, file));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`已创建台账：${file}\n`);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('verify of a damaged file exits non-zero with the Chinese reason on stderr and nothing on stdout', () => {
    const bad = path.join(dir, 'bad.ftzb');
    fs.writeFileSync(bad, 'this is not a backup at all, just some text');
    const p = run('verify', bad);
    expect(p.status).toBe(1);
    expect(p.stdout).toBe('');
    expect(p.stderr).toContain('不是法治台账备份文件');
  });

  it('loads exceljs and playwright-core only for a command that needs them (each costs a start about a quarter of a second)', () => {
    const db = path.join(dir, 'loaded.db');
    const init = packagesLoaded('init', '--db', db);
    expect(init).toContain('better-sqlite3');
    expect(init).not.toContain('exceljs');
    expect(init).not.toContain('playwright-core');
    expect(packagesLoaded('template', '--out', path.join(dir, '模板.xlsx'))).toContain('exceljs');
  });
});
