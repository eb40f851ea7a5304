/**
 * The attachments store: files kept content-addressed beside the ledger
 * (<attachmentsDir>/<sha256[0:2]>/<sha256>, written atomically), one row per attachment of a record.
 * Files come in by path (attachments.add) or as bytes (the app's upload); both share one commit step.
 * Each may be tagged with the checklist item of its record's kind it proves (`item`, e.g. 签到表).
 * A file is deleted only when no row references it and no backup is reading the folder.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Db } from '../db/open';
import { LedgerError } from '@rules/errors';
import { allEvidenceItems } from '@rules/kinds';
import { clip } from '@rules/kinds/validate';
import { textProblem } from '@rules/limits';
import { getRecord, nowIso, requireKind } from './records';
import { openFileSink } from '../fs/file-sink';
import type { Attachment } from '@rules/api/records';
import { NotRegularFile, readRegularFile } from '../fs/regular-file';
import { ioReason } from '../fs/io-reason';

interface Row {
  id: string;
  record_id: string;
  name: string;
  sha256: string;
  size: number;
  created_at: string;
  item: string | null;
}

const fromRow = (r: Row): Attachment => ({
  id: r.id,
  recordId: r.record_id,
  name: r.name,
  sha256: r.sha256,
  size: r.size,
  createdAt: r.created_at,
  item: r.item,
});

export const attachmentFile = (dir: string, sha: string): string => path.join(dir, sha.slice(0, 2), sha);

const SHA_RE = /^[0-9a-f]{64}$/;
const pins = new Map<string, number>();

/** Keeps files in dir from being deleted until the returned function is called (a backup is reading them). */
export function pinAttachments(dir: string): () => void {
  const key = path.resolve(dir);
  pins.set(key, (pins.get(key) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const n = (pins.get(key) ?? 1) - 1;
    if (n > 0) pins.set(key, n);
    else pins.delete(key);
  };
}

/** Longest attachment name kept, in characters; longer names are shortened, keeping the extension. */
const MAX_NAME_CHARS = 100;

/**
 * The name the clerk sees and downloads under: no control characters, no path separators
 * (refused, not stripped, so a path is never silently turned into a name), at most MAX_NAME_CHARS.
 */
function cleanName(name: string): string {
  const n = name.replace(/[\x00-\x1f\x7f]/g, '').trim();
  if (!n) throw new LedgerError('VALIDATION', '附件名称不能为空');
  if (/[\\/]/.test(n)) throw new LedgerError('VALIDATION', '附件名称不能包含“/”或“\\”');
  if (n === '.' || n === '..') throw new LedgerError('VALIDATION', '附件名称不正确');
  // Direction overrides, zero-width characters, lone surrogates: the ledger's one text check.
  const bad = textProblem(n);
  if (bad) throw new LedgerError('VALIDATION', `附件名称“${clip(n)}”${bad}，请改名后再添加`);
  const chars = Array.from(n);
  if (chars.length <= MAX_NAME_CHARS) return n;
  // Shorten the stem, keeping a short extension (“….pdf”) so the file still opens with the right program.
  const dot = n.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(n.slice(dot)) : [];
  const keep = ext.length >= 2 && ext.length <= 10 ? ext : [];
  const stem = keep.length ? Array.from(n.slice(0, dot)) : chars;
  return (
    stem
      .slice(0, MAX_NAME_CHARS - keep.length)
      .join('')
      .trimEnd() + keep.join('')
  );
}

/** Refuses a record that is missing or in the 回收站. */
function requireLiveRecord(db: Db, recordId: string): void {
  if (getRecord(db, recordId).deletedAt) throw new LedgerError('CONFLICT', '该记录在回收站中，请先恢复再添加附件');
}

/** An item is one of the record kind's checklist items (any of them, whatever the record's fields say now), or null. */
function checkItem(db: Db, recordId: string, item: string | null | undefined): string | null {
  if (item === undefined || item === null || item === '') return null;
  const kind = requireKind(getRecord(db, recordId).kind);
  const items = allEvidenceItems(kind);
  if (!items.includes(item)) {
    throw new LedgerError(
      'VALIDATION',
      items.length
        ? `“${item}”不是${kind.label}的佐证材料项（可选：${items.join('、')}）`
        : `${kind.label}没有佐证材料清单，附件不能标注材料项`,
    );
  }
  return item;
}

const incomingPath = (dir: string) => path.join(dir, `.incoming-${randomBytes(6).toString('hex')}.tmp`);

/**
 * Moves a fully written, fsync'd temp file into place and inserts its row. Synchronous from the
 * record check to the insert, so neither a sweep nor a delete can slip in between.
 */
function commitIncoming(
  db: Db,
  dir: string,
  tmp: string,
  recordId: string,
  name: string,
  sha: string,
  size: number,
  item: string | null,
): Attachment {
  requireLiveRecord(db, recordId);
  const target = attachmentFile(dir, sha);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Same content already stored: keep the old file.
  if (fs.existsSync(target)) fs.rmSync(tmp, { force: true });
  else fs.renameSync(tmp, target);
  const a: Attachment = { id: randomUUID(), recordId, name, sha256: sha, size, createdAt: nowIso(), item };
  db.prepare('INSERT INTO attachments (id, record_id, name, sha256, size, created_at, item) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    a.id,
    a.recordId,
    a.name,
    a.sha256,
    a.size,
    a.createdAt,
    a.item,
  );
  return a;
}

/** Runs write(tmp) and commits the result; on any failure the temp file is removed. */
async function addVia(
  db: Db,
  dir: string,
  recordId: string,
  name: string,
  item: string | null,
  write: (tmp: string) => Promise<{ sha: string; size: number }>,
): Promise<Attachment> {
  await fsp.mkdir(dir, { recursive: true });
  const tmp = incomingPath(dir);
  try {
    const { sha, size } = await write(tmp);
    return commitIncoming(db, dir, tmp, recordId, name, sha, size, item);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('IO', `添加附件失败：${ioReason(err)}`);
  }
}

/** Copies sourcePath into the store (hashing as it streams) and attaches it to the record. */
export async function addAttachment(
  db: Db,
  dir: string,
  recordId: string,
  sourcePath: string,
  name?: string,
  item?: string | null,
): Promise<Attachment> {
  requireLiveRecord(db, recordId);
  const display = cleanName(name ?? path.basename(sourcePath));
  const tag = checkItem(db, recordId, item);
  let st: fs.Stats;
  try {
    st = await fsp.stat(sourcePath);
  } catch {
    throw new LedgerError('NOT_FOUND', `找不到要添加的文件：${sourcePath}`);
  }
  if (!st.isFile()) throw new LedgerError('VALIDATION', `“${sourcePath}”不是文件`);
  return addVia(db, dir, recordId, display, tag, async (tmp) => {
    const hash = createHash('sha256');
    let size = 0;
    const out = await openFileSink(tmp, 'wx');
    try {
      const tap = new Transform({ transform: (c: Buffer, _e, cb) => (hash.update(c), (size += c.length), cb(null, c)) });
      await pipeline(fs.createReadStream(sourcePath, { highWaterMark: 1 << 20 }), tap, out.stream);
      await out.sync();
    } finally {
      await out.close().catch(() => undefined);
    }
    return { sha: hash.digest('hex'), size };
  });
}

/** Stores bytes already in memory (an upload from the app) and attaches them to the record. */
export async function addAttachmentBytes(
  db: Db,
  dir: string,
  recordId: string,
  data: Uint8Array,
  name: string,
  item?: string | null,
): Promise<Attachment> {
  requireLiveRecord(db, recordId);
  const display = cleanName(name);
  const tag = checkItem(db, recordId, item);
  return addVia(db, dir, recordId, display, tag, async (tmp) => {
    const fh = await fsp.open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return { sha: createHash('sha256').update(data).digest('hex'), size: data.length };
  });
}

export function listAttachments(db: Db, recordId: string): Attachment[] {
  return (db.prepare('SELECT * FROM attachments WHERE record_id = ? ORDER BY created_at, id').all(recordId) as Row[]).map(fromRow);
}

function getAttachment(db: Db, id: string): Attachment {
  const row = db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', '找不到该附件，可能已被删除');
  return fromRow(row);
}

/** Tags an attachment with the checklist item it proves (null clears the tag). */
export function tagAttachment(db: Db, id: string, item: string | null): Attachment {
  const a = getAttachment(db, id);
  requireLiveRecord(db, a.recordId);
  const tag = checkItem(db, a.recordId, item);
  db.prepare('UPDATE attachments SET item = ? WHERE id = ?').run(tag, id);
  return { ...a, item: tag };
}

/**
 * The attachment's bytes, checked against its hash: a file gone from the store or changed on disk
 * is refused with a Chinese message naming it, never handed out as if it were the original.
 */
export async function readAttachment(db: Db, dir: string, id: string): Promise<{ attachment: Attachment; data: Buffer }> {
  const a = getAttachment(db, id);
  let data: Buffer;
  try {
    // Only a regular file: a pipe put in the store would block this read forever.
    data = await readRegularFile(attachmentFile(dir, a.sha256));
  } catch (err) {
    if (err instanceof NotRegularFile) {
      throw new LedgerError(
        'BAD_FILE',
        `附件文件“${a.name}”在附件库中不是普通文件（被替换成了管道、链接或文件夹），未读取，请从备份恢复或重新添加`,
      );
    }
    throw new LedgerError('NOT_FOUND', `附件文件“${a.name}”在附件库中缺失，请从备份恢复或重新添加`);
  }
  if (createHash('sha256').update(data).digest('hex') !== a.sha256) {
    throw new LedgerError('BAD_FILE', `附件文件“${a.name}”与添加时不一致（文件已被改动或损坏），请从备份恢复或重新添加`);
  }
  return { attachment: a, data };
}

export function removeAttachment(db: Db, dir: string, id: string): Attachment {
  const a = getAttachment(db, id);
  db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
  sweepOrphans(db, dir);
  return a;
}

/** Deletes stored files no row references (e.g. after a purge); does nothing while a backup reads dir. */
export function sweepOrphans(db: Db, dir: string): string[] {
  if (pins.has(path.resolve(dir)) || !fs.existsSync(dir)) return [];
  const used = new Set((db.prepare('SELECT DISTINCT sha256 FROM attachments').all() as { sha256: string }[]).map((r) => r.sha256));
  const removed: string[] = [];
  for (const sub of fs.readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    for (const f of fs.readdirSync(path.join(dir, sub))) {
      if (SHA_RE.test(f) && f.startsWith(sub) && !used.has(f)) {
        fs.rmSync(path.join(dir, sub, f), { force: true });
        removed.push(f);
      }
    }
  }
  return removed;
}

export type { Attachment };
