/**
 * Full verification of a backup: zip structure, manifest, every part's size and SHA-256, the
 * snapshot's integrity_check and counts, and the whole-file CRC in the comment. Optionally
 * extracts while verifying (restore), so nothing is read twice; a failure says which check failed.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';
import { stableStringify } from '../ledger/exchange';
import { ATTACHMENT_PREFIX, COMMENT_MARKER, SNAPSHOT_NAME, MANIFEST_NAME, type Manifest, type Part } from './format';
import { HashCounter, HashSink, hex8 } from './hash-stream';
import { openFileSink, type FileSink } from '../fs/file-sink';
import { describe, readManifest, type BackupInfo } from './inspect';
import { asLedgerError, damaged } from './messages';
import { dbFacts, integrityProblem, withReadOnly } from './snapshot';
import { dataStart, openBackupZip, openEntry, type OpenedZip } from './zip-read';
import { scanFile, type StoredRange } from './scan';

export interface VerifyOptions {
  /** Extract into this folder while verifying: ledger.sqlite and attachments/<aa>/<sha256>, fsync'd. */
  extractTo?: string;
  /** The manifest the file must hold (read-back after writing). */
  expect?: Manifest;
}

export interface Verified {
  manifest: Manifest;
  info: BackupInfo;
}

export const stagedAttachment = (dir: string, sha: string): string => path.join(dir, 'attachments', sha.slice(0, 2), sha);

async function fileSink(dest: string): Promise<FileSink> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  return openFileSink(dest, 'w');
}

/** Streams one entry through a hash into dest (fsync'd when durable) or nowhere, checking size and SHA-256. */
async function checkPart(z: OpenedZip, entry: yauzl.Entry, part: Part, label: string, dest: string | null, durable: boolean): Promise<void> {
  if (entry.uncompressedSize !== part.size) throw damaged(`${label}大小不符`);
  // The sink is opened first: yauzl emits a stream error (bad deflate data) on the next tick, so the
  // pipeline must be attached in the same tick the entry stream is handed over, or it waits forever.
  const sink = dest ? await fileSink(dest) : null;
  const h = dest ? new HashCounter() : new HashSink();
  let srcErr: Error | null = null;
  try {
    let src: Readable;
    try {
      src = await openEntry(z.zip, entry);
    } catch (err) {
      throw damaged(`${label}无法读取（${(err as Error).message}）`);
    }
    src.on('error', (e: Error) => (srcErr ??= e));
    try {
      await (sink ? pipeline(src, h, sink.stream) : pipeline(src, h));
      if (durable) await sink?.sync();
    } catch (err) {
      if (srcErr) throw damaged(`${label}无法读取（${(srcErr as Error).message}）`);
      throw asLedgerError(err, '解压备份失败');
    }
  } finally {
    await sink?.close().catch(() => undefined);
  }
  if (h.size !== part.size || h.digest !== part.sha256) throw damaged(`${label}哈希不符`);
}

export async function verifyBackup(file: string, opts: VerifyOptions = {}): Promise<Verified> {
  const z = await openBackupZip(file);
  const work = opts.extractTo ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'fazhi-verify-')));
  try {
    const manifest = await readManifest(z);
    if (opts.expect && stableStringify(opts.expect) !== stableStringify(manifest)) throw damaged('回读的清单与写入的不一致');
    const parts = new Map(manifest.parts.map((p) => [p.path, p]));
    if (parts.size !== manifest.parts.length) throw damaged('清单中有重复的部分');
    for (const name of z.entries.keys()) if (name !== MANIFEST_NAME && !parts.has(name)) throw damaged(`“${name}”不在清单中`);
    for (const name of parts.keys()) if (!z.entries.has(name)) throw damaged(`缺少“${name}”`);
    const snap = parts.get(SNAPSHOT_NAME);
    if (!snap) throw damaged('缺少数据库快照');

    // The snapshot first: its integrity and counts, and the attachment names for later messages.
    const dbPath = path.join(work, SNAPSHOT_NAME);
    await checkPart(z, z.entries.get(SNAPSHOT_NAME)!, snap, '数据库快照', dbPath, !!opts.extractTo);
    const facts = withReadOnly(dbPath, (db) => {
      const problem = integrityProblem(db);
      if (problem) throw damaged(`数据库快照未通过完整性检查（${problem}）`);
      return dbFacts(db);
    });
    if (facts.schemaVersion !== manifest.schemaVersion) throw damaged('数据库版本与清单不符');
    if (stableStringify(facts.counts) !== stableStringify(manifest.counts)) throw damaged('记录数与清单不符');
    const attachmentParts = manifest.parts.filter((p) => p.path.startsWith(ATTACHMENT_PREFIX));
    const names = new Map(facts.files.map((f) => [f.sha256, f.name]));
    if (attachmentParts.length !== names.size || attachmentParts.some((p) => !names.has(p.path.slice(ATTACHMENT_PREFIX.length)))) {
      throw damaged('附件与记录不对应');
    }

    // Stored attachments (all of ours) are hashed in the one sequential pass that also computes the
    // whole-file CRC; anything compressed goes through yauzl's inflating stream.
    const ranges: (StoredRange & { part: Part; label: string })[] = [];
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
      let start: number;
      try {
        start = await dataStart(z.zip, e);
      } catch (err) {
        throw damaged(`${label}无法读取（${(err as Error).message}）`);
      }
      ranges.push({ start, end: start + e.compressedSize, dest, part: p, label });
    }
    if (!z.comment.startsWith(COMMENT_MARKER)) throw damaged('缺少文件校验和');
    let scan;
    try {
      scan = await scanFile(file, z.size - z.comment.length, ranges);
    } catch (err) {
      throw (err as Error).message === 'short' ? damaged('文件在读取时变短了') : asLedgerError(err, opts.extractTo ? '解压备份失败' : '读取备份失败');
    }
    scan.results.forEach((r, i) => {
      if (r.size !== ranges[i].part.size || r.sha256 !== ranges[i].part.sha256) throw damaged(`${ranges[i].label}哈希不符`);
    });
    // Last, the bytes no part covers (headers, directory): the CRC stamped into the comment.
    if (z.comment !== `${COMMENT_MARKER}${hex8(scan.crc)}`) throw damaged('文件校验和不符（文件结构有改动）');
    return { manifest, info: describe(file, z.size, manifest) };
  } finally {
    z.zip.close();
    if (!opts.extractTo) fs.rmSync(work, { recursive: true, force: true });
  }
}
