/**
 * Crash test: a child process doing a backup or a restore is SIGKILLed at several moments.
 * Afterwards the ledger opens, passes integrity_check and holds exactly a whole state (for a
 * backup: what it held before; for a restore: the state before, or the backup's state if the
 * kill came after the atomic swap) with every attachment present; no backup file exists under
 * the final name unless it is complete and sound.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor, openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { verifyBackup } from '@core/backup/verify';
import { bundleForNode } from '../support/bundle';
import { api, bulkRecords, integrityOk, meeting, seedLedger, snapshotOf, tempDir } from './helpers';

let dir: string;
/** crash-child.ts bundled for plain node: the test starts it 14 times (test/support/bundle.ts). */
let child: string;
let pristine: string; // a closed copy of the ledger folder to start every round from
let backupOfS1: string;
let stateS1: ReturnType<typeof snapshotOf>;
let stateS2: ReturnType<typeof snapshotOf>;

/** Runs the child; kills it `killAfterMs` after it printed `go` (never, when null). */
function runChild(args: string[], killAfterMs: number | null): Promise<{ finished: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    // The child's temp files (snapshot, verify copies) stay inside the test folder even when it is killed.
    const env = { ...process.env, TMPDIR: path.join(dir, 'tmp'), TEMP: path.join(dir, 'tmp'), TMP: path.join(dir, 'tmp') };
    const p = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.stdout.on('data', (d: Buffer) => {
      out += d;
      if (killAfterMs !== null && out.includes('go\n') && !out.includes('armed')) {
        out += 'armed';
        setTimeout(() => p.kill('SIGKILL'), killAfterMs);
      }
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      const m = /done (\d+)/.exec(out);
      if (code && code !== 0) reject(new Error(`child failed: ${err}`));
      else resolve({ finished: !!m && signal === null, ms: m ? Number(m[1]) : 0 });
    });
  });
}

function copyDir(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

beforeAll(async () => {
  dir = tempDir('fazhi-crash-');
  const work = path.join(dir, 'ledger');
  fs.mkdirSync(work);
  fs.mkdirSync(path.join(dir, 'tmp'));
  child = await bundleForNode('test/backup/crash-child.ts', path.join(dir, 'bin'));
  const s = await seedLedger(work, { files: 24, fileBytes: 150_000 });
  bulkRecords(s.ctx.db, 6000);
  stateS1 = snapshotOf(s.ctx);
  fs.mkdirSync(path.join(dir, 'usb'));
  backupOfS1 = (await createBackup(s.ctx, path.join(dir, 'usb'))).file;
  // State S2: different records and attachments from the backup's S1.
  bulkRecords(s.ctx.db, 500);
  const rec = await api<{ id: string }>(s.ctx, 'records.create', { kind: 'meeting', data: meeting(7) });
  fs.writeFileSync(path.join(work, 'extra.pdf'), Buffer.alloc(300_000, 7));
  await api(s.ctx, 'attachments.add', { recordId: rec.id, sourcePath: path.join(work, 'extra.pdf') });
  stateS2 = snapshotOf(s.ctx);
  s.ctx.close();
  pristine = path.join(dir, 'pristine');
  copyDir(work, pristine);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function checkLedger(file: string, allowed: ReturnType<typeof snapshotOf>[]): number {
  const ctx = openContext(file);
  try {
    expect(integrityOk(ctx.db)).toBe(true);
    const now = snapshotOf(ctx); // throws if an attachment of the ledger is missing or wrong
    const i = allowed.findIndex((a) => a.ledger === now.ledger && JSON.stringify(a.attachments) === JSON.stringify(now.attachments));
    expect(i, 'ledger holds a whole state').toBeGreaterThanOrEqual(0);
    return i;
  } finally {
    ctx.close();
  }
}

describe('SIGKILL in the middle', () => {
  it('of a backup: the ledger is as before; no final file unless it is sound', async () => {
    const work = path.join(dir, 'b');
    copyDir(pristine, work);
    const db = path.join(work, '台账.db');
    const target = path.join(dir, 'target');
    fs.mkdirSync(target);
    const full = await runChild(['backup', db, target], null);
    expect(full.finished).toBe(true);
    fs.rmSync(target, { recursive: true });
    for (const frac of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      fs.mkdirSync(target);
      const r = await runChild(['backup', db, target], Math.round(full.ms * frac));
      expect(checkLedger(db, [stateS2])).toBe(0);
      const finals = fs.readdirSync(target).filter((f) => f.endsWith('.ftzb'));
      if (!r.finished) for (const f of finals) await expect(verifyBackup(path.join(target, f))).resolves.toBeTruthy();
      expect(fs.readdirSync(target).every((f) => f.endsWith('.ftzb') || f.endsWith('.tmp'))).toBe(true);
      fs.rmSync(target, { recursive: true });
    }
  });

  it('of a restore: the ledger opens whole, either as before or as the backup, never a mixture', async () => {
    const work = path.join(dir, 'r');
    const db = path.join(work, '台账.db');
    copyDir(pristine, work);
    const full = await runChild(['restore', db, backupOfS1], null);
    expect(full.finished).toBe(true);
    expect(checkLedger(db, [stateS1])).toBe(0);
    const seen: number[] = [];
    for (const frac of [0.05, 0.2, 0.4, 0.6, 0.8, 0.95]) {
      copyDir(pristine, work);
      await runChild(['restore', db, backupOfS1], Math.round(full.ms * frac));
      seen.push(checkLedger(db, [stateS2, stateS1]));
      // Leftover files beside the ledger are only staging folders, never a second ledger.
      expect(fs.existsSync(attachmentsDirFor(db))).toBe(true);
    }
    // A later restore still works (stale staging is cleared).
    await runChild(['restore', db, backupOfS1], null);
    expect(checkLedger(db, [stateS1])).toBe(0);
    console.log(`restore ${full.ms} ms; state after each kill (0 = before, 1 = backup's):`, seen.join(' '));
  });
});
