/**
 * Full verification of a backup: zip structure, manifest, every part's size and SHA-256, the
 * snapshot's integrity_check (in a thread of its own while this one checks schema and rows) and
 * counts, and the whole-file CRC in the comment. Optionally extracts while verifying (restore), so nothing is read twice; a failure says which check failed.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';
import { stableStringify } from '../ledger/exchange';
import { ATTACHMENT_PREFIX, COMMENT_MARKER, SNAPSHOT_NAME, MANIFEST_NAME, type Manifest, type Part } from './format';
import { HashCounter, HashSink, hex8 } from './hash-stream';
import { openFileSink, type FileSink } from '../fs/file-sink';
import { describe, readManifest, type BackupInfo } from './inspect';
import { asLedgerError, damaged, unreadable } from './messages';
import { dbFacts, withReadOnly } from './snapshot';
import { checkIntegrity } from './integrity-thread';
import { SnapshotHeaderGuard } from './snapshot-guard';
import { workDirPrefix } from './leftovers';
import { formatBytes } from './messages';
import { hasRoom, spaceAt } from './space';
import { schemaProblem } from '../db/trust';
import { assertContent } from './content-check';
import { clip } from '@rules/kinds/validate';
import { LedgerError } from '@rules/errors';
import { dataStart, openBackupZip, openEntry, type OpenedZip } from './zip-read';
import { startScan, type StoredRange } from './scan';

interface VerifyOptions {
  /** Extract into this folder while verifying: ledger.sqlite and attachments/<aa>/<sha256>, fsync'd. */
  extractTo?: string;
}

interface Verified {
  manifest: Manifest;
  info: BackupInfo;
}

export const stagedAttachment = (dir: string, sha: string): string => path.join(dir, 'attachments', sha.slice(0, 2), sha);

async function fileSink(dest: string): Promise<FileSink> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  return openFileSink(dest, 'w');
}

/** Streams one entry through a hash into dest (fsync'd when durable) or nowhere, checking size and SHA-256. */
async function checkPart(
  z: OpenedZip,
  entry: yauzl.Entry,
  part: Part,
  label: string,
  dest: string | null,
  durable: boolean,
  guard?: SnapshotHeaderGuard,
): Promise<void> {
  if (entry.uncompressedSize !== part.size) throw damaged(`${label}大小不符`);
  // The sink is opened first: yauzl emits a stream error (bad deflate data) on the next tick, so the
  // pipeline must be attached in the same tick the entry stream is handed over, or it waits forever.
  const sink = dest ? await fileSink(dest) : null;
  const h = dest ? new HashCounter() : new HashSink();
  // Whichever stream fails first is to blame: pipeline then destroys the others with that same
  // error, so the error object alone cannot tell a full disk from a damaged backup.
  let first = null as { from: 'backup' | 'disk'; err: Error } | null;
  try {
    let src: Readable;
    try {
      src = await openEntry(z.zip, entry);
    } catch (err) {
      throw unreadable(label, err);
    }
    src.on('error', (err: Error) => (first ??= { from: 'backup', err }));
    sink?.stream.on('error', (err: Error) => (first ??= { from: 'disk', err }));
    // yauzl (validateEntrySizes) stops the stream at the declared size; the guard judges the
    // snapshot's own header before more than its first chunk is written.
    const stages = [src, ...(guard ? [guard] : []), h, ...(sink ? [sink.stream] : [])] as unknown as Parameters<typeof pipeline>;
    try {
      await pipeline(...stages);
      if (durable) await sink?.sync();
    } catch (err) {
      if (err instanceof LedgerError) throw err;
      // A full or failing disk is the disk's fault, not the backup's: ENOSPC must not read as 已损坏.
      if (first?.from === 'backup') throw unreadable(label, first.err);
      throw asLedgerError(err, '解压备份失败');
    }
  } finally {
    await sink?.close().catch(() => undefined);
  }
  if (h.size !== part.size || h.digest !== part.sha256) throw damaged(`${label}哈希不符`);
}

/** SQLite's own refusals of a snapshot from a backup, as 备份文件已损坏 in Chinese. */
function snapshotError(err: unknown): Error {
  if (err instanceof LedgerError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_NOTADB') return damaged('数据库快照不是有效的 SQLite 数据库');
  if (code.startsWith('SQLITE_CORRUPT')) return damaged('数据库快照已损坏，无法读取');
  return asLedgerError(err, '读取备份失败');
}

export async function verifyBackup(file: string, opts: VerifyOptions = {}): Promise<Verified> {
  const z = await openBackupZip(file);
  const work = opts.extractTo ?? (await fsp.mkdtemp(workDirPrefix('verify')));
  let scan: ReturnType<typeof startScan> | undefined;
  try {
    const manifest = await readManifest(z);
    const parts = new Map(manifest.parts.map((p) => [p.path, p]));
    if (parts.size !== manifest.parts.length) throw damaged('清单中有重复的部分');
    for (const name of z.entries.keys()) if (name !== MANIFEST_NAME && !parts.has(name)) throw damaged(`“${name}”不在清单中`);
    for (const name of parts.keys()) if (!z.entries.has(name)) throw damaged(`缺少“${name}”`);
    const snap = parts.get(SNAPSHOT_NAME);
    if (!snap) throw damaged('缺少数据库快照');

    // Declared sizes are judged before a byte is written: what is extracted must fit the disk
    // (a crafted 2 MB file may declare gigabytes), and the snapshot's compression must be plausible.
    for (const p of manifest.parts) if (z.entries.get(p.path)!.uncompressedSize !== p.size) throw damaged(`“${p.path}”的大小与清单不符`);
    const snapEntry = z.entries.get(SNAPSHOT_NAME)!;
    const extracted = opts.extractTo ? manifest.parts.reduce((n, p) => n + p.size, 0) : snap.size;
    let free: number;
    try {
      free = spaceAt(work).freeBytes;
    } catch (err) {
      throw asLedgerError(err, opts.extractTo ? '解压备份失败' : '读取备份失败');
    }
    if (!hasRoom(free, extracted)) {
      throw new LedgerError(
        'IO',
        `磁盘空间不足：${opts.extractTo ? '恢复' : '校验'}需要先解压约 ${formatBytes(extracted)}，${opts.extractTo ? '台账所在磁盘' : '临时文件夹所在磁盘'}仅剩 ${formatBytes(free)}，请清理磁盘后重试（备份文件本身没有问题）`,
      );
    }

    // Stored attachments (all of ours) are hashed in one sequential pass that also computes the
    // whole-file CRC, in a thread of its own (scan.ts) while this one checks the snapshot. Only
    // parts that can pass are handed to it; the rest fail below, named after the snapshot says
    // whose they are.
    const attachmentParts = manifest.parts.filter((p) => p.path.startsWith(ATTACHMENT_PREFIX));
    const starts = new Map<string, number>();
    const unlocated = new Map<string, unknown>();
    for (const p of attachmentParts) {
      const e = z.entries.get(p.path)!;
      if (p.sha256 !== p.path.slice(ATTACHMENT_PREFIX.length) || e.compressionMethod !== 0 || e.compressedSize !== p.size) continue;
      try {
        starts.set(p.path, await dataStart(z.zip, e));
      } catch (err) {
        unlocated.set(p.path, err);
      }
    }
    const ranges: (StoredRange & { part: Part })[] = attachmentParts
      .filter((p) => starts.has(p.path))
      .map((p) => {
        const start = starts.get(p.path)!;
        return { start, end: start + p.size, dest: opts.extractTo ? stagedAttachment(work, p.sha256) : null, part: p };
      });
    scan = startScan(file, z.size - z.comment.length, ranges);

    // The snapshot: its integrity and counts, and the attachment names for later messages.
    const dbPath = path.join(work, SNAPSHOT_NAME);
    await checkPart(
      z,
      snapEntry,
      snap,
      '数据库快照',
      dbPath,
      !!opts.extractTo,
      new SnapshotHeaderGuard(snap.size, snapEntry.compressedSize),
    );
    // integrity_check runs in a thread of its own meanwhile; its verdict comes first either way (a
    // damaged file may fail the checks below for that reason alone).
    const integrity = checkIntegrity(dbPath);
    let facts: ReturnType<typeof dbFacts> | undefined;
    let failure: unknown = null;
    try {
      facts = withReadOnly(dbPath, (db) => {
        // A backup is proved to be our schema and our data: its checksums only prove it is whole
        // (anyone can recompute them), not that it is ours.
        const version = db.pragma('user_version', { simple: true }) as number;
        const bad = version > 0 ? schemaProblem(db, version) : '不是法治台账数据库';
        if (bad) throw new LedgerError('BAD_FILE', `备份中的数据库结构不是本程序的（${bad}），可能是被篡改的文件，已拒绝`);
        // The same checks as 设置 and a JSON import (checkExchange): a town with “/”, “..” or a
        // control, or any other setting they refuse, is refused here, naming this backup file.
        assertContent(db, `备份“${clip(path.basename(file), 80)}”中的数据不符合本程序的规则，可能是被篡改的文件，已拒绝`);
        return dbFacts(db);
      });
    } catch (err) {
      failure = err;
    }
    const problem = await integrity;
    if (problem instanceof Error) throw snapshotError(problem);
    if (problem) throw damaged(`数据库快照未通过完整性检查（${problem}）`);
    if (failure || !facts) throw snapshotError(failure);
    if (facts.schemaVersion !== manifest.schemaVersion) throw damaged('数据库版本与清单不符');
    if (stableStringify(facts.counts) !== stableStringify(manifest.counts)) throw damaged('记录数与清单不符');
    const names = new Map(facts.files.map((f) => [f.sha256, f.name]));
    if (attachmentParts.length !== names.size || attachmentParts.some((p) => !names.has(p.path.slice(ATTACHMENT_PREFIX.length)))) {
      throw damaged('附件与记录不对应');
    }

    // What the scan was not given: anything compressed goes through yauzl's inflating stream, and
    // anything else is refused here, by name.
    for (const p of attachmentParts) {
      const sha = p.path.slice(ATTACHMENT_PREFIX.length);
      const label = `附件“${names.get(sha)}”`;
      const e = z.entries.get(p.path)!;
      if (p.sha256 !== sha || e.uncompressedSize !== p.size) throw damaged(`${label}${p.sha256 !== sha ? '哈希' : '大小'}不符`);
      const dest = opts.extractTo ? stagedAttachment(work, sha) : null;
      if (e.compressionMethod !== 0) {
        await checkPart(z, e, p, label, dest, true);
        continue;
      }
      if (e.compressedSize !== e.uncompressedSize) throw damaged(`${label}大小不符`);
      if (unlocated.has(p.path)) throw unreadable(label, unlocated.get(p.path));
    }
    if (!z.comment.startsWith(COMMENT_MARKER)) throw damaged('缺少文件校验和');
    let scanned;
    try {
      scanned = await scan.done;
    } catch (err) {
      throw (err as Error).message === 'short'
        ? damaged('文件在读取时变短了')
        : asLedgerError(err, opts.extractTo ? '解压备份失败' : '读取备份失败');
    }
    scanned.results.forEach((r, i) => {
      const { part } = ranges[i];
      if (r.size !== part.size || r.sha256 !== part.sha256) throw damaged(`附件“${names.get(part.sha256)}”哈希不符`);
    });
    // Last, the bytes no part covers (headers, directory): the CRC stamped into the comment.
    if (z.comment !== `${COMMENT_MARKER}${hex8(scanned.crc)}`) throw damaged('文件校验和不符（文件结构有改动）');
    return { manifest, info: describe(file, z.size, manifest) };
  } finally {
    await scan?.stop();
    z.zip.close();
    if (!opts.extractTo) fs.rmSync(work, { recursive: true, force: true });
  }
}
