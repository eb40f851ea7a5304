/**
 * verify refuses every damaged, truncated, foreign, newer-schema and zip-slip file, and says which:
 * single-byte flips at sampled positions across the whole file, truncation at several lengths,
 * archives crafted with yazl (and patched) that try to escape the extraction folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { COMMENT_PLACEHOLDER } from '@core/backup/format';
import { CommentStamper } from '@core/backup/hash-stream';
import { verifyBackup } from '@core/backup/verify';
import { openBackupZip, openEntry } from '@core/backup/zip-read';
import zlib from 'node:zlib';
import { SCHEMA_VERSION } from '@core/db/migrations';
import { exportLedger } from '@core/ledger/exchange';
import { seedLedger, tempDir, type Seeded } from './helpers';

let dir: string;
let s: Seeded;
let good: string;
let bytes: Buffer;

beforeAll(async () => {
  dir = tempDir();
  s = await seedLedger(dir, { files: 3, fileBytes: 3000 });
  fs.mkdirSync(path.join(dir, 'usb'));
  good = (await createBackup(s.ctx, path.join(dir, 'usb'))).file;
  bytes = fs.readFileSync(good);
});
afterAll(() => {
  s.ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function write(data: Buffer): string {
  const f = path.join(dir, `case-${n++}.ftzb`);
  fs.writeFileSync(f, data);
  return f;
}

/** The refusal message, 'ACCEPTED', or 'HUNG' (a verify that never settles is a bug too). */
async function refusal(file: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('HUNG'), 540_000)));
  const run = verifyBackup(file).then(
    () => 'ACCEPTED',
    (err: Error) => err.message,
  );
  try {
    return await Promise.race([run, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** A zip made with yazl from buffers, optionally stamped with our comment. */
async function craft(entries: [string, Buffer][], stamped = true): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of entries) z.addBuffer(data, name);
  z.end((stamped ? { comment: COMMENT_PLACEHOLDER } : {}) as yazl.EndOptions);
  const out: Buffer[] = [];
  const collect = async (src: AsyncIterable<string | Buffer>) => {
    for await (const c of src) out.push(Buffer.from(c));
  };
  const raw = z.outputStream as NodeJS.ReadableStream;
  await (stamped ? pipeline(raw, new CommentStamper(), collect) : pipeline(raw, collect));
  return Buffer.concat(out);
}

/** Replaces every occurrence of a (same-length) name in the raw zip bytes. */
function patchName(zip: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const out = Buffer.from(zip);
  const f = Buffer.from(from);
  for (let i = out.indexOf(f); i >= 0; i = out.indexOf(f, i + 1)) Buffer.from(to).copy(out, i);
  return out;
}

describe('verify', () => {
  it('accepts the sound backup, whose CRC-32 fields are right for any unzip tool', async () => {
    expect(await refusal(good)).toBe('ACCEPTED');
    const z = await openBackupZip(good);
    try {
      expect(z.entries.size).toBe(5); // manifest, snapshot, three photos
      for (const e of z.entries.values()) {
        let crc = 0;
        for await (const c of await openEntry(z.zip, e)) crc = zlib.crc32(c as Buffer, crc);
        expect(crc >>> 0, e.fileName).toBe(e.crc32);
        expect(e.compressionMethod, e.fileName).toBe(e.fileName.startsWith('attachments/') ? 0 : 8);
      }
    } finally {
      z.zip.close();
    }
  });

  it('refuses a single flipped byte anywhere: every header byte and sampled data bytes', async () => {
    const positions = new Set<number>();
    for (let i = 0; i < 120; i++) positions.add(i); // first local header and the start of the snapshot
    for (let i = bytes.length - 400; i < bytes.length; i++) positions.add(i); // central directory, EOCD, comment
    for (let i = 0; i < 120; i++) positions.add(Math.floor((i * 7919 * 104729) % bytes.length)); // spread over the file
    const reasons = new Map<string, number>();
    for (const pos of [...positions].sort((a, b) => a - b)) {
      const data = Buffer.from(bytes);
      data[pos] ^= 0x5a;
      const why = await refusal(write(data));
      expect(why, `flip at ${pos}/${bytes.length}`).not.toMatch(/^(ACCEPTED|HUNG)$/);
      const key = why.replace(/[“（(].*$/, '');
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
      fs.rmSync(path.join(dir, `case-${n - 1}.ftzb`));
    }
    expect(positions.size).toBeGreaterThan(600);
    for (const why of reasons.keys()) expect(why).toMatch(/损坏|不完整|不是法治台账备份文件|不安全的路径|更新版本/);
  });

  it('refuses truncation at every sampled length, as incomplete', async () => {
    for (const len of [
      0,
      1,
      21,
      100,
      1000,
      Math.floor(bytes.length / 2),
      bytes.length - 200,
      bytes.length - 23,
      bytes.length - 22,
      bytes.length - 1,
    ]) {
      const why = await refusal(write(bytes.subarray(0, len)));
      expect(why, `truncated to ${len}`).toContain('不完整');
    }
    expect(await refusal(write(Buffer.concat([bytes, Buffer.from('extra')])))).toContain('不完整');
  });

  it('refuses foreign files: text, an ordinary zip, a zip with a foreign manifest, a missing file', async () => {
    expect(await refusal(write(Buffer.from('法治台账'.repeat(100))))).toContain('不是法治台账备份文件');
    expect(await refusal(write(await craft([['readme.txt', Buffer.from('hi')]], false)))).toContain('不是法治台账备份文件');
    const alien = await craft([['manifest.json', Buffer.from(JSON.stringify({ format: 'something-else' }))]], false);
    expect(await refusal(write(alien))).toContain('不是法治台账备份文件');
    expect(await refusal(path.join(dir, 'nope.ftzb'))).toContain('找不到备份文件');
  });

  it('refuses a backup made by a newer schema, saying the program needs upgrading', async () => {
    const manifest = {
      format: 'fazhi-ledger-backup',
      formatVersion: 1,
      schemaVersion: SCHEMA_VERSION + 1,
      appVersion: '9.0.0',
      createdAt: new Date().toISOString(),
      town: '双土镇',
      counts: {},
      parts: [],
    };
    const why = await refusal(
      write(
        await craft([
          ['manifest.json', Buffer.from(JSON.stringify(manifest))],
          ['ledger.sqlite', Buffer.from('x')],
        ]),
      ),
    );
    expect(why).toContain('需要升级程序');
    expect(why).toContain(`数据结构版本${SCHEMA_VERSION + 1}`);
    const newerFormat = { ...manifest, schemaVersion: 1, formatVersion: 2 };
    expect(await refusal(write(await craft([['manifest.json', Buffer.from(JSON.stringify(newerFormat))]])))).toContain('需要升级程序');
  });

  it.each([
    ['xx/evil.txt', '../evil.txt'],
    ['attachments/xx/xx/evil', 'attachments/../../evil'],
    ['Xtmp/evil.txt', '/tmp/evil.txt'],
    ['C_/evil.dll', 'C:/evil.dll'],
    ['a_b_evil.txt', 'a\\..\\evil.txt'.slice(0, 12)],
  ])('refuses zip-slip entry %s → %s before extracting anything', async (from, to) => {
    const zip = patchName(
      await craft([
        ['manifest.json', Buffer.from('{}')],
        [from, Buffer.from('pwned')],
      ]),
      from,
      to,
    );
    const file = write(zip);
    const why = await refusal(file);
    expect(why).toContain('不安全的路径');
    // Restoring it changes nothing and writes nothing outside.
    const ctx = openContext(path.join(dir, `slip-${n}`, 'x.db'));
    const before = exportLedger(ctx.db);
    const r = await callApi(ctx, 'backup.restore', { file });
    expect(r.ok ? '' : r.error.message).toContain('不安全的路径');
    expect(exportLedger(ctx.db)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'evil.txt'))).toBe(false);
    expect(fs.existsSync(path.join(dir, `slip-${n}`, 'x-安全备份'))).toBe(false);
    ctx.close();
  });

  it('refuses entries that are not part of a backup, and missing parts', async () => {
    expect(
      await refusal(
        write(
          await craft([
            ['manifest.json', Buffer.from('{}')],
            ['autorun.inf', Buffer.from('x')],
          ]),
        ),
      ),
    ).toContain('不属于备份的内容');
    const m = JSON.stringify({
      format: 'fazhi-ledger-backup',
      formatVersion: 1,
      schemaVersion: 1,
      appVersion: '0.1.0',
      createdAt: 'x',
      town: '',
      counts: { records: {}, trash: 0, attachments: 0, attachmentFiles: 0, reports: 0 },
      parts: [{ path: 'ledger.sqlite', size: 1, sha256: 'a'.repeat(64) }],
    });
    expect(await refusal(write(await craft([['manifest.json', Buffer.from(m)]])))).toContain('缺少“ledger.sqlite”');
  });
});
