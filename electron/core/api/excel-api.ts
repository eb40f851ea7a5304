/**
 * API methods for Excel in and out (docs/excel.md). Workbooks travel as base64 both ways, the
 * same over IPC and the harness (like attachments): the renderer uploads the clerk's file for a
 * preview, sends it again with the confirmed mapping to import, and downloads exports and templates.
 */
import { getSettings } from '../ledger/settings';
import { z } from 'zod';
import { KIND_IDS, getKind } from '@rules/kinds';
import { LedgerError } from '@rules/errors';
import { safeRecord, yearSchema } from '@rules/limits';
import { method } from './define';
import { exportKindWorkbook, exportYearWorkbook, importWorkbook, previewWorkbook, templateFileName, templateWorkbook } from '../excel';
import { MAX_WORKBOOK_BYTES } from '../excel/read';

const year = yearSchema;
/** Reading and writing workbooks takes seconds for a big year: off the window's thread when the shell has a pool. */
const HEAVY = { worker: true } as const;
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64, refused over the size cap before it is decoded. */
export function decodeWorkbook(b64: string): Buffer {
  const size = Math.floor((b64.length * 3) / 4);
  if (size > MAX_WORKBOOK_BYTES)
    throw new LedgerError('VALIDATION', `工作簿不能超过30 MB（此文件约${(size / 1024 / 1024).toFixed(1)} MB），请拆分后再导入`);
  if (b64.length % 4 !== 0 || !BASE64_RE.test(b64)) throw new LedgerError('VALIDATION', '工作簿内容编码不正确，请重新选择文件');
  return Buffer.from(b64, 'base64');
}

const overrides = safeRecord(
  z.string().max(100),
  z.object({
    kind: z.enum(KIND_IDS).nullable().optional(),
    headerRow: z.int().min(1).max(1_048_576).optional(),
    columns: safeRecord(z.string().regex(/^[A-Z]{1,3}$/), z.string().max(50).nullable()).optional(),
  }),
).optional();

const importInput = z.object({
  // Said in the clerk's words: zod's own message names the field and a character count.
  dataBase64: z.string().max(Math.ceil((MAX_WORKBOOK_BYTES * 4) / 3) + 4, '工作簿不能超过30 MB，请拆分后再导入'),
  kind: z.enum(KIND_IDS).optional(),
  year: year.optional(),
  overrides,
});

const file = (r: { bytes: Buffer; fileName: string; records?: number }) => ({
  fileName: r.fileName,
  dataBase64: r.bytes.toString('base64'),
  records: r.records ?? 0,
});

export const excelApi = {
  'excel.preview': method(importInput, (ctx, i) => previewWorkbook(ctx.db, decodeWorkbook(i.dataBase64), i), HEAVY),
  'excel.import': method(
    importInput.extend({ allOrNothing: z.boolean().optional(), includeDuplicates: z.array(z.string().max(200)).max(100_000).optional() }),
    (ctx, i) => importWorkbook(ctx.db, decodeWorkbook(i.dataBase64), i),
    HEAVY,
  ),
  'excel.exportYear': method(z.object({ year }), async (ctx, i) => file(await exportYearWorkbook(ctx.db, i.year)), HEAVY),
  'excel.exportKind': method(
    z.object({
      kind: z.enum(KIND_IDS),
      year,
      sortBy: z.string().max(50).optional(),
      sortDir: z.enum(['asc', 'desc']).optional(),
      filters: z.record(z.string().max(50), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
      search: z.string().max(100).optional(),
    }),
    async (ctx, i) => file(await exportKindWorkbook(ctx.db, i)),
    HEAVY,
  ),
  'excel.template': method(
    z.object({ kind: z.enum(KIND_IDS).optional() }),
    async (ctx, i) => {
      const kind = i.kind ? getKind(i.kind) : undefined;
      return file({ bytes: await templateWorkbook(kind, getSettings(ctx.db).villages), fileName: templateFileName(kind) });
    },
    HEAVY,
  ),
};
