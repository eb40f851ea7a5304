/**
 * The benches measure ledgers they generate (bench/ledger.ts); a generator that drifts from the
 * kinds' rules makes `npm run bench` fail on its seed instead of measuring. This keeps the
 * generated year importable as the kinds stand today.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openContext } from '@core/api';
import { importLedger } from '@core/ledger/exchange';
import { KINDS } from '@rules/kinds';
import { seedExchange } from '../../bench/ledger';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-seed-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a generated bench year imports whole, every kind present', () => {
  const ctx = openContext(path.join(dir, 'ledger.db'));
  try {
    const exchange = seedExchange(1, 2_000);
    const expected = (JSON.parse(exchange) as { records: unknown[] }).records.length;
    importLedger(ctx.db, exchange);
    const counts = ctx.db.prepare('SELECT kind, count(*) AS n FROM records GROUP BY kind').all() as { kind: string; n: number }[];
    expect(counts.reduce((s, c) => s + c.n, 0)).toBe(expected);
    const seeded = new Set(counts.map((c) => c.kind));
    expect(KINDS.filter((k) => !seeded.has(k.id)).map((k) => k.id)).toEqual([]);
  } finally {
    ctx.close();
  }
});
