/**
 * A process that holds a ledger never drops its own file locks. On POSIX, closing any descriptor
 * of a file drops every lock the process holds on it; a second descriptor opened and closed on a
 * held ledger (e.g. to read its header in a worker thread) lets the next process that opens and
 * closes the ledger take it for unused and delete its -wal and -shm, and the holder's writes from
 * then on go nowhere another process can see. Here a holder (connection + worker pool, as the
 * harness) runs a worker job, another process opens and closes the ledger, the holder writes, a
 * third process must see every acknowledged write, and after kill -9 nothing acknowledged is lost.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { seedLedger, tempDir } from '../backup/helpers';

const ROOT = path.resolve(__dirname, '../..');
const HOLDER = path.join(__dirname, 'holder-child.ts');
const OTHER = path.join(__dirname, 'ledger-child.ts');

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir('fazhi-locks-');
  const s = await seedLedger(dir);
  file = s.file;
  s.ctx.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The holder process, with a way to wait for a line it prints. */
function holder(): { p: ChildProcess; line: (re: RegExp) => Promise<string> } {
  const p = spawn(process.execPath, ['--import', 'tsx', HOLDER, file], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: (s: string) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = w.re.exec(out);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m[0]);
      }
    }
  };
  p.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    check();
  });
  p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const line = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      waiters.push({ re, resolve });
      p.once('exit', () => reject(new Error(`holder exited: ${err}`)));
      check();
    });
  return { p, line };
}

/**
 * Whether another process could take the ledger for unused right now: SQLite's last closer takes an
 * exclusive lock on the ledger's shared-lock bytes before it checkpoints and deletes -wal/-shm; a
 * holder's read lock there forbids it. Asked with a non-blocking fcntl test lock, nothing kept.
 */
function freeForOthers(): boolean {
  const py = [
    'import fcntl, os, sys',
    'fd = os.open(sys.argv[1], os.O_RDWR)',
    'try:',
    '    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 510, 1073741826)',
    "    print('free')",
    'except OSError:',
    "    print('held')",
  ].join('\n');
  const r = spawnSync('python3', ['-c', py, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim() === 'free';
}

/** Another process opens the ledger and closes it again (what `npm run cli -- stats` does). */
function openAndClose(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', OTHER, 'hold', file], { cwd: ROOT, input: '', encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

const titles = (): string[] => {
  const ctx = openContext(file, { readonly: true });
  try {
    return (ctx.db.prepare("SELECT json_extract(data, '$.title') AS t FROM records").all() as { t: string }[]).map((r) => r.t);
  } finally {
    ctx.close();
  }
};

describe('a ledger held by a process with a worker', () => {
  it('keeps its -wal/-shm and every acknowledged write through other processes opening it and a kill -9', async () => {
    const h = holder();
    try {
      await h.line(/^ready$/m);
      expect(freeForOthers(), 'after a worker job the holder still holds its lock on the ledger').toBe(false);
      openAndClose();
      expect(fs.existsSync(`${file}-wal`), 'the holder still has the ledger open: its -wal stays').toBe(true);
      expect(fs.existsSync(`${file}-shm`)).toBe(true);
      for (let i = 1; i <= 3; i++) {
        h.p.stdin!.write(`write ${i}\n`);
        expect(await h.line(new RegExp(`^(ack|fail) .*${i}$`, 'm'))).toBe(`ack 锁测试记录${i}`);
        // A third process sees every acknowledged write at once.
        expect(titles()).toContain(`锁测试记录${i}`);
      }
      openAndClose();
      expect(freeForOthers()).toBe(false);
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
    } finally {
      h.p.kill('SIGKILL');
      await new Promise((r) => (h.p.exitCode !== null || h.p.signalCode !== null ? r(null) : h.p.once('exit', r)));
    }
    const after = titles();
    for (let i = 1; i <= 3; i++) expect(after).toContain(`锁测试记录${i}`);
    const ctx = openContext(file);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    ctx.close();
  }, 300_000);
});
