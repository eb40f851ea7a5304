/**
 * Test support for the ledger: a real ledger file in a fresh temp folder, and the valid sample
 * records of ./samples. Other test suites reuse it, so it stays small and side-effect free.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContext, type LedgerContext } from '@core/api';
import { KINDS } from '@rules/kinds';
import { SAMPLES, sampleRecord } from './samples';
import { createRecord, type LedgerRecord } from '@core/ledger/records';
import { saveSettings } from '@core/ledger/settings';
import type { Settings } from '@rules/settings';
import { LedgerError } from '@rules/errors';
import { afterEach, expect } from 'vitest';

// The sample records live in ./samples (pure, so the e2e suites use them too); re-exported for the ledger suites.
export { SAMPLES, sampleRecord };

/** Settings every temp ledger starts with (enough for 规范性文件 numbering and village checks). */
export const SAMPLE_SETTINGS: Partial<Settings> = {
  town: '双土镇',
  county: '某县',
  partyOrg: '中共双土镇委员会',
  govOrg: '双土镇人民政府',
  partyCode: '双土委文',
  govCode: '双土府发',
  normativeCode: '双土府规',
  mainRecipients: '县委、县政府',
  cc: '县委依法治县办',
  issuer: '双土镇党政办公室',
  villages: ['石桥村', '河坝村', '场镇社区'],
  secretary: '张三',
  mayor: '李四',
};

export interface TempLedger {
  ctx: LedgerContext;
  /** Absolute path of the ledger file. */
  file: string;
  /** The temp folder holding it (removed by cleanup). */
  dir: string;
  /** Closes the ledger and removes the folder. Safe to call twice. */
  cleanup: () => void;
}

/** Makes an empty temp folder; the caller removes it. */
export function tempDir(prefix = 'fazhi-ledger-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * For a suite's top level: a maker of temp ledgers, each closed and removed after the test that
 * made it.
 */
export function ledgerPerTest(): (opts?: Parameters<typeof tempLedger>[0]) => TempLedger {
  const open: TempLedger[] = [];
  afterEach(() => {
    for (const l of open.splice(0)) l.cleanup();
  });
  return (opts) => {
    const l = tempLedger(opts);
    open.push(l);
    return l;
  };
}

/**
 * Opens a new ledger file in a temp folder, with SAMPLE_SETTINGS saved
 * (pass `settings: null` for a ledger with no settings at all).
 */
export function tempLedger(opts: { settings?: Partial<Settings> | null; name?: string } = {}): TempLedger {
  const dir = tempDir();
  const file = path.join(dir, opts.name ?? 'ledger.db');
  const ctx = openContext(file);
  if (opts.settings !== null) saveSettings(ctx.db, { ...SAMPLE_SETTINGS, ...opts.settings });
  return {
    ctx,
    file,
    dir,
    cleanup() {
      ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** sha256 of a file's bytes, to prove a file was not touched. */
export function hashFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Creates every sample of every kind in each of `years`; returns the records in creation order. */
export function addAllSamples(ctx: LedgerContext, years: readonly number[] = [2023]): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  for (const year of years) {
    for (const k of KINDS) SAMPLES[k.id].forEach((_, v) => out.push(createRecord(ctx.db, k.id, sampleRecord(k.id, v, { year }))));
  }
  return out;
}

/** Every kind id, for `it.each`. */
export const KIND_IDS_FOR_TESTS: string[] = KINDS.map((k) => k.id);

/** Runs fn, expecting a LedgerError with the given code, and returns it for further checks. */
export function fails(fn: () => unknown, code: string): LedgerError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError);
    expect((e as LedgerError).code).toBe(code);
    return e as LedgerError;
  }
  throw new Error(`expected ${code}`);
}
