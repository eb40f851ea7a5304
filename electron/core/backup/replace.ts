/**
 * Replacing the whole ledger from an exchange file in the app (文件 → 导入台账): the file is
 * checked completely first, then the current ledger is saved as a safety copy (like a restore
 * does), and only then replaced. A bad file changes nothing and leaves no copy.
 */
import fs from 'node:fs';
import { LedgerError } from '@rules/errors';
import type { LedgerContext } from '../ledger/context';
import { checkExchange, importLedger, parseExchange } from '../ledger/exchange';
import { createBackup } from './create';
import { safetyDirFor } from './safety';

export async function replaceLedgerWithSafetyCopy(ctx: LedgerContext, text: string): Promise<{ records: number; safetyCopy: string }> {
  const { issues } = checkExchange(parseExchange(text));
  if (issues.length) throw new LedgerError('VALIDATION', `交换文件有${issues.length}处错误，未导入任何数据`, issues);
  fs.mkdirSync(safetyDirFor(ctx.file), { recursive: true });
  const safetyCopy = (await createBackup(ctx, safetyDirFor(ctx.file), { tag: '导入前', recordLastBackup: false })).file;
  return { ...importLedger(ctx.db, text), safetyCopy };
}
