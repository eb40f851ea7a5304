/**
 * The whole API surface of the core, one entry per method. Electron IPC, the loopback
 * harness and the CLI all call exactly these, through invokeMethod.
 */
import { kindData } from '@rules/kinds';
import { method } from './define';
import { API_INPUTS } from '@rules/api/inputs';
import { getSettings } from '../ledger/settings';
import { ledgerKinds } from '../ledger/kinds';
import { saveSettingsWorded } from '../ledger/level-wording';
import { createRecord, deleteRecord, duplicateRecord, getRecord, purgeRecord, restoreRecord, updateRecord } from '../ledger/records';
import { ledgerYears, listRecords, listTotals, listTrash, searchRecords, yearStats } from '../ledger/query';
import { ledgerGaps } from '../ledger/gaps';
import { evidenceGaps } from '../ledger/evidence';
import { advanceNormativeDoc, correctNormativeDoc, returnNormativeDoc, withdrawNormativeDoc } from '../ledger/normative-doc';

/** Today on this computer's calendar, YYYY-MM-DD (history lines are dated as the clerk lives them). */
const localToday = (d = new Date()) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
import { exportLedger, importLedger, readExchangeFile } from '../ledger/exchange';
import { stagesTo } from '../stages';
import { sweepOrphans } from '../ledger/attachments';
import { attachmentsDirFor, type LedgerContext } from '../context';
import { replaceLedgerWithSafetyCopy } from '../backup/replace';

export const ledgerApi = {
  // Worded for the ledger's 乡镇类型 (ledger/kinds.ts): the screens never see a level template.
  'kinds.list': method(API_INPUTS['kinds.list'], (ctx) => ledgerKinds(ctx.db).map(kindData)),
  'settings.get': method(API_INPUTS['settings.get'], (ctx) => getSettings(ctx.db)),
  'settings.save': method(API_INPUTS['settings.save'], (ctx, i) => saveSettingsWorded(ctx.db, i.settings)),
  'records.list': method(API_INPUTS['records.list'], (ctx, q) => listRecords(ctx.db, q)),
  'records.totals': method(API_INPUTS['records.totals'], (ctx, q) => listTotals(ctx.db, q)),
  // The header's 全局搜索: every kind of the working year at once, grouped by kind.
  'records.search': method(API_INPUTS['records.search'], (ctx, q) => searchRecords(ctx.db, q)),
  // The page opens a record by id (the 首页's 待补登记 links, #/kind/<kind>/<id>).
  'records.get': method(API_INPUTS['records.get'], (ctx, i) => getRecord(ctx.db, i.id)),
  'records.create': method(API_INPUTS['records.create'], (ctx, i) => createRecord(ctx.db, i.kind, i.data)),
  'records.update': method(API_INPUTS['records.update'], (ctx, i) => updateRecord(ctx.db, i.id, i.data)),
  'records.duplicate': method(API_INPUTS['records.duplicate'], (ctx, i) => duplicateRecord(ctx.db, i.id)),
  'records.delete': method(API_INPUTS['records.delete'], (ctx, i) => deleteRecord(ctx.db, i.id)),
  'trash.list': method(API_INPUTS['trash.list'], (ctx) => listTrash(ctx.db)),
  'trash.restore': method(API_INPUTS['trash.restore'], (ctx, i) => restoreRecord(ctx.db, i.id)),
  'trash.purge': method(API_INPUTS['trash.purge'], (ctx, i) => {
    purgeRecord(ctx.db, i.id);
    // The purge cascaded to the record's attachment rows; their files go too unless shared.
    sweepOrphans(ctx.db, attachmentsDirFor(ctx.file));
    return { purged: i.id };
  }),
  'normativeDocs.advance': method(API_INPUTS['normativeDocs.advance'], (ctx, i) => advanceNormativeDoc(ctx.db, i.id, i.step, i.data)),
  'normativeDocs.withdraw': method(API_INPUTS['normativeDocs.withdraw'], (ctx, i) => withdrawNormativeDoc(ctx.db, i.id, i.reason)),
  'normativeDocs.correct': method(API_INPUTS['normativeDocs.correct'], (ctx, i) =>
    correctNormativeDoc(ctx.db, i.id, i.step, i.data, i.reason, localToday()),
  ),
  'normativeDocs.return': method(API_INPUTS['normativeDocs.return'], (ctx, i) => returnNormativeDoc(ctx.db, i.id, i.reason, localToday())),
  'ledger.years': method(API_INPUTS['ledger.years'], (ctx) => ledgerYears(ctx.db)),
  'ledger.stats': method(API_INPUTS['ledger.stats'], (ctx, i) => yearStats(ctx.db, i.year)),
  'ledger.gaps': method(API_INPUTS['ledger.gaps'], (ctx, i) => ledgerGaps(ctx.db, i.year)),
  'ledger.evidenceGaps': method(API_INPUTS['ledger.evidenceGaps'], (ctx, i) => evidenceGaps(ctx.db, i.year, i.limit)),
  // The page never sees the whole ledger as one string, nor replaces it: 文件 → 导出/导入台账 run in
  // main (file.exportLedger / file.importLedger, with main's own save dialog and confirmation).
  'exchange.export': method(API_INPUTS['exchange.export'], (ctx) => exportLedger(ctx.db), { cliOnly: true, worker: true }),
  // Replacing the ledger while another process writes to it would lose that process's writes, so
  // both imports hold it exclusively; 'exclusive' placement lets go of this thread's hold first.
  'exchange.import': method(
    API_INPUTS['exchange.import'],
    (ctx, i) => replacing(ctx, () => importLedger(ctx.db, i.text, stagesTo(ctx, 'exchange.import'))),
    {
      cliOnly: true,
      worker: 'exclusive',
    },
  ),
  /** The file main's open dialog picked, read in the worker (main never holds the text); a safety copy first. */
  'exchange.importFile': method(
    API_INPUTS['exchange.importFile'],
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
