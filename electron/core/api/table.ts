/**
 * The whole API surface of the core, one entry per method. Electron IPC, the loopback
 * harness and the CLI all call exactly these, through invokeMethod.
 */
import { z } from 'zod';
import { KIND_IDS, KINDS, kindData } from '@rules/kinds';
import { method } from './define';
import { getSettings, saveSettings } from '../ledger/settings';
import { createRecord, deleteRecord, duplicateRecord, getRecord, purgeRecord, restoreRecord, updateRecord } from '../ledger/records';
import { ledgerYears, listRecords, listTotals, listTrash, searchRecords, yearStats } from '../ledger/query';
import { ledgerGaps } from '../ledger/gaps';
import { evidenceGaps } from '../ledger/evidence';
import { advanceNormativeDoc, correctNormativeDoc, returnNormativeDoc, withdrawNormativeDoc } from '../ledger/normative-doc';

/** Today on this computer's calendar, YYYY-MM-DD (history lines are dated as the clerk lives them). */
const localToday = (d = new Date()) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
import { exportLedger, importLedger, MAX_EXCHANGE_BYTES, readExchangeFile } from '../ledger/exchange';
import { stagesTo } from '../stages';
import { sweepOrphans } from '../ledger/attachments';
import { attachmentsDirFor, type LedgerContext } from '../context';
import { yearSchema } from '@rules/limits';
import { replaceLedgerWithSafetyCopy } from '../backup/replace';

const id = z.object({ id: z.string().min(1).max(100) });

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
  'records.totals': method(
    z.object({
      kind: z.enum(KIND_IDS),
      year,
      filters: z.record(z.string().max(50), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
      search: z.string().max(100).optional(),
    }),
    (ctx, q) => listTotals(ctx.db, q),
  ),
  // The header's 全局搜索: every kind of the working year at once, grouped by kind.
  'records.search': method(z.object({ year, search: z.string().max(100), perKind: z.int().min(1).max(50).optional() }), (ctx, q) =>
    searchRecords(ctx.db, q),
  ),
  // The page opens a record by id (the 首页's 待补登记 links, #/kind/<kind>/<id>).
  'records.get': method(id, (ctx, i) => getRecord(ctx.db, i.id)),
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
  'normativeDocs.advance': method(z.object({ id: z.string().min(1).max(100), step: z.string().max(20), data }), (ctx, i) =>
    advanceNormativeDoc(ctx.db, i.id, i.step, i.data),
  ),
  'normativeDocs.withdraw': method(z.object({ id: z.string().min(1).max(100), reason: z.string().max(500) }), (ctx, i) =>
    withdrawNormativeDoc(ctx.db, i.id, i.reason),
  ),
  'normativeDocs.correct': method(
    z.object({ id: z.string().min(1).max(100), step: z.string().max(20), data, reason: z.string().max(500) }),
    (ctx, i) => correctNormativeDoc(ctx.db, i.id, i.step, i.data, i.reason, localToday()),
  ),
  'normativeDocs.return': method(z.object({ id: z.string().min(1).max(100), reason: z.string().max(500) }), (ctx, i) =>
    returnNormativeDoc(ctx.db, i.id, i.reason, localToday()),
  ),
  'ledger.years': method(z.object({}), (ctx) => ledgerYears(ctx.db)),
  'ledger.stats': method(z.object({ year }), (ctx, i) => yearStats(ctx.db, i.year)),
  'ledger.gaps': method(z.object({ year }), (ctx, i) => ledgerGaps(ctx.db, i.year)),
  'ledger.evidenceGaps': method(z.object({ year, limit: z.int().min(1).max(500).optional() }), (ctx, i) =>
    evidenceGaps(ctx.db, i.year, i.limit),
  ),
  // The page never sees the whole ledger as one string, nor replaces it: 文件 → 导出/导入台账 run in
  // main (file.exportLedger / file.importLedger, with main's own save dialog and confirmation).
  'exchange.export': method(z.object({}), (ctx) => exportLedger(ctx.db), { cliOnly: true, worker: true }),
  // Replacing the ledger while another process writes to it would lose that process's writes, so
  // both imports hold it exclusively; 'exclusive' placement lets go of this thread's hold first.
  'exchange.import': method(
    z.object({ text: z.string().max(MAX_EXCHANGE_BYTES) }),
    (ctx, i) => replacing(ctx, () => importLedger(ctx.db, i.text, stagesTo(ctx, 'exchange.import'))),
    {
      cliOnly: true,
      worker: 'exclusive',
    },
  ),
  /** The file main's open dialog picked, read in the worker (main never holds the text); a safety copy first. */
  'exchange.importFile': method(
    z.object({ file: z.string().min(1).max(4096) }),
    async (ctx, i) => {
      const text = readExchangeFile(i.file);
      return replacing(ctx, () => replaceLedgerWithSafetyCopy(ctx, text, stagesTo(ctx, 'exchange.importFile')));
    },
    { cliOnly: true, worker: 'exclusive' },
  ),
};

async function replacing<T>(ctx: LedgerContext, fn: () => T | Promise<T>): Promise<T> {
  const release = ctx.exclusive('导入交换文件');
  try {
    return await fn();
  } finally {
    release();
  }
}
