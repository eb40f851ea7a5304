/**
 * The main thread never freezes. The shell runs heavy methods through the
 * Dispatcher and its worker pool, as Electron main and the harness do; a probe
 * (perf_hooks.monitorEventLoopDelay, 10 ms resolution) on this thread records its longest block
 * while (1) main's 导入台账 imports an exchange file of 200,000 records (exchange.importFile) and
 * (2) a backup of the ledger with 1 GB of attachments runs (backup.create). Target: < 100 ms.
 * Scale with BENCH_RESPONSIVE_RECORDS / BENCH_RESPONSIVE_FILES (10 MB each) for a quick look.
 * Needs about 3 GB free in the temp folder; everything is removed afterwards.
 *
 * Run alone with `npm run bench -- responsive`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openContext } from '@core/api';
import { Dispatcher } from '@core/api/dispatch';
import { exportLedger } from '@core/ledger/exchange';
import { WorkerPool } from '@core/worker/pool';
import { seed } from './backup';
import type { BenchRow } from './row';

const TARGET_MS = 100;

/** The longest time this thread could not run anything while `job` ran, in ms. */
async function longestBlock(job: () => Promise<unknown>): Promise<{ ms: number; p99: number; jobMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t0 = performance.now();
  const r = (await job()) as { ok?: boolean; error?: { message: string } };
  const jobMs = performance.now() - t0;
  h.disable();
  if (r && r.ok === false) throw new Error(r.error?.message);
  return { ms: h.max / 1e6, p99: h.percentile(99) / 1e6, jobMs };
}

/**
 * The same probe with nothing running, for a while: on a shared, loaded machine the OS alone
 * delays a timer by tens of ms, which is not the app blocking. Read the rows against this one.
 */
const IDLE_MS = 15_000;
const idle = () => longestBlock(() => new Promise((r) => setTimeout(r, IDLE_MS)));

export async function run(): Promise<BenchRow[]> {
  const records = Number(process.env.BENCH_RESPONSIVE_RECORDS ?? 200_000);
  const files = Number(process.env.BENCH_RESPONSIVE_FILES ?? 100);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-responsive-'));
  const pool = new WorkerPool();
  try {
    const source = path.join(dir, 'source', '台账.db');
    seed(source, { records, files });
    const exchange = path.join(dir, 'exchange.json');
    const src = openContext(source);
    try {
      fs.writeFileSync(exchange, exportLedger(src.db));
    } finally {
      src.close();
    }
    const quiet = await idle();
    const rows: BenchRow[] = [
      {
        name: `main thread longest block: idle ${IDLE_MS / 1000} s (machine noise)`,
        ms: quiet.ms,
        note: `p99 ${quiet.p99.toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
      },
    ];

    const target = openContext(path.join(dir, 'target', '台账.db'));
    try {
      const dispatch = new Dispatcher(() => target, pool);
      // The worker's first job also loads its code; warm it so the row measures the import.
      await dispatch.call('ledger.years', {});
      const imp = await longestBlock(() => dispatch.call('exchange.importFile', { file: exchange }));
      rows.push({
        name: `main thread longest block: import ${records.toLocaleString('en')} records`,
        ms: imp.ms,
        targetMs: TARGET_MS,
        note: `p99 ${imp.p99.toFixed(0)} ms; import took ${(imp.jobMs / 1000).toFixed(1)} s in the worker; file ${(fs.statSync(exchange).size / 1024 ** 2).toFixed(0)} MB`,
      });
    } finally {
      target.close();
    }

    const ledger = openContext(source);
    try {
      const dispatch = new Dispatcher(() => ledger, pool);
      const out = path.join(dir, 'out');
      fs.mkdirSync(out);
      const bk = await longestBlock(() => dispatch.call('backup.create', { targetDir: out }));
      const size = fs.readdirSync(out).reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0);
      rows.push({
        name: `main thread longest block: backup ${(size / 1024 ** 3).toFixed(2)} GB`,
        ms: bk.ms,
        targetMs: TARGET_MS,
        note: `p99 ${bk.p99.toFixed(0)} ms; backup took ${(bk.jobMs / 1000).toFixed(1)} s in the worker`,
      });
    } finally {
      ledger.close();
    }
    return rows;
  } finally {
    await pool.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
