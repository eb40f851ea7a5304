/**
 * Test support for backup tests: temp folders, a seeded ledger (records of several kinds, one in
 * the 回收站, a report, attachments added through the API), and checks that compare two ledgers.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { attachmentsDirFor, openContext, type LedgerContext } from '@core/api';
import { api } from '../support/call';
import type { Db } from '@core/db/open';
import { exportLedger } from '@core/ledger/exchange';
import { attachmentFile } from '@core/ledger/attachments';
import { insertRecord } from '@core/ledger/records';
import { getSettings } from '@core/ledger/settings';
import { defaultReportSpec } from '@core/report/default-outline';

export function tempDir(prefix = 'fazhi-bk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export { api };

export const meeting = (i: number) => ({
  meetingType: '党委会议',
  date: `2024-0${1 + (i % 9)}-1${i % 10}`,
  title: `第${i}次党委会议`,
  attendees: 9,
});
export const training = (i: number) => ({
  date: `2023-1${i % 3}-0${1 + (i % 9)}`,
  eventType: '普法宣传活动',
  title: `普法宣传${i}`,
  participants: 100 + i,
});

export interface Seeded {
  ctx: LedgerContext;
  file: string;
  dir: string;
  recordIds: string[];
}

/** A ledger with settings, records of two kinds, one in the 回收站, a report and `files` attachments. */
export async function seedLedger(
  dir: string,
  opts: { records?: number; files?: number; fileBytes?: number; name?: string } = {},
): Promise<Seeded> {
  const file = path.join(dir, opts.name ?? '台账.db');
  const ctx = openContext(file);
  await api(ctx, 'settings.save', { settings: { town: '双土镇', villages: ['石桥村'] } });
  const ids: string[] = [];
  for (let i = 0; i < (opts.records ?? 6); i++) {
    const r = await api<{ id: string }>(
      ctx,
      'records.create',
      i % 2 ? { kind: 'training', data: training(i) } : { kind: 'meeting', data: meeting(i) },
    );
    ids.push(r.id);
  }
  await api(ctx, 'records.delete', { id: ids[ids.length - 1] });
  // A real report spec: a restore validates stored reports as an import does.
  ctx.db
    .prepare('INSERT INTO reports (year, data, updated_at) VALUES (2023, ?, ?)')
    .run(JSON.stringify(defaultReportSpec(2023, getSettings(ctx.db))), new Date().toISOString());
  const src = path.join(dir, 'src');
  fs.mkdirSync(src, { recursive: true });
  for (let i = 0; i < (opts.files ?? 3); i++) {
    const f = path.join(src, `照片${i}.jpg`);
    fs.writeFileSync(f, randomBytes(opts.fileBytes ?? 50_000 + i));
    await api(ctx, 'attachments.add', { recordId: ids[i % (ids.length - 1)], sourcePath: f });
  }
  // The same photo on two records: one stored file, two rows.
  await api(ctx, 'attachments.add', { recordId: ids[1], sourcePath: path.join(src, '照片0.jpg'), name: '同一张照片.jpg' });
  return { ctx, file, dir, recordIds: ids };
}

/** Many records inserted straight in one transaction (fast), for crash tests and the bench. */
export function bulkRecords(db: Db, n: number): void {
  const t = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const data = { ...meeting(i), topics: `议题${i} `.repeat(20) };
      insertRecord(db, {
        id: randomUUID(),
        kind: 'meeting',
        date: data.date,
        year: 2024,
        data,
        createdAt: t,
        updatedAt: t,
        deletedAt: null,
      });
    }
  })();
}

/** Every attachment row's file, read back: sha256 → bytes hash; throws if a file is missing or wrong. */
export function attachmentDigest(db: Db, ledgerFile: string): string[] {
  const rows = db.prepare('SELECT id, record_id, name, sha256, size FROM attachments ORDER BY id').all() as {
    id: string;
    record_id: string;
    name: string;
    sha256: string;
    size: number;
  }[];
  return rows.map((r) => {
    const data = fs.readFileSync(attachmentFile(attachmentsDirFor(ledgerFile), r.sha256));
    const h = createHash('sha256').update(data).digest('hex');
    if (h !== r.sha256 || data.length !== r.size) throw new Error(`attachment ${r.name} differs`);
    return `${r.id} ${r.record_id} ${r.name} ${h}`;
  });
}

export const snapshotOf = (ctx: LedgerContext) => ({ ledger: exportLedger(ctx.db), attachments: attachmentDigest(ctx.db, ctx.file) });

export function integrityOk(db: Db): boolean {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.length === 1 && rows[0].integrity_check === 'ok';
}
