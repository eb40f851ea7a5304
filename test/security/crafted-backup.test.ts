/**
 * A backup is judged by what it holds, not only by its checksums
 * (anyone can recompute those). Each crafted backup here carries correct hashes, manifest and CRC,
 * built with the app's own writer; each must be refused with a Chinese reason before the ledger
 * changes, and after the refusal and a backup (which writes lastBackupAt, the write a hostile
 * trigger on settings fired on) the ledger still holds every record.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsDirFor, callApi } from '@core/api';
import { createBackup } from '@core/backup/create';
import { attachmentPart, BACKUP_FORMAT, SNAPSHOT_NAME, type Manifest } from '@core/backup/format';
import { dbFacts, takeSnapshot, withReadOnly } from '@core/backup/snapshot';
import { openFileOutput, writeArchive, type SourcePart } from '@core/backup/write';
import { attachmentFile } from '@core/ledger/attachments';
import { SCHEMA_VERSION } from '@core/db/migrations';
import { api, seedLedger, snapshotOf, tempDir, type Seeded } from '../backup/helpers';

let dir: string;
let s: Seeded;
let before: ReturnType<typeof snapshotOf>;
let n = 0;

/** Writes a backup of `snap` exactly as the app would (hashes, manifest, CRC all correct). */
async function archive(snap: string, manifestPatch: Partial<Manifest> = {}, declared?: number): Promise<string> {
  const facts =
    declared === undefined
      ? withReadOnly(snap, dbFacts)
      : { schemaVersion: 1, town: '双土镇', counts: { records: {}, trash: 0, attachments: 0, attachmentFiles: 0, reports: 0 }, files: [] };
  const store = attachmentsDirFor(s.file);
  const parts: SourcePart[] = [
    { path: SNAPSHOT_NAME, file: snap, size: declared ?? fs.statSync(snap).size, compress: true, label: '数据库快照' },
    ...facts.files.map((f) => ({
      path: attachmentPart(f.sha256),
      file: attachmentFile(store, f.sha256),
      size: f.size,
      compress: false,
      label: f.name,
    })),
  ];
  const out = path.join(dir, `crafted-${++n}.ftzb`);
  const sink = await openFileOutput(out);
  const now = new Date();
  await writeArchive(
    sink,
    parts,
    (hashed) =>
      Buffer.from(
        JSON.stringify({
          format: BACKUP_FORMAT,
          formatVersion: 1,
          appVersion: '0.1.0',
          schemaVersion: facts.schemaVersion,
          createdAt: now.toISOString(),
          town: facts.town,
          counts: facts.counts,
          parts: hashed,
          ...manifestPatch,
        }),
      ),
    now,
  );
  await sink.sync();
  await sink.close();
  return out;
}

/** A snapshot of the seeded ledger, changed by `sql` on a plain connection, then archived. */
async function crafted(sql: string, opts: { checks?: boolean; unsafe?: boolean } = {}): Promise<string> {
  const snap = path.join(dir, `snap-${++n}.sqlite`);
  await takeSnapshot(s.ctx.db, snap);
  const db = new Database(snap);
  if (opts.unsafe) db.unsafeMode(true);
  if (opts.checks === false) db.pragma('ignore_check_constraints = ON');
  db.exec(sql);
  db.close();
  return archive(snap);
}

async function expectRefused(file: string, reason: RegExp): Promise<void> {
  const r = await callApi(s.ctx, 'backup.restore', { file });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).not.toBe('INTERNAL');
  expect(r.error.message).toMatch(/^恢复已取消，台账未作任何改动/);
  expect(r.error.message + r.error.issues.map((i) => i.message).join(' ')).toMatch(reason);
  // verify says the same, without a ledger.
  const v = await api<{ sound: boolean; problem?: string }>(s.ctx, 'backup.verify', { file });
  expect(v.sound).toBe(false);
  expect(snapshotOf(s.ctx)).toEqual(before);
  // The write that fired the hostile trigger: a backup records lastBackupAt.
  await createBackup(s.ctx, path.join(dir, 'usb'));
  expect(snapshotOf(s.ctx)).toEqual(before);
  expect((s.ctx.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(s.recordIds.length + 1);
}

beforeAll(async () => {
  dir = tempDir('fazhi-crafted-');
  s = await seedLedger(dir);
  await api(s.ctx, 'records.create', {
    kind: 'enforcement',
    data: { date: '2023-05-06', title: '占道经营', domain: '市容环境', procedure: '简易程序', action: '罚款', tickets: 1, fineAmount: 100 },
  });
  fs.mkdirSync(path.join(dir, 'usb'));
  before = snapshotOf(s.ctx);
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a crafted backup with correct checksums is refused before the ledger changes', () => {
  it('a trigger that deletes every record on the next settings write', async () => {
    await expectRefused(await crafted('CREATE TRIGGER wipe AFTER INSERT ON settings BEGIN DELETE FROM records; END;'), /触发器“wipe”/);
  });
  it('a trigger that changes a fine', async () => {
    await expectRefused(
      await crafted(
        "CREATE TRIGGER fine AFTER UPDATE ON settings BEGIN UPDATE records SET data = json_set(data, '$.fineAmount', 999999); END;",
      ),
      /触发器“fine”/,
    );
  });
  it('a view', async () => {
    await expectRefused(await crafted('CREATE VIEW v AS SELECT * FROM records;'), /视图“v”/);
  });
  it('an extra table', async () => {
    await expectRefused(await crafted('CREATE TABLE extra (x);'), /数据表“extra”/);
  });
  it('an index on an expression', async () => {
    await expectRefused(await crafted("CREATE INDEX ix ON records (json_extract(data, '$.title'));"), /索引“ix”/);
  });
  it('a changed table definition (the CHECK dropped)', async () => {
    await expectRefused(
      await crafted(
        "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, 'CHECK (json_valid(data))', '') WHERE name = 'reports'; PRAGMA writable_schema = OFF;",
        { unsafe: true },
      ),
      /数据表“reports”的定义被改动过/,
    );
  });
  it('a row with invalid JSON', async () => {
    await expectRefused(await crafted("UPDATE records SET data = '{not json' WHERE rowid = 1;", { checks: false }), /不是有效的 JSON/);
  });
  it('a row with an unknown kind', async () => {
    await expectRefused(await crafted("UPDATE records SET kind = 'rocket' WHERE rowid = 1;"), /未知的台账类型“rocket”/);
  });
  it('negative money', async () => {
    await expectRefused(
      await crafted("UPDATE records SET data = json_set(data, '$.fineAmount', -100) WHERE kind = 'enforcement';"),
      /金额不能为负数/,
    );
  });
  it('a record whose date column disagrees with its data', async () => {
    await expectRefused(await crafted('UPDATE records SET year = 1999 WHERE rowid = 1;'), /日期列与记录内容不一致/);
  });
  it('a garbage report', async () => {
    await expectRefused(await crafted(`UPDATE reports SET data = '{"title":1}';`), /年度报告内容格式不正确/);
  });
  it('an id the app could never edit (over 100 characters)', async () => {
    await expectRefused(
      await crafted(
        `UPDATE records SET id = '${'x'.repeat(300)}' WHERE rowid = (SELECT min(rowid) FROM records WHERE id NOT IN (SELECT record_id FROM attachments));`,
      ),
      /记录编号不能超过100个字符/,
    );
  });
  it('a newer schema', async () => {
    const r = await callApi(s.ctx, 'backup.restore', {
      file: await crafted(`CREATE TABLE future (x); PRAGMA user_version = ${SCHEMA_VERSION + 1};`),
    });
    expect(r.ok ? null : r.error.code).toBe('SCHEMA_TOO_NEW');
    expect(snapshotOf(s.ctx)).toEqual(before);
  });
  it('a file that is not SQLite at all, with a SQLite name and correct hashes', async () => {
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    const r = await callApi(s.ctx, 'backup.restore', { file: await archive(junk, {}, 8192) });
    expect(r.ok ? '' : r.error.message).toMatch(/^恢复已取消，台账未作任何改动：备份文件已损坏：数据库快照不是 SQLite 数据库/);
    expect(snapshotOf(s.ctx)).toEqual(before);
  });
});

describe('zip bomb', () => {
  /** A sparse file: a real SQLite header declaring `bytes`, then zeros (deflates about 1000 : 1). */
  function bombSnapshot(bytes: number, headerPages = bytes / 4096): string {
    const f = path.join(dir, `bomb-${++n}.sqlite`);
    const h = Buffer.alloc(100);
    h.write('SQLite format 3\0', 0, 'latin1');
    h.writeUInt16BE(4096, 16);
    h.writeUInt32BE(1, 24);
    h.writeUInt32BE(headerPages, 28);
    h.writeUInt32BE(headerPages - 1, 36);
    h.writeUInt32BE(1, 92);
    fs.writeFileSync(f, h);
    fs.truncateSync(f, bytes);
    return f;
  }
  const staged = () => fs.readdirSync(dir).filter((f) => f.includes('.restore-'));

  it('a small file declaring a huge snapshot is refused before the snapshot is written', async () => {
    const size = 256 * 1024 * 1024;
    const bomb = await archive(bombSnapshot(size), {}, size);
    expect(fs.statSync(bomb).size).toBeLessThan(size / 200);
    const r = await callApi(s.ctx, 'backup.restore', { file: bomb });
    expect(r.ok ? '' : r.error.message).toMatch(/压缩比异常/);
    expect(staged()).toEqual([]);
    expect(snapshotOf(s.ctx)).toEqual(before);
  });
  it('a snapshot whose header disagrees with its declared size is refused at its first bytes', async () => {
    const size = 8 * 1024 * 1024;
    const r = await callApi(s.ctx, 'backup.restore', { file: await archive(bombSnapshot(size, 3), {}, size) });
    expect(r.ok ? '' : r.error.message).toMatch(/数据库快照的大小与其文件头不符/);
    expect(snapshotOf(s.ctx)).toEqual(before);
  });
});
