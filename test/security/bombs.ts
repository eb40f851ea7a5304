/**
 * Hostile workbooks, generated without ever holding their inflated content: a part is written as
 * one deflated chunk repeated (each chunk a byte-aligned, non-final deflate block, then one empty
 * final block), so a 2 GB part costs a few MB of file and milliseconds of work. Sizes and CRCs in
 * the zip are whatever the attack claims (the reader must not trust them).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const MB = 1024 * 1024;

export interface Part {
  name: string;
  deflated: Buffer;
  /** What the zip's headers claim. */
  size: number;
  crc: number;
}

/** A part of `text` as is. */
export const plain = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, deflated: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
};

/** `prefix`, then `repeat` MB of `fill`, then `suffix`; the headers claim `claim` bytes (default: the truth). */
function huge(name: string, prefix: string, fill: string, repeatMb: number, suffix: string, claim?: number): Part {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const chunk = zlib.deflateRawSync(Buffer.alloc(MB, fill), flush);
  const blocks = [zlib.deflateRawSync(Buffer.from(prefix), flush)];
  for (let i = 0; i < repeatMb; i++) blocks.push(chunk);
  blocks.push(zlib.deflateRawSync(Buffer.from(suffix)));
  const size = prefix.length + repeatMb * MB + suffix.length;
  return { name, deflated: Buffer.concat(blocks), size: claim ?? Math.min(size, 0xfffffffe), crc: 0 };
}

/** A zip of the parts (deflated, zip32), written by hand so nothing is inflated on the way. */
export function zip(parts: Part[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(p.crc, 14);
    h.writeUInt32LE(p.deflated.length, 18);
    h.writeUInt32LE(p.size, 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, p.deflated);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(p.crc, 16);
    c.writeUInt32LE(p.deflated.length, 20);
    c.writeUInt32LE(p.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>`;
const ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>会议日期</t></is></c></row>';

/** The parts of a one-sheet workbook, with `sheet` (or the default sheet) and `extra` parts. */
export function workbookParts(sheet: Part | null, extra: Part[] = [], sst = false): Part[] {
  return [
    plain(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    ),
    plain(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    plain(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RELS}"><sheets><sheet name="会议" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    plain(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>${sst ? `<Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
    sheet ?? plain('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${ROW}</sheetData></worksheet>`),
    ...extra,
  ];
}

/** Every bomb of the kind the probe found, by file name; the sizes are what the part inflates to. */
export const BOMBS: Record<string, () => Buffer> = {
  // One shared string of 400 MB of "A".
  'shared-string.xlsx': () =>
    zip(
      workbookParts(
        plain('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`),
        [
          huge(
            'xl/sharedStrings.xml',
            `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`,
            'A',
            400,
            '</t></si></sst>',
          ),
        ],
        true,
      ),
    ),
  // A theme inflating to 600 MB (exceljs read it whole into one string).
  'theme.xlsx': () => zip(workbookParts(null, [huge('xl/theme/theme1.xml', '<a:theme xmlns:a="x"><a:x>', 'A', 600, '</a:x></a:theme>')])),
  // 12 pictures of 1.9 GB each.
  'media.xlsx': () =>
    zip(
      workbookParts(
        null,
        Array.from({ length: 12 }, (_, i) => huge(`xl/media/image${i + 1}.png`, '', '\0', 1900, '')),
      ),
    ),
  // 40 junk parts of 500 MB each.
  'junk.xlsx': () =>
    zip(
      workbookParts(
        null,
        Array.from({ length: 40 }, (_, i) => huge(`xl/junk/part${i}.bin`, '', '\0', 500, '')),
      ),
    ),
  // A sheet of one row padded with 1.7 GB of whitespace.
  'whitespace.xlsx': () =>
    zip(workbookParts(huge('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${ROW}`, ' ', 1700, '</sheetData></worksheet>'))),
  // A sheet whose headers claim 2 KB and which inflates to 1 GB.
  'lying-size.xlsx': () =>
    zip(workbookParts(huge('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${ROW}`, ' ', 1000, '</sheetData></worksheet>', 2048))),
};

/** Writes every bomb into `dir`; returns their paths by name. */
export function writeBombs(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, make] of Object.entries(BOMBS)) {
    out[name] = path.join(dir, name);
    fs.writeFileSync(out[name], make());
  }
  return out;
}

/** A zip that holds no workbook at all. */
export const notAWorkbook = (): Buffer => zip([plain('readme.txt', 'hello'), plain('data/a.csv', 'a,b\n1,2\n')]);

/** What Excel writes for an .xlsx with an open password: an OLE compound file holding EncryptedPackage. */
export function encryptedWorkbook(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(b, 0);
  Buffer.from('EncryptionInfo', 'utf16le').copy(b, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(b, 1152);
  return b;
}
