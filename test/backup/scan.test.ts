/**
 * The backup scan (electron/core/backup/scan.ts, scan-pass.ts): one pass over a file gives the
 * whole-file CRC-32 and each range's SHA-256, extracting ranges where asked; it stops when asked,
 * between two reads, with its files closed. Each case runs in this thread and in a thread of its
 * own from source (through tsx); scan-built.test.ts runs the built thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScan } from '@core/backup/scan';
import { MB, scanFixture, type ScanFixture } from './scan-fixture';

let fx: ScanFixture;
beforeAll(() => void (fx = scanFixture()));
afterAll(() => fs.rmSync(fx.dir, { recursive: true, force: true }));

// A small file is scanned in this thread, a large one in a thread of its own: both run each case.
describe.each([
  ['in this thread', false],
  ['in a thread of its own (from source)', true],
])('the scan %s', (_where, thread) => {
  it('reads the file once for its CRC and every range’s hash, and extracts the ranges asked for', async () => {
    fs.rmSync(path.join(fx.dir, 'out'), { recursive: true, force: true });
    const scan = startScan(fx.file, fx.bytes.length, fx.ranges, thread);
    expect(await scan.done).toEqual(fx.expected);
    expect(fs.readFileSync(path.join(fx.dir, 'out', 'a', 'across'))).toEqual(fx.bytes.subarray(MB - 5, MB + 5));
    expect(fs.readFileSync(path.join(fx.dir, 'out', 'empty')).length).toBe(0);
  });

  it('stops when asked before its next read, leaving no file of its own behind', async () => {
    const dest = path.join(fx.dir, 'stopped', 'part');
    const scan = startScan(fx.file, fx.bytes.length, [{ start: 0, end: fx.bytes.length, dest }], thread);
    await scan.stop();
    await expect(scan.done).rejects.toThrow('stopped');
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('fails with “short” when the file ends before the length it was given', async () => {
    await expect(startScan(fx.file, fx.bytes.length + 10, [], thread).done).rejects.toThrow('short');
  });

  it('keeps the errno code of a file that cannot be opened', async () => {
    await expect(startScan(path.join(fx.dir, 'missing.bin'), 10, [], thread).done).rejects.toMatchObject({
      code: 'ENOENT',
      syscall: 'open',
    });
  });
});
