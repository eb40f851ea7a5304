/** Opens a temp ledger loaded with the 双土镇 2023 fixture. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContext, type LedgerContext } from '@core/api';
import { importLedger } from '@core/ledger/exchange';

export const FIXTURE = path.join(import.meta.dirname, '../fixtures/shuangtu-2023.json');

export function shuangtuLedger(): { ctx: LedgerContext; dir: string; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-report-'));
  const file = path.join(dir, 'ledger.db');
  const ctx = openContext(file);
  importLedger(ctx.db, fs.readFileSync(FIXTURE, 'utf8'));
  return { ctx, dir, file, cleanup: () => (ctx.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}
