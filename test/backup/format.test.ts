/** Pure parts of the backup module: file names, entry-name safety, rotation, reminders, the comment stamp. */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  COMMENT_MARKER,
  COMMENT_PLACEHOLDER,
  knownEntryName,
  parseBackupName,
  safeTownName,
  unsafeEntryName,
} from '@core/backup/format';
import { CommentStamper, hex8 } from '@core/backup/hash-stream';
import { keepLast, reminderDue } from '@core/backup/routine';
import { useNativeCrcForYazl } from '@core/backup/fast-crc';

const at = (s: string) => new Date(s);
const n = (town: string, date: string, hhmm: string, extra = '') => `法治台账备份_${town}_${date}_${hhmm}${extra}.ftzb`;

describe('backup file names', () => {
  it('names a backup by town and local minute, with a counter and tag when needed', () => {
    expect(backupFileName('双土镇', at('2024-01-15T10:30:00'))).toBe('法治台账备份_双土镇_2024-01-15_1030.ftzb');
    expect(backupFileName('', at('2024-01-15T09:05:00'))).toBe('法治台账备份_未命名_2024-01-15_0905.ftzb');
    expect(backupFileName('双土镇', at('2024-01-15T10:30:00'), { n: 2 })).toBe('法治台账备份_双土镇_2024-01-15_1030_2.ftzb');
    expect(backupFileName('双土镇', at('2024-01-15T10:30:00'), { tag: '恢复前' })).toBe('法治台账备份_双土镇_2024-01-15_1030_恢复前.ftzb');
  });

  it('keeps characters Windows forbids out of the town part', () => {
    expect(safeTownName('双/土:镇*?')).toBe('双土镇');
    expect(safeTownName(' ... ')).toBe('未命名');
  });

  it('parses its own names back and nothing else', () => {
    expect(parseBackupName(n('双土镇', '2024-01-15', '1030'))).toMatchObject({
      town: '双土镇',
      date: '2024-01-15',
      hhmm: '1030',
      tag: '',
      n: 1,
    });
    expect(parseBackupName(n('双_土镇', '2024-01-15', '1030', '_3'))).toMatchObject({ town: '双_土镇', n: 3 });
    expect(parseBackupName(n('双土镇', '2024-01-15', '1030', '_恢复前'))).toMatchObject({ tag: '恢复前' });
    for (const bad of [
      '法治台账备份_双土镇_2024-01-15_1030.zip',
      '照片.ftzb',
      '法治台账备份_双土镇_2024-1-15_1030.ftzb',
      '.法治台账备份_双土镇_2024-01-15_1030.ftzb.ab12.tmp',
    ]) {
      expect(parseBackupName(bad)).toBeNull();
    }
  });
});

describe('entry names', () => {
  it.each([
    ['../evil.txt', true],
    ['attachments/../../evil', true],
    ['/etc/passwd', true],
    ['C:/Windows/evil.dll', true],
    ['c:evil', true],
    ['a\\..\\evil', true],
    ['ledger.sqlite', false],
    ['attachments/' + 'a'.repeat(64), false],
  ])('%s unsafe=%s', (name, unsafe) => expect(unsafeEntryName(name)).toBe(unsafe));

  it('knows only the entries a backup holds', () => {
    expect(knownEntryName('manifest.json')).toBe(true);
    expect(knownEntryName('ledger.sqlite')).toBe(true);
    expect(knownEntryName('attachments/' + 'f'.repeat(64))).toBe(true);
    expect(knownEntryName('attachments/' + 'F'.repeat(64))).toBe(false);
    expect(knownEntryName('attachments/photo.jpg')).toBe(false);
    expect(knownEntryName('readme.txt')).toBe(false);
  });
});

describe('keepLast (rotation)', () => {
  const a = n('双土镇', '2024-01-01', '0900');
  const b = n('双土镇', '2024-01-08', '0900');
  const b2 = n('双土镇', '2024-01-08', '0900', '_2');
  const c = n('双土镇', '2024-02-01', '1700');
  const other = n('河坝镇', '2023-12-01', '0800');
  const safety = n('双土镇', '2023-01-01', '0800', '_恢复前');
  it.each<[string, string[], number, string[]]>([
    ['nothing to do when at most K', [a, b], 2, []],
    ['oldest first to go', [c, a, b], 2, [a]],
    ['keep 1 leaves the newest', [a, b, c], 1, [a, b].sort()],
    ['same minute: the counter orders them', [b, b2, c], 2, [b]],
    ['K below 1 still keeps the newest', [a, b, c], 0, [a, b].sort()],
    ['per town: another town is counted on its own', [a, b, c, other], 1, [a, b].sort()],
    ['safety copies and foreign files are never chosen', [a, b, c, safety, '照片.jpg', 'notes.ftzb'], 1, [a, b].sort()],
    ['empty folder', [], 3, []],
  ])('%s', (_what, files, k, doomed) => expect(keepLast(files, k)).toEqual(doomed));
});

describe('reminderDue', () => {
  const now = at('2024-03-10T12:00:00Z');
  it.each<[string | null, number, boolean]>([
    [null, 7, true],
    ['not a date', 7, true],
    ['2024-03-09T12:00:00Z', 7, false],
    ['2024-03-03T12:00:01Z', 7, false],
    ['2024-03-03T11:59:59Z', 7, true],
    ['2024-02-01T00:00:00Z', 30, true],
    ['2024-02-20T00:00:00Z', 30, false],
    ['2024-03-20T00:00:00Z', 7, true], // in the future: the clock was wrong, remind anyway
  ])('last %s, every %d days → %s', (last, days, due) => expect(reminderDue(last, now, days)).toBe(due));
});

describe('CommentStamper', () => {
  it('replaces the placeholder with the CRC-32 of every byte before it, whatever the chunking', async () => {
    const body = Buffer.from('PK'.repeat(5000));
    const whole = Buffer.concat([body, Buffer.from(COMMENT_PLACEHOLDER, 'latin1')]);
    for (const size of [1, 7, 39, 40, 41, 1000, whole.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < whole.length; i += size) chunks.push(whole.subarray(i, i + size));
      const out: Buffer[] = [];
      await pipeline(Readable.from(chunks), new CommentStamper(), new Writable({ write: (c: Buffer, _e, cb) => (out.push(c), cb()) }));
      const res = Buffer.concat(out);
      expect(res.subarray(0, body.length).equals(body)).toBe(true);
      expect(res.subarray(body.length).toString('latin1')).toBe(`${COMMENT_MARKER}${hex8(zlib.crc32(body))}`);
    }
  });
});

describe('native CRC for yazl', () => {
  it('is installed (the CRC fields it writes are checked against the data in corrupt.test.ts)', () => {
    expect(useNativeCrcForYazl()).toBe(true);
    expect(useNativeCrcForYazl()).toBe(true);
  });
});
