/**
 * Streams the parts of a backup into a zip with yazl, hashing each on the way through, then
 * appends the manifest (which needs those hashes) and stamps the whole-file CRC into the comment.
 * Nothing is held whole in memory; the first error anywhere aborts the whole archive.
 */
import type fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { LedgerError } from '@rules/errors';
import { COMMENT_PLACEHOLDER, MANIFEST_NAME, type Part } from './format';
import { CommentStamper, HashCounter } from './hash-stream';
import { openFileSink, type FileSink } from '../fs/file-sink';
import { useNativeCrcForYazl } from './fast-crc';
import { NotRegularFile, regularFileStream } from '../fs/regular-file';

/** Where the archive bytes go; tests inject one that fails midway (a pulled drive, a full disk). */
type OutputFile = FileSink;
export type OpenOutput = (tmpPath: string) => Promise<OutputFile>;

export const openFileOutput: OpenOutput = (tmpPath) => openFileSink(tmpPath, 'wx');

/** Level 1: the 85 MB snapshot of a 200,000-record ledger deflates in 0.6 s instead of 1.6 s (level 6), 9 % larger. */
const DEFLATE_LEVEL = 1;

export interface SourcePart {
  /** Name inside the zip. */
  path: string;
  /** File on disk to read it from. */
  file: string;
  size: number;
  /** Deflate it (the SQLite snapshot) or store it as is (photos and PDFs are already compressed). */
  compress: boolean;
  /** Content-addressed files must hash to their own name; a mismatch means the live copy is damaged. */
  expectSha?: string;
  /** How the clerk knows this part, for messages (e.g. the attachment's file name). */
  label: string;
}

/** What went into the file, for the read-back to compare with what the drive returns. */
export interface Written {
  size: number;
  /** CRC-32 of every byte before the zip comment. */
  crc: number;
  comment: string;
}

export async function writeArchive(
  out: OutputFile,
  parts: SourcePart[],
  makeManifest: (parts: Part[]) => Buffer,
  mtime: Date,
  /** Told the size of each chunk read from the parts, for a progress figure. */
  onBytes?: (n: number) => void,
): Promise<Written> {
  useNativeCrcForYazl();
  const zipfile = new yazl.ZipFile();
  let failReject: (e: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failReject = reject));
  failure.catch(() => undefined);
  let failed = false;
  const open = new Set<fs.ReadStream>();
  const fail = (e: Error) => {
    if (failed) return;
    failed = true;
    failReject(e);
    (zipfile.outputStream as unknown as Readable).destroy(e);
    for (const s of open) s.destroy();
  };
  zipfile.on('error', fail);
  const stamper = new CommentStamper();
  const done = pipeline(zipfile.outputStream as NodeJS.ReadableStream, stamper, out.stream);
  done.catch(fail);

  const results = parts.map(
    (p) =>
      new Promise<Part>((resolve) => {
        zipfile.addReadStreamLazy(p.path, { compressionLevel: p.compress ? DEFLATE_LEVEL : 0, size: p.size, mtime }, (cb) => {
          const failed = (e: NodeJS.ErrnoException) =>
            fail(
              e.code === 'ENOENT' && p.expectSha
                ? new LedgerError('IO', `附件文件缺失：“${p.label}”（${p.file}），请重新添加该附件后再备份`)
                : e instanceof NotRegularFile
                  ? new LedgerError(
                      'IO',
                      `附件文件“${p.label}”（${p.file}）不是普通文件（被替换成了管道、链接或文件夹），备份未生成，请重新添加该附件后再备份`,
                    )
                  : e,
            );
          let src: fs.ReadStream;
          try {
            // Only a regular file: a pipe in the store would block the backup forever.
            src = regularFileStream(p.file);
          } catch (e) {
            return failed(e as NodeJS.ErrnoException);
          }
          const h = new HashCounter();
          open.add(src);
          src.on('close', () => open.delete(src));
          if (onBytes) src.on('data', (chunk: string | Buffer) => onBytes(chunk.length));
          src.on('error', failed);
          h.on('end', () => {
            if ((p.expectSha && h.digest !== p.expectSha) || h.size !== p.size) {
              fail(new LedgerError('IO', `附件文件已损坏或被改动：“${p.label}”（${p.file}），请重新添加该附件后再备份`));
            } else resolve({ path: p.path, size: h.size, sha256: h.digest });
          });
          cb(null, src.pipe(h));
        });
      }),
  );

  const hashed = await Promise.race([Promise.all(results), failure]);
  zipfile.addBuffer(makeManifest(hashed), MANIFEST_NAME, { compressionLevel: DEFLATE_LEVEL, mtime });
  zipfile.end({ comment: COMMENT_PLACEHOLDER } as yazl.EndOptions);
  await Promise.race([done, failure]);
  return { size: stamper.size, crc: stamper.crc, comment: stamper.comment };
}
