/**
 * The read-back after writing reads the drive, not the OS cache. A real file system on a real block
 * device: an ext4 image file, loop-mounted here (the test runs as root, as CI does). Between the
 * backup's fsync and its read-back (the `beforeReadBack` hook) the test changes bytes of the backup
 * file inside the image file, underneath the mounted file system: the drive now holds other bytes
 * than the ones written, as with a stick that drops writes. The page cache still holds the written
 * bytes, so a read through it sees nothing wrong (checked here, so this test can fail); the
 * backup's read-back must see the change, refuse in Chinese, and leave the last good backup alone.
 * If the image cannot be made or mounted the test fails saying why: it never skips.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackup } from '@core/backup/create';
import { verifyBackup } from '@core/backup/verify';
import { readFromDrive } from '@core/fs/drive-read';
import { seedLedger, tempDir, type Seeded } from './helpers';

const dir = tempDir('fazhi-drive-');
const image = path.join(dir, 'U盘.img');
const usb = path.join(dir, 'U盘');
let mounted = false;
let s: Seeded;

function run(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? null : `${cmd} ${args.join(' ')}: ${(r.error?.message ?? r.stderr).trim() || `exit ${r.status}`}`;
}

beforeAll(async () => {
  fs.writeFileSync(image, '');
  fs.truncateSync(image, 48 * 1024 * 1024);
  const made = run('mkfs.ext4', ['-q', '-F', '-b', '4096', image]);
  if (made) throw new Error(`cannot make the ext4 image this test mounts: ${made}`);
  fs.mkdirSync(usb);
  const why = run('mount', ['-o', 'loop', image, usb]);
  if (why) throw new Error(`cannot loop-mount the ext4 image this test backs up onto (it needs root and a loop device, as CI has): ${why}`);
  mounted = true;
  s = await seedLedger(path.join(dir), { files: 4, fileBytes: 400_000 });
});

afterAll(() => {
  s?.ctx.close();
  const why = mounted ? run('umount', [usb]) && run('umount', ['-l', usb]) : null;
  fs.rmSync(dir, { recursive: true, force: true });
  if (why) throw new Error(why);
});

/** Where byte `offset` of `file` (on the mounted image) lies in the image file, from the file's extents. */
function offsetInImage(file: string, offset: number): number {
  const r = spawnSync('filefrag', ['-v', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`filefrag ${file}: ${r.error?.message ?? r.stderr}`);
  const block = Number(/blocks of (\d+) bytes/.exec(r.stdout)?.[1]);
  // " 0:        0..      73:       2112..      2185:     74: ..." — logical start, physical start, length (in blocks).
  for (const m of r.stdout.matchAll(/^\s*\d+:\s+(\d+)\.\.\s*\d+:\s+(\d+)\.\.\s*\d+:\s+(\d+):/gm)) {
    const [logical, physical, length] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const want = Math.floor(offset / block);
    if (want >= logical && want < logical + length) return (physical + want - logical) * block + (offset % block);
  }
  throw new Error(`no extent of ${file} holds byte ${offset}:\n${r.stdout}`);
}

function readAt(file: string, offset: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, b, 0, length, offset);
  } finally {
    fs.closeSync(fd);
  }
  return b;
}

it('a backup onto the loop-mounted drive is read back from the drive itself', async () => {
  const good = await createBackup(s.ctx, usb, { now: new Date('2024-03-01T02:00:00Z') });
  expect(good.readFromDrive).toBe(true);
  await expect(verifyBackup(good.file)).resolves.toBeTruthy();
});

it('bytes the drive changed after the fsync fail the read-back; the last good backup stays', async () => {
  const [good] = fs.readdirSync(usb).filter((f) => f.endsWith('.ftzb'));
  expect(good).toBeTruthy();
  const goodBytes = fs.readFileSync(path.join(usb, good));

  // 256 KB into the file: inside the attachments (random bytes), away from any header.
  const at = 256 * 1024;
  const none: Buffer = Buffer.alloc(0);
  const seen = { written: none, planted: none, throughCache: none, fromDrive: none };
  const failed = await createBackup(s.ctx, usb, {
    now: new Date('2024-03-02T02:00:00Z'),
    beforeReadBack: async (tmp) => {
      seen.written = readAt(tmp, at, 512);
      const where = offsetInImage(tmp, at);
      // The extents are right: the image holds the written bytes there.
      expect(readAt(image, where, 512)).toEqual(seen.written);
      seen.planted = Buffer.from(seen.written.map((b) => b ^ 0xff));
      const fd = fs.openSync(image, 'r+');
      try {
        fs.writeSync(fd, seen.planted, 0, seen.planted.length, where);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      seen.throughCache = readAt(tmp, at, 512);
      await readFromDrive(tmp, (chunk, pos) => {
        if (pos <= at && at < pos + chunk.length) seen.fromDrive = Buffer.from(chunk.subarray(at - pos, at - pos + 512));
      });
    },
  }).then(
    () => null,
    (err: Error) => err.message,
  );

  // What the drive holds changed; a read through the page cache would not have noticed.
  expect(seen.throughCache).toEqual(seen.written);
  expect(seen.fromDrive).toEqual(seen.planted);
  expect(failed).toBe('备份失败：写入后回读校验未通过（从U盘读回的内容与写入的不一致），U盘可能有坏块，请换一个U盘重试。');
  // Nothing new under a final name, no temp file; the last good backup is whole and still verifies.
  expect(fs.readdirSync(usb).filter((f) => f !== 'lost+found')).toEqual([good]);
  expect(fs.readFileSync(path.join(usb, good)).equals(goodBytes)).toBe(true);
  await expect(verifyBackup(path.join(usb, good))).resolves.toBeTruthy();
});
