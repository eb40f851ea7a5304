/**
 * Every refusal of the wrong-or-English-message list, run in one test: each is said in Chinese,
 * names the file or the field it is about, and holds no ASCII word of an English internal (the
 * shared check, ../support/chinese.ts). The list: a workbook with an open password; workbooks
 * that made exceljs or the zip reader speak English (a shared-string index past the end, the
 * column XFE, an undefined XML entity, a part whose inflated size is not what the zip says); a
 * 44 MB workbook over the cap; a JSON import with a 20-digit 规范性文件 number; and a full disk
 * while writing the 档案袋, an Excel export, a register (PDF and HTML) and a template.
 *
 * The full disk is real: a small tmpfs mounted here (the test runs as root, as CI does) and filled
 * to the last byte. Nothing may be left on it under the final name or as a temp file. If it cannot
 * be mounted the test fails saying why: it never skips.
 *
 * The memory bombs of the same list (a 600 MB theme that ended in “Invalid string length”, the
 * 1 GB part whose headers lie about its size) are slow to inflate and have their own test,
 * ./workbook-bombs.test.ts; here each message's English source is reproduced with a small file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callApi, openContext, type LedgerContext } from '@core/api';
import { writeFileAtomicAsync } from '@core/fs/atomic';
import { exportLedger } from '@core/ledger/exchange';
import { saveSettings } from '@core/ledger/settings';
import { addAllSamples, SAMPLE_SETTINGS, tempDir } from '../support/ledger';
import { cli } from '../support/cli';
import { noEnglishInternals } from '../support/chinese';
import { encryptedWorkbook, plain, SHEET_HEAD, workbookParts, zip } from './bombs';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const FILLER = '填满.bin';

const dir = tempDir('fazhi-messages-');
/** The full disk: a tmpfs with no byte free but FILLER. */
const full = path.join(dir, '满的U盘');
let mounted = false;
/** A ledger held open here (the API's refusals) and one left closed for the CLI. */
let ctx: LedgerContext;
let closedLedger: string;

function run(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? null : `${cmd} ${args.join(' ')}：${(r.error?.message ?? r.stderr).trim() || `退出码 ${r.status}`}`;
}

beforeAll(() => {
  fs.mkdirSync(full);
  const why = run('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0755', 'tmpfs', full]);
  if (why) throw new Error(`cannot mount the small tmpfs this test fills (it needs root, as CI runs): ${why}`);
  mounted = true;
  const fd = fs.openSync(path.join(full, FILLER), 'w');
  try {
    const chunk = Buffer.alloc(4096, 1);
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  expect(() => fs.writeFileSync(path.join(full, 'probe'), 'x')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
  fs.rmSync(path.join(full, 'probe'), { force: true });

  ctx = openContext(path.join(dir, '台账.db'));
  saveSettings(ctx.db, SAMPLE_SETTINGS);
  addAllSamples(ctx);
  // A stand-in printer: the disk is what is under test, not Chromium.
  ctx.printPdf = async () => Buffer.from('%PDF-1.4\n%%EOF\n');
  closedLedger = path.join(dir, '另一本台账.db');
  const other = openContext(closedLedger);
  saveSettings(other.db, SAMPLE_SETTINGS);
  addAllSamples(other);
  other.close();
});

afterAll(() => {
  ctx?.close();
  const why = mounted ? run('umount', [full]) && run('umount', ['-l', full]) : null;
  fs.rmSync(dir, { recursive: true, force: true });
  if (why) throw new Error(why);
});

/** A workbook file of one sheet with `rows`, and `extra` parts. */
function sheetBook(rows: string, opts: { sst?: string; claim?: number } = {}): Buffer {
  const sheet = plain('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${rows}</sheetData></worksheet>`);
  const extra = opts.sst ? [plain('xl/sharedStrings.xml', `<sst xmlns="${NS}" count="1" uniqueCount="1">${opts.sst}</sst>`)] : [];
  return zip(workbookParts(opts.claim ? { ...sheet, size: opts.claim } : sheet, extra, !!opts.sst));
}
const cell = (ref: string, text: string) => `<row r="1"><c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c></row>`;

/** The CLI's import of a workbook written under `name`: its error output. */
async function importWorkbook(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const r = await cli('import', '--db', closedLedger, file);
  expect(r.code, name).not.toBe(0);
  return r.err;
}

/** The message of a refused API call, with its issues as the page shows them. */
async function refusedCall(method: string, input: unknown): Promise<string> {
  const r = await callApi(ctx, method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  expect(r.error.code, method).not.toBe('INTERNAL');
  return [r.error.message, ...r.error.issues.map((i) => `${i.fieldLabel ?? i.field ?? ''}：${i.message}`)].join(' ');
}

/** What is wrong, what the message must name, and how to get it. */
interface Refusal {
  what: string;
  names: string;
  says: RegExp;
  message: () => Promise<string>;
  /** For a write to the full disk: the final name that must not exist. */
  target?: string;
}

const onFull = (name: string) => path.join(full, name);
const SPACE = /空间不足/;

const REFUSALS: Refusal[] = [
  {
    what: 'a workbook with an open password',
    names: '加密的台账.xlsx',
    says: /设有打开密码/,
    message: () => importWorkbook('加密的台账.xlsx', encryptedWorkbook()),
  },
  {
    what: 'a shared-string index past the end (exceljs: reading “richText” of undefined)',
    names: '共享文字.xlsx',
    says: /工作簿/,
    message: () =>
      importWorkbook('共享文字.xlsx', sheetBook('<row r="1"><c r="A1" t="s"><v>7</v></c></row>', { sst: '<si><t>会议日期</t></si>' })),
  },
  {
    what: 'a cell past the last column (exceljs: Invalid column letter: XFE)',
    names: '超出列.xlsx',
    says: /工作簿/,
    message: () => importWorkbook('超出列.xlsx', sheetBook(cell('XFE1', '会议日期'))),
  },
  {
    what: 'an undefined XML entity (the parser: undefined entity)',
    names: '实体.xlsx',
    says: /工作簿/,
    message: () => importWorkbook('实体.xlsx', sheetBook(cell('A1', '会议&bogus;日期'))),
  },
  {
    what: 'a part whose inflated size is not what the zip says (jszip: uncompressed data size mismatch)',
    names: '大小不符.xlsx',
    says: /工作簿已损坏/,
    message: () => importWorkbook('大小不符.xlsx', sheetBook(cell('A1', '会议日期'), { claim: 20 })),
  },
  {
    what: 'a 44 MB workbook, over the cap',
    names: '太大的台账.xlsx',
    says: /不能超过30 MB/,
    message: () => importWorkbook('太大的台账.xlsx', Buffer.alloc(44 * 1024 * 1024, 0x41)),
  },
  {
    // A number of more than nine digits is no sequence number (it stays text); the sequence the
    // file carries for it is what used to end in SQLite's “cannot store REAL value”.
    what: 'a JSON import with a 20-digit 规范性文件 number',
    names: '编号序列',
    says: /编号序列/,
    message: async () => {
      const file = JSON.parse(exportLedger(ctx.db)) as {
        records: { kind: string; data: Record<string, unknown> }[];
        numberSequences: { last: number }[];
      };
      const doc = file.records.find((r) => r.kind === 'normativeDoc' && typeof r.data.number === 'string')!;
      doc.data.number = String(doc.data.number).replace(/〔(\d{4})〕\d+号/, '〔$1〕99999999999999999999号');
      file.numberSequences[0].last = 1e20;
      return refusedCall('exchange.import', { text: JSON.stringify(file) });
    },
  },
  {
    what: 'a full disk while writing the 档案袋',
    names: onFull('双土镇2023年法治台账档案袋.zip'),
    says: SPACE,
    target: onFull('双土镇2023年法治台账档案袋.zip'),
    message: () => refusedCall('dossier.export', { year: 2023, folder: full, draftReport: true }),
  },
  {
    what: 'a full disk while the CLI writes an Excel export',
    names: onFull('2023年台账.xlsx'),
    says: SPACE,
    target: onFull('2023年台账.xlsx'),
    message: async () => (await cli('export', '--db', closedLedger, '--year', '2023', '--out', onFull('2023年台账.xlsx'))).err,
  },
  {
    what: 'a full disk while the app saves a downloaded Excel export (the save dialog’s write)',
    names: onFull('下载的台账.xlsx'),
    says: SPACE,
    target: onFull('下载的台账.xlsx'),
    message: async () => {
      const r = await callApi(ctx, 'excel.exportYear', { year: 2023 });
      if (!r.ok) throw new Error(r.error.message);
      return writeFileAtomicAsync(onFull('下载的台账.xlsx'), Buffer.from((r.value as { dataBase64: string }).dataBase64, 'base64')).then(
        () => 'written',
        (err: Error) => err.message,
      );
    },
  },
  {
    what: 'a full disk while writing a register as PDF',
    names: onFull('会议登记簿.pdf'),
    says: SPACE,
    target: onFull('会议登记簿.pdf'),
    message: () => refusedCall('register.export', { kind: 'meeting', year: 2023, out: onFull('会议登记簿.pdf') }),
  },
  {
    what: 'a full disk while the CLI writes a register as HTML',
    names: onFull('会议登记簿.html'),
    says: SPACE,
    target: onFull('会议登记簿.html'),
    message: async () =>
      (await cli('register', '--db', closedLedger, '--year', '2023', '--kind', 'meeting', '--out', onFull('会议登记簿.html'))).err,
  },
  {
    what: 'a full disk while writing a template',
    names: onFull('导入模板.xlsx'),
    says: SPACE,
    target: onFull('导入模板.xlsx'),
    message: async () => (await cli('template', '--out', onFull('导入模板.xlsx'))).err,
  },
];

it('every refusal is in Chinese, names its file or field, and holds no English internal; a full disk leaves nothing behind', async () => {
  const ledgerBefore = exportLedger(ctx.db);
  for (const r of REFUSALS) {
    const message = await r.message();
    expect(message, r.what).toMatch(r.says);
    expect(message, r.what).toContain(r.names);
    // The file named (its extension, the test's ASCII temp folder) is the clerk's, not an internal.
    noEnglishInternals(message.replaceAll(r.names, '').replaceAll(dir, ''));
    if (r.target) {
      expect(message, r.what).toMatch(/(U盘|磁盘)[^，]{0,6}空间不足/);
      expect(fs.existsSync(r.target), r.what).toBe(false);
      expect(fs.readdirSync(full), `${r.what}: a temp file left on the disk`).toEqual([FILLER]);
    }
  }
  expect(exportLedger(ctx.db)).toBe(ledgerBefore);
}, 600_000);
