/**
 * A backup that fails midway (full U盘, pulled drive, unreadable attachment) leaves no file under
 * the final name and no temp file, says what is wrong in Chinese, and never touches the ledger.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachmentsDirFor, callApi } from '@core/api';
import { createBackup } from '@core/backup/create';
import { fileOutputSyncing, openFileOutput, type OpenOutput } from '@core/backup/write';
import { attachmentFile } from '@core/ledger/attachments';
import { seedLedger, snapshotOf, tempDir, type Seeded } from './helpers';

let dir: string;
let s: Seeded;

beforeAll(async () => {
  dir = tempDir();
  s = await seedLedger(dir, { files: 4, fileBytes: 200_000 });
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes through to the real temp file, then fails with errno `code` once `limit` bytes are reached. */
function failingAfter(limit: number, code: string): OpenOutput {
  return async (tmp) => {
    const real = await openFileOutput(tmp);
    let written = 0;
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        if (written + chunk.length > limit) {
          const e = Object.assign(new Error(`${code}: simulated`), { code });
          return cb(e);
        }
        written += chunk.length;
        real.stream.write(chunk, cb);
      },
      final(cb) {
        real.stream.end(cb);
      },
    });
    return { stream, sync: real.sync, close: real.close };
  };
}

function target(name: string): string {
  const t = path.join(dir, name);
  fs.mkdirSync(t);
  return t;
}

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the backup to fail');
}

describe('a backup that fails', () => {
  it.each([
    ['ENOSPC', 300_000, '空间不足'],
    ['EIO', 500_000, '读写出错'],
    ['EIO', 10, '读写出错'],
    ['ENODEV', 700_000, '拔出'],
    ['EPERM', 1, '安全策略'],
  ])('%s after %d bytes: no final file, no temp, a Chinese reason', async (code, limit, text) => {
    const before = snapshotOf(s.ctx);
    const t = target(`fail-${code}-${limit}`);
    const why = await failure(createBackup(s.ctx, t, { openOutput: failingAfter(limit, code) }));
    expect(why).toMatch(/^备份失败：/);
    expect(why).toContain(text);
    expect(fs.readdirSync(t)).toEqual([]);
    expect(snapshotOf(s.ctx)).toEqual(before);
  });

  it('a drive whose flush behind the writer fails (EIO) fails the backup, even though the last fsync succeeds', async () => {
    const before = snapshotOf(s.ctx);
    const t = target('flush-EIO');
    // On Linux a failed flush is reported once: the final fsync would say nothing of it.
    const spy = vi
      .spyOn(fs, 'fdatasync')
      .mockImplementation(((_fd: number, cb: fs.NoParamCallback) =>
        cb(Object.assign(new Error('EIO: simulated'), { code: 'EIO' }))) as typeof fs.fdatasync);
    try {
      const why = await failure(createBackup(s.ctx, t, { openOutput: fileOutputSyncing(64 * 1024) }));
      expect(spy).toHaveBeenCalled();
      expect(why).toMatch(/^备份失败：/);
      expect(why).toContain('读写出错');
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(t)).toEqual([]);
    expect(snapshotOf(s.ctx)).toEqual(before);
  });

  it('a missing target folder (pulled drive) is reported before anything is written', async () => {
    const r = await callApi(s.ctx, 'backup.create', { targetDir: path.join(dir, 'gone') });
    expect(r.ok ? '' : r.error.message).toContain('找不到目标文件夹');
  });

  it('a damaged or missing attachment in the store names the file and leaves nothing behind', async () => {
    const row = s.ctx.db.prepare('SELECT name, sha256 FROM attachments ORDER BY name LIMIT 1').get() as { name: string; sha256: string };
    const f = attachmentFile(attachmentsDirFor(s.file), row.sha256);
    const original = fs.readFileSync(f);
    try {
      const flipped = Buffer.from(original);
      flipped[1000] ^= 1;
      fs.writeFileSync(f, flipped);
      const t = target('damaged-attachment');
      const why = await failure(createBackup(s.ctx, t));
      expect(why).toContain(`附件文件已损坏或被改动：“${row.name}”`);
      expect(fs.readdirSync(t)).toEqual([]);
      fs.rmSync(f);
      const why2 = await failure(createBackup(s.ctx, t));
      expect(why2).toContain(`附件文件缺失：“${row.name}”`);
      expect(fs.readdirSync(t)).toEqual([]);
    } finally {
      fs.writeFileSync(f, original);
    }
  });

  it('a drive that lost the end of the file after the fsync fails the read-back; nothing is left', async () => {
    const t = target('lost-end');
    const why = await failure(
      createBackup(s.ctx, t, {
        beforeReadBack: (tmp) => fs.truncateSync(tmp, fs.statSync(tmp).size - 1000),
      }),
    );
    expect(why).toMatch(/^备份失败：写入后回读校验未通过（读回 \d+ 字节，写入的是 \d+ 字节），U盘可能有坏块/);
    expect(fs.readdirSync(t)).toEqual([]);
  });

  it('temp files left by a killed backup are cleaned up by the next one', async () => {
    const t = target('stale');
    const stale = path.join(t, '.法治台账备份_双土镇_2024-01-01_0900.ftzb.0a1b2c3d.tmp');
    fs.writeFileSync(stale, 'half a backup');
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(stale, old, old);
    const made = await createBackup(s.ctx, t);
    expect(fs.readdirSync(t)).toEqual([path.basename(made.file)]);
  });
});
