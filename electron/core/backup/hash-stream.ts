/**
 * Streams that measure what passes through: SHA-256 and size of a part, and the whole-file
 * CRC-32 that is stamped into the zip comment as the archive is written (no second pass).
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { COMMENT_MARKER, COMMENT_PLACEHOLDER } from './format';

/** Passes bytes through unchanged, hashing and counting them. */
export class HashCounter extends Transform {
  private hash: Hash = createHash('sha256');
  size = 0;
  digest = '';

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    cb();
  }
}

/** A sink that only hashes (verify without extracting). */
export class HashSink extends HashCounter {
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    super._transform(chunk, _enc, () => cb());
  }
}

const crc32 = (data: Uint8Array, value = 0): number => zlib.crc32(data, value);
export const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/**
 * Sits between yazl's output and the file. yazl ends the archive with COMMENT_PLACEHOLDER as the
 * zip comment; this holds back that many trailing bytes, computes the CRC-32 of everything before
 * them, and writes the real comment in the placeholder's place (same length, so the zip stays valid).
 */
export class CommentStamper extends Transform {
  /** CRC-32 of every byte before the comment, final once the stream has flushed. */
  crc = 0;
  /** Bytes passed on so far; the whole file once flushed. */
  size = 0;
  /** The comment written in the placeholder's place. */
  comment = '';
  private tail = Buffer.alloc(0);
  private readonly keep = Buffer.byteLength(COMMENT_PLACEHOLDER);

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (chunk.length < this.keep) {
      const all = Buffer.concat([this.tail, chunk]);
      const cut = Math.max(0, all.length - this.keep);
      this.emitBody(all.subarray(0, cut));
      this.tail = Buffer.from(all.subarray(cut));
    } else {
      this.emitBody(this.tail);
      this.emitBody(chunk.subarray(0, chunk.length - this.keep));
      this.tail = Buffer.from(chunk.subarray(chunk.length - this.keep));
    }
    cb();
  }

  private emitBody(b: Buffer): void {
    if (!b.length) return;
    this.crc = crc32(b, this.crc);
    this.size += b.length;
    this.push(b);
  }

  override _flush(cb: TransformCallback): void {
    if (this.tail.toString('latin1') !== COMMENT_PLACEHOLDER) {
      cb(new Error('zip comment placeholder missing'));
      return;
    }
    this.comment = `${COMMENT_MARKER}${hex8(this.crc)}`;
    this.size += this.keep;
    cb(null, Buffer.from(this.comment, 'latin1'));
  }
}
