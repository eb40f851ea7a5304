/**
 * Backup benchmark: a ledger of 200,000 records plus 1 GB of attachments (100 × 10 MB random
 * files), all on the temp folder's disk.
 * - backup.create (snapshot, integrity_check, zip with every part hashed, fsync, read-back from the
 *   drive) against what any copy that proves itself must do with the same bytes: copyFile + fsync,
 *   then one read-back from the drive. Target: 1.5× the copy + fsync, plus that read-back.
 * - backup.verify of the file against `sha256sum` of the same file, in the same run. Target 1.5×.
 *   Verify runs as the app runs it: bundled, in a child under plain node (support/verify-child.ts),
 *   its threads bundled beside it; the same verify under tsx, in this process, is given for reference.
 * The create row's note says where its time goes, phase by phase (from its progress reports).
 * Needs about 4 GB free in the temp folder; everything is removed afterwards.
 *
 * Run alone with `npm run bench -- backup`.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { attachmentsDirFor, openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { verifyBackup } from '@core/backup/verify';
import { BACKUP_THREADS } from '@core/backup/thread-script';
import { bundleForNode } from '../test/support/bundle';
import { readFromDrive } from '@core/fs/drive-read';
import { alternatingMedians, median, timeMedian, type BenchRow } from './row';
import { scratchDir } from './support/scratch';
import { storeRandomEvidence } from './support/evidence';

export const RECORDS = 200_000;
export const FILES = 100;
export const FILE_BYTES = 10 * 1024 * 1024;
const RUNS = 3;

/** A ledger of `records` 党委会议 records and `files` × 10 MB random attachments (defaults: this bench's size). */
export function seed(file: string, size: { records?: number; files?: number } = {}): string[] {
  const RECORDS_N = size.records ?? RECORDS;
  const FILES_N = size.files ?? FILES;
  const ctx = openContext(file);
  const store = attachmentsDirFor(file);
  const files: string[] = [file];
  try {
    const t = new Date().toISOString();
    const ins = ctx.db.prepare(
      "INSERT INTO records (id, kind, date, year, data, search_text, created_at, updated_at) VALUES (?, 'meeting', ?, ?, ?, ?, ?, ?)",
    );
    const att = ctx.db.prepare('INSERT INTO attachments (id, record_id, name, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const ids: string[] = [];
    ctx.db.transaction(() => {
      for (let i = 0; i < RECORDS_N; i++) {
        const year = 2016 + (i % 10);
        const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const data = {
          meetingType: '党委会议',
          date,
          title: `第${i}次党委会议`,
          attendees: 9,
          topics: `研究第${i}项议题：依法行政、矛盾纠纷排查化解。`,
        };
        const id = randomUUID();
        ids.push(id);
        ins.run(id, date, year, JSON.stringify(data), data.title, t, t);
      }
    })();
    for (let i = 0; i < FILES_N; i++) {
      const { sha, file: f } = storeRandomEvidence(store, FILE_BYTES);
      files.push(f);
      att.run(randomUUID(), ids[(i * 1000) % ids.length], `现场照片${i}.jpg`, sha, FILE_BYTES, t);
    }
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    ctx.close();
  }
  return files;
}

/** What the backup's read-back does to the same bytes, with no zip around them: read from the drive, CRC-32. */
async function readBackAll(files: string[]): Promise<number> {
  let crc = 0;
  for (const f of files) await readFromDrive(f, (chunk) => (crc = zlib.crc32(chunk, crc)));
  return crc;
}

/** Reads the file once, so the timed reader that follows finds it in the page cache. */
function readWhole(file: string): void {
  const buf = Buffer.allocUnsafe(8 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

function sha256sum(file: string): void {
  const r = spawnSync('sha256sum', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sha256sum: ${r.error?.message ?? r.stderr}`);
}

/** Phases of one backup, from its progress reports: until the first part's byte is read, writing, until the read-back, the read-back. */
async function phasesOf(make: (progress: Parameters<typeof createBackup>[2]) => Promise<unknown>): Promise<number[]> {
  const t0 = performance.now();
  let firstWrite = 0;
  let lastWrite = 0;
  let check = 0;
  await make({
    recordLastBackup: false,
    progress: (p) => {
      const t = performance.now();
      if (p.stage === 'write') {
        firstWrite ||= t;
        if (p.done === p.total) lastWrite = t;
      } else check = t;
    },
  });
  const end = performance.now();
  return [firstWrite - t0, lastWrite - firstWrite, check - lastWrite, end - check];
}

/**
 * verifyBackup as the app runs it: a bundled child under plain node, its scan and integrity threads
 * bundled beside it under the names the build gives them; returns a function that verifies a file
 * once and gives the time verifyBackup took in the child.
 */
async function bundledVerify(dir: string): Promise<(file: string) => number> {
  const out = path.join(dir, 'verify-bundle');
  const child = await bundleForNode('bench/support/verify-child.ts', out);
  for (const { source, built } of Object.values(BACKUP_THREADS)) await bundleForNode(`electron/core/backup/${source}`, out, built);
  return (file) => {
    const r = spawnSync(process.execPath, [child, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`verify (bundled): ${r.error?.message ?? r.stderr}`);
    return Number(r.stdout.trim());
  };
}

export async function run(): Promise<BenchRow[]> {
  const dir = scratchDir('fazhi-bench-backup-', 4, '备份');
  try {
    const file = path.join(dir, 'ledger', '台账.db');
    const files = seed(file);
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    const out = path.join(dir, 'out');
    const ctx = openContext(file);
    try {
      const fresh = () => {
        fs.rmSync(out, { recursive: true, force: true });
        fs.mkdirSync(out);
      };
      const copies = files.map((_, i) => path.join(out, String(i)));
      // The backup fsyncs its file (it is meant for a U盘 pulled right after); the fair baseline does too.
      const copySyncMs = await timeMedian(RUNS, () => {
        fresh();
        files.forEach((f, i) => {
          fs.copyFileSync(f, copies[i]);
          const fd = fs.openSync(copies[i], 'r');
          fs.fsyncSync(fd);
          fs.closeSync(fd);
        });
      });
      const readBackMs = await timeMedian(RUNS, () => readBackAll(copies));
      let backupFile = '';
      let phases: number[] = [];
      const backupMs = await timeMedian(RUNS, async () => {
        fresh();
        phases = await phasesOf(async (opts) => (backupFile = (await createBackup(ctx, out, opts)).file));
      });
      const verifyBundled = await bundledVerify(dir);
      // The bundled child's own time (its start-up left out), not the wall time around it.
      const bundledMs: number[] = [];
      // Taking turns run by run, each side after reading the file once untimed: create's read-back
      // left it out of the page cache, and left to chance sha256sum of it took 2.5–4.2 s between runs.
      const [sumMs, tsxVerifyMs] = await alternatingMedians(
        RUNS,
        [() => sha256sum(backupFile), () => verifyBackup(backupFile), () => void bundledMs.push(verifyBundled(backupFile))],
        () => readWhole(backupFile),
      );
      const verifyMs = median(bundledMs);
      const size = fs.statSync(backupFile).size;
      const gb = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GB`;
      const ms = (n: number) => `${Math.round(n)} ms`;
      const createTarget = 1.5 * copySyncMs + readBackMs;
      return [
        { name: `backup.copyFile + fsync baseline (${gb(bytes)})`, ms: copySyncMs },
        { name: 'backup.read-back baseline (the copies, from the drive)', ms: readBackMs },
        {
          name: `backup.create (${RECORDS / 1000}k records + ${FILES}×10 MB)`,
          ms: backupMs,
          targetMs: Math.round(createTarget),
          against: '1.5× copyFile+fsync + one read-back, same bytes, same run',
          note:
            `${(backupMs / createTarget).toFixed(2)}× target's measure, ${(backupMs / copySyncMs).toFixed(2)}× copyFile+fsync, ` +
            `${(backupMs / (copySyncMs + readBackMs)).toFixed(2)}× copy+fsync+read-back; file ${gb(size)}; last run: ` +
            `snapshot + facts ${ms(phases[0])}, zip (each part read once: SHA-256 + CRC-32 + write, flushed to the drive behind; ` +
            `snapshot deflated; integrity_check in its own thread meanwhile) ${ms(phases[1])}, manifest + fsync + integrity verdict ${ms(phases[2])}, ` +
            `read-back from the drive + rename ${ms(phases[3])}`,
        },
        { name: 'backup.sha256sum baseline (the backup file)', ms: sumMs },
        {
          name: 'backup.verify',
          ms: verifyMs,
          targetMs: Math.round(1.5 * sumMs),
          against: '1.5× sha256sum of the same file, same run',
          note:
            `${(verifyMs / sumMs).toFixed(2)}× sha256sum, bundled as the app runs it (under tsx in this process: ${ms(tsxVerifyMs)}, ` +
            `${(tsxVerifyMs / sumMs).toFixed(2)}×); one read of the stored parts (SHA-256 + whole-file CRC) in a thread, ` +
            `integrity_check in another, the snapshot's inflate + schema + every row checked on the main thread`,
        },
      ];
    } finally {
      ctx.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
