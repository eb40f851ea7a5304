/**
 * Replacing the whole ledger from an exchange file in the app (文件 → 导入台账): the file is
 * checked completely first, then the current ledger is saved as a safety copy (like a restore
 * does), and only then replaced. A bad file changes nothing and leaves no copy.
 */
import fs from 'node:fs';
import type { LedgerContext } from '../context';
import { checkedExchange, writeExchange } from '../ledger/exchange';
import type { StageReport } from '../stages';
import { createBackup } from './create';
import { safetyDirFor } from './safety';

export async function replaceLedgerWithSafetyCopy(
  ctx: LedgerContext,
  text: string,
  progress?: StageReport,
): Promise<{ records: number; safetyCopy: string }> {
  progress?.({ stage: 'check' });
  const file = checkedExchange(text);
  fs.mkdirSync(safetyDirFor(ctx.file), { recursive: true });
  const safetyCopy = (await createBackup(ctx, safetyDirFor(ctx.file), { tag: '导入前', recordLastBackup: false })).file;
  return { ...writeExchange(ctx.db, file, progress), safetyCopy };
}
