/**
 * With real processes on one ledger file:
 * - a restore or JSON import is refused while another process has the ledger open (its
 *   acknowledged writes would otherwise go to the replaced file), and allowed once it is gone,
 *   even when it was killed (the OS drops its lock);
 * - two processes writing at once both succeed (IMMEDIATE transactions wait; bounded run);
 * - a refused CLI import never removes a ledger another process is importing into.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { EXCHANGE_FORMAT } from '@core/ledger/exchange';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { exportLedger } from '@core/ledger/exchange';
import { api, seedLedger, tempDir, type Seeded } from '../backup/helpers';
import { bundleForNode } from '../support/bundle';

const ROOT = path.resolve(__dirname, '../..');
/** ledger-child.ts and the CLI bundled for plain node (test/support/bundle.ts): started six times. */
let CHILD: string;
let CLI: string;

function child(args: string[]): { p: ChildProcess; ready: Promise<void>; out: Promise<string> } {
  const p = spawn(process.execPath, [CHILD, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  p.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<string>((resolve, reject) =>
    p.on('exit', (code) => (code === 0 || code === null ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`)))),
  );
  return { p, ready, out: done };
}

let dir: string;
let s: Seeded;
let backup: string;

beforeAll(async () => {
  dir = tempDir('fazhi-proc-');
  [CHILD, CLI] = await Promise.all([
    bundleForNode('test/security/ledger-child.ts', path.join(dir, 'bin')),
    bundleForNode('electron/cli/index.ts', path.join(dir, 'bin')),
  ]);
  s = await seedLedger(dir);
  fs.mkdirSync(path.join(dir, 'usb'));
  backup = (await createBackup(s.ctx, path.join(dir, 'usb'))).file;
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a ledger another process has open', () => {
  it('refuses a restore and a JSON import with a Chinese message, changes nothing, and allows them once that process is gone', async () => {
    const before = exportLedger(s.ctx.db);
    const other = child(['hold', s.file]);
    await other.ready;
    const restore = await callApi(s.ctx, 'backup.restore', { file: backup });
    expect(restore.ok ? '' : restore.error.message).toMatch(/台账正被另一个程序打开.*不能恢复备份/);
    const imp = await callApi(s.ctx, 'exchange.import', { text: before });
    expect(imp.ok ? '' : imp.error.message).toMatch(/台账正被另一个程序打开.*不能导入交换文件/);
    expect(exportLedger(s.ctx.db)).toBe(before);
    // The ledger is still writable for ordinary work meanwhile.
    await api(s.ctx, 'settings.get');

    // Killed without closing anything: the OS releases its lock, so nothing stale remains.
    other.p.kill('SIGKILL');
    await other.out.catch(() => undefined);
    expect((await callApi(s.ctx, 'backup.restore', { file: backup })).ok).toBe(true);
  });

  it('keeps a second process from opening the ledger while a restore runs', async () => {
    const release = s.ctx.exclusive('恢复备份');
    try {
      const started = Date.now();
      expect(() => openContext(s.file)).toThrow(/正被另一个程序恢复或整体导入/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    } finally {
      release();
    }
    openContext(s.file).close();
  });
});

describe('two processes writing one ledger', () => {
  it('both succeed: no create fails within the busy timeout', async () => {
    const file = path.join(dir, 'stress.db');
    openContext(file).close();
    const N = 300;
    const a = child(['write', file, String(N)]);
    const b = child(['write', file, String(N)]);
    await Promise.all([a.ready, b.ready]);
    for (const c of [a, b]) c.p.stdin!.end('go\n');
    const results = (await Promise.all([a.out, b.out])).map(
      (o) => JSON.parse(o.split('\n')[1]) as { ok: number; failures: Record<string, number> },
    );
    expect(results.map((r) => r.failures)).toEqual([{}, {}]);
    expect(results.map((r) => r.ok)).toEqual([N, N]);
    const ctx = openContext(file);
    expect((ctx.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(2 * N);
    ctx.close();
  });
});

describe('a ledger busy past the timeout', () => {
  it('answers 台账正被其他程序使用, never 内部错误', async () => {
    const other = new Database(s.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await callApi(s.ctx, 'records.create', {
        kind: 'meeting',
        data: { meetingType: '党委会议', date: '2024-03-01', title: '等待', attendees: 9 },
      });
      expect(r.ok ? null : r.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^台账正被其他程序使用/) });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

/** The real CLI as a child process, resolving with its exit code and stderr. */
function cli(args: string[]): Promise<{ code: number | null; err: string }> {
  const p = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => p.on('exit', (code) => resolve({ code, err })));
}

describe('a refused CLI import racing a good one into the same new ledger', () => {
  it('never removes the ledger the other process imported into', async () => {
    const target = path.join(dir, 'race', 'new.db');
    // Large enough that checking it takes a while: every record is wrong.
    const bad = path.join(dir, 'bad.json');
    const records = Array.from({ length: 60_000 }, (_, i) => ({
      id: `r${i}`,
      kind: 'meeting',
      data: { title: `无日期${i}` },
      createdAt: '2023-01-01T00:00:00Z',
      updatedAt: '2023-01-01T00:00:00Z',
    }));
    fs.writeFileSync(bad, JSON.stringify({ format: EXCHANGE_FORMAT, version: 1, records }));
    const good = path.join(ROOT, 'test/fixtures/shuangtu-2023.json');
    const first = cli(['import', '--db', target, bad]);
    const deadline = Date.now() + 30_000;
    while (!fs.existsSync(target) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const second = cli(['import', '--db', target, good]);
    const [a, b] = await Promise.all([first, second]);
    expect(a.code).toBe(1);
    if (b.code === 0) {
      // The good import went through: its ledger must be there, whole.
      const ctx = openContext(target);
      expect((ctx.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBeGreaterThan(100);
      ctx.close();
    } else {
      expect(b.err).toMatch(/台账正被另一个程序/);
    }
  });
});
