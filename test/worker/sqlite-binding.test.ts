/**
 * The built worker (out/main/worker.js, what Electron loads) opens SQLite with the addon its main
 * thread chose (electron/core/db/sqlite.ts), not the package default: a choice of a missing
 * addon fails its job, where the default build would have run it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { SQLITE_ADDON } from '@core/db/electron-binding';
import { useSqliteBinding } from '@core/db/sqlite';
import { WorkerPool } from '@core/worker/pool';
import { builtFile } from '../support/built';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-built-worker-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the built worker', () => {
  it('opens SQLite with the addon its main thread chose', async () => {
    const file = path.join(dir, 'ledger.db');
    openContext(file).close();
    const pool = new WorkerPool(builtFile('out/main/worker.js'));
    try {
      expect((await pool.run(file, 'exchange.export', {})).ok).toBe(true);
    } finally {
      await pool.close();
    }
    useSqliteBinding(path.join(dir, 'missing', SQLITE_ADDON));
    const chosen = new WorkerPool(builtFile('out/main/worker.js'));
    try {
      const r = await chosen.run(file, 'exchange.export', {});
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r)).toContain('MODULE_NOT_FOUND');
    } finally {
      await chosen.close();
      useSqliteBinding(undefined);
    }
  });
});
