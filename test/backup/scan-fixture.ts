/**
 * The file the scan tests read (scan.test.ts from source, scan-built.test.ts built): 3 MB of
 * random bytes and ranges that cross the pass's 1 MB reads, one empty, two extracted.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { ScanResult, StoredRange } from '@core/backup/scan';
import { tempDir } from './helpers';

export const MB = 1 << 20;

export interface ScanFixture {
  dir: string;
  file: string;
  bytes: Buffer;
  ranges: StoredRange[];
  /** What a pass over the whole file with these ranges must give. */
  expected: ScanResult;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function scanFixture(): ScanFixture {
  const dir = tempDir('fazhi-scan-');
  const file = path.join(dir, 'data.bin');
  const bytes = randomBytes(3 * MB + 123);
  fs.writeFileSync(file, bytes);
  const ranges = [
    { start: 0, end: 10, dest: null },
    // Across the pass's 1 MB read boundary, extracted into a folder that does not exist yet.
    { start: MB - 5, end: MB + 5, dest: path.join(dir, 'out', 'a', 'across') },
    { start: 2 * MB, end: 2 * MB, dest: path.join(dir, 'out', 'empty') },
    { start: 2 * MB + 7, end: 3 * MB + 100, dest: null },
  ];
  const expected = {
    crc: zlib.crc32(bytes),
    results: ranges.map((r) => ({ sha256: sha(bytes.subarray(r.start, r.end)), size: r.end - r.start })),
  };
  return { dir, file, bytes, ranges, expected };
}
