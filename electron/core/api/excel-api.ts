/**
 * API methods for Excel in and out (docs/excel.md). Workbooks travel as base64 both ways, the
 * same over IPC and the harness (like attachments): the renderer uploads the clerk's file for a
 * preview, sends it again with the confirmed mapping to import, and downloads exports and templates.
 */
import { getSettings } from '../ledger/settings';
import { getKind } from '@rules/kinds';
import { LedgerError } from '@rules/errors';
import { method } from './define';
import { API_INPUTS } from '@rules/api/inputs';
import {
  exportKindWorkbook,
  exportYearWorkbook,
  importWorkbook,
  previewWorkbook,
  refusedRowsWorkbook,
  templateFileName,
  templateWorkbook,
} from '../excel';
import { MAX_WORKBOOK_BYTES } from '@rules/upload';

/** Reading and writing workbooks takes seconds for a big year: off the window's thread when the shell has a pool. */
const HEAVY = { worker: true } as const;
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64, refused over the size cap before it is decoded. */
function decodeWorkbook(b64: string): Buffer {
  const size = Math.floor((b64.length * 3) / 4);
  if (size > MAX_WORKBOOK_BYTES)
    throw new LedgerError('VALIDATION', `工作簿不能超过30 MB（此文件约${(size / 1024 / 1024).toFixed(1)} MB），请拆分后再导入`);
  if (b64.length % 4 !== 0 || !BASE64_RE.test(b64)) throw new LedgerError('VALIDATION', '工作簿内容编码不正确，请重新选择文件');
  return Buffer.from(b64, 'base64');
}

const file = (r: { bytes: Buffer; fileName: string; records?: number }) => ({
  fileName: r.fileName,
  dataBase64: r.bytes.toString('base64'),
  records: r.records ?? 0,
});

export const excelApi = {
  'excel.preview': method(API_INPUTS['excel.preview'], (ctx, i) => previewWorkbook(ctx.db, decodeWorkbook(i.dataBase64), i), HEAVY),
  'excel.import': method(API_INPUTS['excel.import'], (ctx, i) => importWorkbook(ctx.db, decodeWorkbook(i.dataBase64), i), HEAVY),
  'excel.refusedRows': method(
    API_INPUTS['excel.refusedRows'],
    async (ctx, i) => file({ ...(await refusedRowsWorkbook(ctx.db, decodeWorkbook(i.dataBase64), i)), fileName: '未导入的行.xlsx' }),
    HEAVY,
  ),
  'excel.exportYear': method(API_INPUTS['excel.exportYear'], async (ctx, i) => file(await exportYearWorkbook(ctx.db, i.year)), HEAVY),
  'excel.exportKind': method(
    API_INPUTS['excel.exportKind'],
    async (ctx, { columns, ...q }) => file(await exportKindWorkbook(ctx.db, q, columns)),
    HEAVY,
  ),
  'excel.template': method(
    API_INPUTS['excel.template'],
    async (ctx, i) => {
      const kind = i.kind ? getKind(i.kind) : undefined;
      const { villages, townType } = getSettings(ctx.db);
      return file({ bytes: await templateWorkbook(kind, villages, townType), fileName: templateFileName(kind) });
    },
    HEAVY,
  ),
};
