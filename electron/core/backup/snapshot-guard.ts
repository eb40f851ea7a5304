/**
 * Judges a backup's SQLite snapshot by its first bytes, while it streams out of the zip and before
 * the rest is written: the header must say SQLite, and page size × page count must equal the size
 * the manifest and the zip declare. A crafted file can declare gigabytes of zeros that deflate about
 * 1000 : 1. A real snapshot never comes near: its pages hold JSON text (about 3–8 : 1), and SQLite
 * leaves freed pages with their old bytes (secure_delete is off), so they are not zeros either.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { damaged } from './messages';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Far above what a ledger's pages compress to, far below what zeros do. */
const MAX_PLAUSIBLE_RATIO = 100;
/** Small snapshots are never judged by ratio (a fresh ledger is mostly empty pages). */
const RATIO_FLOOR = 16 * 1024 * 1024;

export class SnapshotHeaderGuard extends Transform {
  private head = Buffer.alloc(0);
  private judged = false;

  constructor(
    private readonly declared: number,
    private readonly compressed: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.judged) return cb(null, chunk);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < 100) return cb();
    this.judged = true;
    const problem = this.problem(this.head);
    if (problem) return cb(damaged(problem));
    const all = this.head;
    this.head = Buffer.alloc(0);
    cb(null, all);
  }

  override _flush(cb: TransformCallback): void {
    if (!this.judged) return cb(damaged('数据库快照不是 SQLite 数据库'));
    cb();
  }

  private problem(h: Buffer): string | null {
    if (!h.subarray(0, 16).equals(MAGIC)) return '数据库快照不是 SQLite 数据库';
    const raw = h.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return '数据库快照的文件头不正确（页大小）';
    const pages = h.readUInt32BE(28);
    // The in-header page count is valid only when its version stamp matches the change counter
    // (always so for files written by SQLite 3.7.0 and later, which every backup is).
    if (h.readUInt32BE(92) !== h.readUInt32BE(24) || pages * pageSize !== this.declared) {
      return '数据库快照的大小与其文件头不符（可能是被篡改的文件），未解压';
    }
    if (this.declared > RATIO_FLOOR && this.declared > this.compressed * MAX_PLAUSIBLE_RATIO) {
      return '数据库快照的压缩比异常（声明的大小远超实际内容，可能是恶意构造的文件），未解压';
    }
    return null;
  }
}
