/**
 * Heavy methods run off the calling thread. Through a Dispatcher with a worker pool
 * (what Electron main and the harness use), an import, a backup and a restore run in the worker,
 * on its own connection to the same real ledger file, while this thread's event loop keeps
 * turning; a restore closes this thread's connection for its duration and opens the new file after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext, type LedgerContext } from '@core/api';
import { Dispatcher, placement } from '@core/api/dispatch';
import { exportLedger } from '@core/ledger/exchange';
import { WorkerPool } from '@core/worker/pool';
import type { Progress } from '@core/worker/protocol';
import { bulkRecords, tempDir } from '../backup/helpers';
import { builtFile } from '../support/built';

let dir: string;
let ctx: LedgerContext;
let pool: WorkerPool;
let dispatch: Dispatcher;
let exchangeText: string;

const count = (c: LedgerContext) => (c.db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n;

/** Runs `job` and counts how often this thread's event loop got a turn meanwhile. */
async function turnsDuring<T>(job: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let on = true;
  const spin = () => {
    if (!on) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const value = await job();
  on = false;
  return { value, turns };
}

beforeAll(async () => {
  dir = tempDir('fazhi-worker-');
  // An exchange file of 20,000 records, made in a scratch ledger.
  const scratch = openContext(path.join(dir, 'scratch.db'));
  bulkRecords(scratch.db, 20_000);
  exchangeText = exportLedger(scratch.db);
  scratch.close();
  ctx = openContext(path.join(dir, 'ledger.db'));
  pool = new WorkerPool();
  dispatch = new Dispatcher(() => ctx, pool);
});
afterAll(async () => {
  await pool?.close();
  ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('placement', () => {
  it('the heavy methods are declared for the worker; restore replaces the file', () => {
    for (const n of ['exchange.export', 'backup.create', 'backup.verify', 'report.render']) expect(placement(n), n).toBe('worker');
    // Replacing the ledger needs this thread to let go of its hold on it (db/hold.ts).
    for (const n of ['backup.restore', 'exchange.import', 'exchange.importFile']) expect(placement(n), n).toBe('exclusive');
    expect(placement('records.list')).toBe('inline');
  });
});

describe('through the pool', () => {
  it('an import runs in the worker: this thread keeps turning, and its connection sees the records', async () => {
    const seen: Progress[] = [];
    const { value, turns } = await turnsDuring(() => dispatch.call('exchange.import', { text: exchangeText }, (p) => seen.push(p)));
    expect(value).toEqual({ ok: true, value: { records: 20_000 } });
    expect(turns).toBeGreaterThan(10);
    expect(count(ctx)).toBe(20_000);
    // The corner note's stages: 校验中, then the share of records written (once per percent), then the end.
    expect(seen.map((p) => p.label).filter((l, i, a) => l !== a[i - 1])).toEqual(['已开始', '校验中', '写入中', '已结束']);
    const shares = seen.filter((p) => p.total);
    expect(shares).toHaveLength(101); // 0% … 100%
    expect(shares.at(-1)).toMatchObject({ method: 'exchange.import', done: 20_000, total: 20_000 });
  });

  it('inline, the same import gives this thread no turn at all (what the window saw before)', async () => {
    const inline = new Dispatcher(() => ctx);
    const { value, turns } = await turnsDuring(() => inline.call('exchange.import', { text: exchangeText }));
    expect(value.ok).toBe(true);
    expect(turns).toBeLessThanOrEqual(1);
  });

  it('a backup and a restore: the restore closes this connection meanwhile, calls made during it wait, then see the restored ledger', async () => {
    const target = tempDir('fazhi-worker-bk-');
    try {
      const seen: Progress[] = [];
      const made = await turnsDuring(() => dispatch.call('backup.create', { targetDir: target }, (p) => seen.push(p)));
      expect(made.value.ok, JSON.stringify(made.value)).toBe(true);
      expect(made.turns).toBeGreaterThan(1);
      // The screen's 正在备份（n%）: shares rise to the whole, then the read-back, then the end.
      const shares = seen.filter((p) => p.total);
      expect(shares.length).toBeGreaterThan(1);
      expect(shares.every((p, i) => i === 0 || p.done! >= shares[i - 1].done!)).toBe(true);
      expect(shares.at(-1)).toMatchObject({ method: 'backup.create', done: shares.at(-1)!.total });
      expect(seen.slice(-2).map((p) => p.label)).toEqual(['校验中', '已结束']);
      const file = (made.value as { ok: true; value: { file: string } }).value.file;
      ctx.db.prepare('DELETE FROM records').run();
      expect(count(ctx)).toBe(0);
      const restoring = dispatch.call('backup.restore', { file });
      const during = dispatch.call('ledger.years', {});
      const restored = await restoring;
      expect(restored.ok, JSON.stringify(restored)).toBe(true);
      expect(await during).toEqual({ ok: true, value: expect.any(Array) });
      expect(ctx.db.open).toBe(true);
      expect(count(ctx)).toBe(20_000);
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it('a method error comes back as the same Result as inline; progress reaches the caller', async () => {
    const seen: Progress[] = [];
    const bad = await dispatch.call('exchange.import', { text: '{"not":"ours"}' }, (p) => seen.push(p));
    const inline = await new Dispatcher(() => ctx).call('exchange.import', { text: '{"not":"ours"}' });
    expect(bad).toEqual(inline);
    expect(bad.ok).toBe(false);
    expect(seen.map((p) => p.method)).toEqual(expect.arrayContaining(['exchange.import']));
  });

  it('the built worker (out/main/worker.js, what Electron loads) runs the same jobs', async () => {
    const built = builtFile('out/main/worker.js');
    const p = new WorkerPool(built);
    try {
      const d = new Dispatcher(() => ctx, p);
      expect(await d.call('backup.verify', { file: path.join(dir, 'nope.ftzb') })).toMatchObject({
        ok: true,
        value: { sound: false },
      });
      // exceljs is loaded on first use (core/excel/exceljs.ts): the built bundle must find it then.
      const template = await d.call('excel.template', { kind: 'meeting' });
      expect(template).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.xlsx$/) } });
      if (!template.ok) throw new Error(template.error.message);
      expect(
        Buffer.from((template.value as { dataBase64: string }).dataBase64, 'base64')
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
    } finally {
      await p.close();
    }
  });
});
