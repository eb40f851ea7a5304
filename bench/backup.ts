/**
 * Backup benchmark: a ledger of 200,000 records plus 1 GB of attachments (100 × 10 MB random
 * files). Backup (snapshot, zip, fsync, full read-back verification) against a plain fs.copyFile
 * of the same bytes on the same disk, and verify against reading those bytes; targets are 2×.
 * Needs about 4 GB free in the temp folder; everything is removed afterwards.
 *
 * Run alone with `npm run bench -- backup`.
 */
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentsDirFor, openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { verifyBackup } from '@core/backup/verify';
import { attachmentFile } from '@core/ledger/attachments';
import { timeMedian, type BenchRow } from './row';
import { scratchDir } from './support/scratch';

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
      const buf = randomBytes(FILE_BYTES);
      const sha = createHash('sha256').update(buf).digest('hex');
      const f = attachmentFile(store, sha);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, buf);
      files.push(f);
      att.run(randomUUID(), ids[(i * 1000) % ids.length], `现场照片${i}.jpg`, sha, FILE_BYTES, t);
    }
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    ctx.close();
  }
  return files;
}

function readAll(files: string[]): number {
  const buf = Buffer.allocUnsafe(1 << 20);
  let total = 0;
  for (const f of files) {
    const fd = fs.openSync(f, 'r');
    try {
      for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) total += n;
    } finally {
      fs.closeSync(fd);
    }
  }
  return total;
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
      const copyMs = await timeMedian(RUNS, () => {
        fresh();
        files.forEach((f, i) => fs.copyFileSync(f, path.join(out, String(i))));
      });
      // The backup fsyncs its file (it is meant for a U盘 pulled right after); the fair baseline does too.
      const copySyncMs = await timeMedian(RUNS, () => {
        fresh();
        files.forEach((f, i) => {
          const to = path.join(out, String(i));
          fs.copyFileSync(f, to);
          const fd = fs.openSync(to, 'r');
          fs.fsyncSync(fd);
          fs.closeSync(fd);
        });
      });
      let backupFile = '';
      const backupMs = await timeMedian(RUNS, async () => {
        fresh();
        backupFile = (await createBackup(ctx, out, { recordLastBackup: false })).file;
      });
      const readMs = await timeMedian(RUNS, () => readAll(files));
      const verifyMs = await timeMedian(RUNS, () => verifyBackup(backupFile));
      const size = fs.statSync(backupFile).size;
      const gb = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GB`;
      return [
        { name: `backup.copyFile baseline (${gb(bytes)})`, ms: copyMs },
        { name: 'backup.copyFile + fsync baseline', ms: copySyncMs },
        {
          name: `backup.create (${RECORDS / 1000}k records + ${FILES}×10 MB)`,
          ms: backupMs,
          targetMs: Math.round(2 * copyMs),
          note: `${(backupMs / copyMs).toFixed(2)}× copyFile, ${(backupMs / copySyncMs).toFixed(2)}× copyFile+fsync; file ${gb(size)}; includes full read-back verify`,
        },
        { name: 'backup.read baseline (same bytes)', ms: readMs },
        {
          name: 'backup.verify',
          ms: verifyMs,
          targetMs: Math.round(2 * readMs),
          note: `${(verifyMs / readMs).toFixed(2)}× reading the bytes; SHA-256 of every part + integrity_check + whole-file CRC`,
        },
      ];
    } finally {
      ctx.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
