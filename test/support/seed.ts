/**
 * What a suite's ledger holds before the app opens it: the 双土镇 fixture, the 设置, the records,
 * put in through the API as the app would (validated, one transaction each). The Chromium suites
 * pass it to `startApp({ seed })`; anything that needs a ledger file already filled can call
 * `seedLedger(file, seed)`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openContext, type LedgerContext } from '@core/api';
import { importLedger } from '@core/ledger/exchange';
import type { RecordData } from '@rules/kinds';
import type { Settings } from '@rules/settings';
import { api } from './call';
import { sampleRecord } from './samples';

/** The 2023 双土镇 ledger as an exchange file (scripts/make-shuangtu-fixture.ts writes it). */
export const SHUANGTU_2023 = path.resolve(__dirname, '../fixtures/shuangtu-2023.json');

/** The 石桥镇 the Chromium suites' own ledgers are set up for; each adds its codes and villages. */
export const SHIQIAO: Partial<Settings> = {
  county: '某某县',
  town: '石桥镇',
  partyOrg: '中共石桥镇委员会',
  govOrg: '石桥镇人民政府',
};

/**
 * One record to create: `data` as given, or the `sample`-th every-field sample of the kind
 * (`sampleRecord(kind, sample, { year, everyField })`, with the seed's villages) with `data`
 * laid over it.
 */
export type SeedRecord =
  { kind: string; data: RecordData; sample?: undefined } | { kind: string; sample: number; year: number; data?: RecordData };

export interface LedgerSeed {
  /** An exchange file imported first, as the clerk's 导入 would. */
  fixture?: string;
  settings?: Partial<Settings>;
  /** Created in this order, after the settings. */
  records?: readonly SeedRecord[];
  /** Steps that need the ledger open and the new records' ids, e.g. advancing a 规范性文件. */
  after?: (ctx: LedgerContext, ids: string[]) => Promise<unknown>;
}

/** Fills the ledger at `file` (created if missing) and closes it; returns the new records' ids in order. */
export async function seedLedger(file: string, seed: LedgerSeed): Promise<string[]> {
  const ctx = openContext(file);
  try {
    if (seed.fixture) importLedger(ctx.db, fs.readFileSync(seed.fixture, 'utf8'));
    if (seed.settings) await api(ctx, 'settings.save', { settings: seed.settings });
    const ids: string[] = [];
    for (const r of seed.records ?? []) {
      const data = r.sample === undefined ? r.data : { ...sampled(r.kind, r.sample, r.year, seed.settings?.villages), ...r.data };
      ids.push((await api<{ id: string }>(ctx, 'records.create', { kind: r.kind, data })).id);
    }
    await seed.after?.(ctx, ids);
    return ids;
  } finally {
    ctx.close();
  }
}

function sampled(kind: string, n: number, year: number, villages: readonly string[] | undefined): RecordData {
  // A generated record names villages; without the ledger's own they would fail its village check.
  if (!villages?.length) throw new Error(`seed: a sampled ${kind} record needs settings.villages`);
  return sampleRecord(kind, n, { year, everyField: { villages } });
}
