/**
 * The whole API surface of the core, one entry per method. Electron IPC, the loopback
 * harness and the CLI all call exactly these, through invokeMethod.
 */
import { z } from 'zod';
import { KIND_IDS, KINDS, kindData } from '@rules/kinds';
import { method } from './define';
import { getSettings, saveSettings } from '../ledger/settings';
import {
  createRecord,
  deleteRecord,
  duplicateRecord,
  getRecord,
  purgeRecord,
  restoreRecord,
  updateRecord,
} from '../ledger/records';
import { ledgerYears, listRecords, listTrash, yearStats } from '../ledger/query';
import { ledgerGaps } from '../ledger/gaps';
import { advanceNormativeDoc, withdrawNormativeDoc } from '../ledger/normative-doc';
import { exportLedger, importLedger } from '../ledger/exchange';
import { LedgerError } from '@rules/errors';
import fs from 'node:fs/promises';
import { sweepOrphans } from '../ledger/attachments';
import { attachmentsDirFor } from '../ledger/context';
import { yearSchema } from '@rules/limits';

const id = z.object({ id: z.string().min(1).max(100) });

/** The largest exchange file taken (also the app's; the CLI's import reads with the same check). */
export const MAX_EXCHANGE_BYTES = 512 * 1024 * 1024;

async function readExchangeFile(file: string): Promise<string> {
  const st = await fs.stat(file);
  if (!st.isFile()) throw new LedgerError('BAD_FILE', '所选的不是文件，不是法治台账交换文件');
  if (st.size > MAX_EXCHANGE_BYTES) throw new LedgerError('BAD_FILE', '文件过大，不是法治台账交换文件');
  return fs.readFile(file, 'utf8');
}
const year = yearSchema;
const data = z.record(z.string(), z.unknown());

export const ledgerApi = {
  'kinds.list': method(z.object({}), () => KINDS.map(kindData)),
  'settings.get': method(z.object({}), (ctx) => getSettings(ctx.db)),
  'settings.save': method(z.object({ settings: data }), (ctx, i) => saveSettings(ctx.db, i.settings)),
  'records.list': method(
    z.object({
      kind: z.enum(KIND_IDS),
      year,
      page: z.int().min(1).optional(),
      pageSize: z.int().min(1).max(500).optional(),
      sortBy: z.string().max(50).optional(),
      sortDir: z.enum(['asc', 'desc']).optional(),
      filters: z.record(z.string().max(50), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
      search: z.string().max(100).optional(),
    }),
    (ctx, q) => listRecords(ctx.db, q),
  ),
  'records.get': method(id, (ctx, i) => getRecord(ctx.db, i.id), { cliOnly: true }),
  'records.create': method(z.object({ kind: z.enum(KIND_IDS), data }), (ctx, i) => createRecord(ctx.db, i.kind, i.data)),
  'records.update': method(z.object({ id: z.string().min(1).max(100), data }), (ctx, i) => updateRecord(ctx.db, i.id, i.data)),
  'records.duplicate': method(id, (ctx, i) => duplicateRecord(ctx.db, i.id)),
  'records.delete': method(id, (ctx, i) => deleteRecord(ctx.db, i.id)),
  'trash.list': method(z.object({}), (ctx) => listTrash(ctx.db)),
  'trash.restore': method(id, (ctx, i) => restoreRecord(ctx.db, i.id)),
  'trash.purge': method(id, (ctx, i) => {
    purgeRecord(ctx.db, i.id);
    // The purge cascaded to the record's attachment rows; their files go too unless shared.
    sweepOrphans(ctx.db, attachmentsDirFor(ctx.file));
    return { purged: i.id };
  }),
  'normativeDocs.advance': method(
    z.object({ id: z.string().min(1).max(100), step: z.string().max(20), data }),
    (ctx, i) => advanceNormativeDoc(ctx.db, i.id, i.step, i.data),
  ),
  'normativeDocs.withdraw': method(z.object({ id: z.string().min(1).max(100), reason: z.string().max(500) }), (ctx, i) =>
    withdrawNormativeDoc(ctx.db, i.id, i.reason),
  ),
  'ledger.years': method(z.object({}), (ctx) => ledgerYears(ctx.db)),
  'ledger.stats': method(z.object({ year }), (ctx, i) => yearStats(ctx.db, i.year)),
  'ledger.gaps': method(z.object({ year }), (ctx, i) => ledgerGaps(ctx.db, i.year)),
  // The page never sees the whole ledger as one string, nor replaces it: 文件 → 导出/导入台账 run in
  // main (file.exportLedger / file.importLedger, with main's own save dialog and confirmation).
  'exchange.export': method(z.object({}), (ctx) => exportLedger(ctx.db), { cliOnly: true, worker: true }),
  'exchange.import': method(z.object({ text: z.string().max(MAX_EXCHANGE_BYTES) }), (ctx, i) => importLedger(ctx.db, i.text), { cliOnly: true, worker: true }),
  /** The file main's open dialog picked, read in the worker (main never holds the text). */
  'exchange.importFile': method(z.object({ file: z.string().min(1).max(4096) }), async (ctx, i) => importLedger(ctx.db, await readExchangeFile(i.file)), {
    cliOnly: true,
    worker: true,
  }),
};
