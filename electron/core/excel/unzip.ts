/**
 * Opens an .xlsx with bounded memory and time before exceljs sees it. exceljs (through JSZip)
 * inflates every part of the zip whole, the theme and the pictures included, so a 400 KB file can
 * hold a 600 MB theme or a 400 MB shared string and end the process. Here the zip's central
 * directory is read first (yauzl), only the parts a 台账 import reads are kept (workbook, sheets,
 * shared strings, styles and their relations), each one's inflated size is checked against
 * PART_LIMIT and all of them against TOTAL_LIMIT before anything is inflated, and the same limits
 * are enforced while inflating (a size the directory understates is caught on the way). The kept
 * parts go to exceljs as a new stored zip; the rest is never inflated.
 */
import yauzl from 'yauzl';
import yazl from 'yazl';
import { LedgerError } from '@rules/errors';

const MB = 1024 * 1024;
/** One sheet or the shared strings: a year's 台账 is a few MB of XML; 50 MB is ~100,000 rows. */
const PART_LIMIT = 50 * MB;
/** All kept parts together. */
const TOTAL_LIMIT = 100 * MB;
/**
 * Every part, kept or not, as the directory declares it: pictures barely compress, so a 30 MB
 * workbook of photos declares about 30 MB; gigabytes declared are a bomb, refused as one.
 */
const DECLARED_LIMIT = 200 * MB;
/** A workbook with more parts than this is not a 台账 (each part costs a directory entry to read). */
const MAX_ENTRIES = 10_000;

/** The parts exceljs needs for cell values and date formats; pictures, themes, comments and the rest stay packed. */
const KEEP =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/[^/]+\.xml)$/i;

const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;
const bad = (what: string) => new LedgerError('BAD_FILE', what);

const NOT_WORKBOOK = '不是Excel工作簿（.xlsx）：压缩包里没有工作簿内容，可能是其他压缩文件或Word文档，未导入';
const DAMAGED = '工作簿已损坏，无法读取（压缩数据不完整或不一致），请在Excel或WPS中打开后另存为.xlsx再导入';

/** A part as the clerk can know it (never its path inside the zip). */
function partLabel(name: string): string {
  if (/sharedStrings/i.test(name)) return '文字表';
  if (/worksheets\//i.test(name)) return '工作表数据';
  if (/styles/i.test(name)) return '格式表';
  if (/media\//i.test(name)) return '图片';
  if (/theme/i.test(name)) return '主题';
  if (/workbook|Content_Types|rels/i.test(name)) return '目录';
  return '附带部件';
}

function tooBig(name: string, size: number, limit: number): LedgerError {
  return bad(
    `工作簿中的${name}解压后超过${mb(limit)}（约${mb(size)}），远大于一年的台账，可能已损坏或被改动过，为防程序卡死未读取。请在Excel或WPS中打开后另存为.xlsx，或拆分后再导入`,
  );
}

/** The workbook's parts a 台账 import reads, as a new zip of stored entries for exceljs. */
export async function slimWorkbook(bytes: Buffer): Promise<Buffer> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) =>
      err ? reject(bad(DAMAGED)) : resolve(z),
    ),
  );
  if (zip.entryCount > MAX_ENTRIES) throw bad(`工作簿包含${zip.entryCount}个部件，不像是台账文件，未导入`);
  const kept = new Map<string, yauzl.Entry>();
  let total = 0;
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      declared += e.uncompressedSize;
      if (e.uncompressedSize > PART_LIMIT && !KEEP.test(e.fileName))
        return reject(tooBig(partLabel(e.fileName), e.uncompressedSize, PART_LIMIT));
      if (declared > DECLARED_LIMIT) return reject(tooBig('全部内容', declared, DECLARED_LIMIT));
      if (KEEP.test(e.fileName)) {
        if (e.generalPurposeBitFlag & 1)
          return reject(bad('工作簿设有打开密码（已加密），无法读取。请在Excel或WPS中取消密码，另存为.xlsx后再导入'));
        if (e.uncompressedSize > PART_LIMIT) return reject(tooBig(partLabel(e.fileName), e.uncompressedSize, PART_LIMIT));
        total += e.uncompressedSize;
        if (total > TOTAL_LIMIT) return reject(tooBig('全部表格', total, TOTAL_LIMIT));
        kept.set(e.fileName, e);
      }
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', () => reject(bad(DAMAGED)));
    zip.readEntry();
  }).catch((err) => {
    zip.close();
    throw err;
  });
  const has = (re: RegExp) => [...kept.keys()].some((n) => re.test(n));
  if (!has(/^xl\/workbook\.xml$/i) || !has(/^\[Content_Types\]\.xml$/i)) throw bad(NOT_WORKBOOK);

  const out = new yazl.ZipFile();
  let inflated = 0;
  for (const [name, e] of kept) {
    const data = await inflate(zip, e, (n) => {
      inflated += n;
      if (inflated > TOTAL_LIMIT) throw tooBig('全部表格', inflated, TOTAL_LIMIT);
    });
    out.addBuffer(data, name, { compress: false });
  }
  out.end();
  const chunks: Buffer[] = [];
  for await (const c of out.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** One entry inflated, never past its declared size (yauzl checks it) nor PART_LIMIT. */
function inflate(zip: yauzl.ZipFile, e: yauzl.Entry, count: (n: number) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(e, (err, stream) => {
      if (err || !stream) return reject(bad(DAMAGED));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        try {
          if (size > PART_LIMIT) throw tooBig(partLabel(e.fileName), size, PART_LIMIT);
          count(c.length);
        } catch (limit) {
          stream.destroy();
          return reject(limit as Error);
        }
        chunks.push(c);
      });
      // yauzl's own size check ("too many bytes in the stream") and a broken deflate stream land here.
      stream.on('error', () => reject(bad(DAMAGED)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
