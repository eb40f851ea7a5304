/**
 * Runs API methods for a shell (Electron main, the harness): inline on this thread, or — for a
 * method declared `{ worker: true }` or `{ worker: 'exclusive' }` (./define.ts) — in the worker
 * pool (../worker/pool.ts), with progress passed to the caller. `'exclusive'` is for a method
 * that replaces the ledger file (restore): this thread's connection closes while it runs (calls
 * arriving meanwhile wait) and opens the new file afterwards. Without a pool (the CLI, most
 * tests) every method runs inline, exactly as before. Every call's outcome (method, ok/failed,
 * duration, error code — never its input or output) goes to the shell's log here, the one point
 * all of them pass.
 */
import type { z } from 'zod';
import { LedgerError } from '@rules/errors';
import { apiTable, callApi } from './index';
import type { ApiMethod, ApiResult, MethodOptions } from './define';
import type { LedgerContext } from '../context';
import type { WorkerPool } from '../worker/pool';
import type { Progress } from '../worker/protocol';
import { logJob, NO_LOG, type Logger } from '../diagnostics/log';

// Methods differ in their path fields; the dispatcher reads each one's options by name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const table = apiTable as unknown as Record<string, ApiMethod<z.ZodType, unknown, MethodOptions<any>>>;

/** How a method runs: 'inline', 'worker', or 'exclusive' (worker, with this thread's connection closed). */
export function placement(name: string): 'inline' | 'worker' | 'exclusive' {
  const w = Object.hasOwn(table, name) ? table[name].options.worker : undefined;
  return w === 'exclusive' ? 'exclusive' : w ? 'worker' : 'inline';
}

/**
 * The context an inline call runs against: the shared one, reporting to this call's listener. A
 * view, not a copy (reads such as `db` go through to the live context, which a restore swaps).
 */
const withProgress = (ctx: LedgerContext, onProgress?: (p: Progress) => void): LedgerContext =>
  onProgress ? (Object.create(ctx, { progress: { value: onProgress } }) as LedgerContext) : ctx;

export class Dispatcher {
  /** Set while an exclusive job runs; everything else waits for it. */
  private exclusive: Promise<unknown> | null = null;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly getCtx: () => LedgerContext,
    readonly pool: WorkerPool | null = null,
    private readonly log: Logger = NO_LOG,
  ) {}

  async call(name: string, payload: unknown, onProgress?: (p: Progress) => void): Promise<ApiResult> {
    const started = performance.now();
    const result = await this.dispatch(name, payload, onProgress);
    logJob(this.log, name, result, performance.now() - started);
    return result;
  }

  private async dispatch(name: string, payload: unknown, onProgress?: (p: Progress) => void): Promise<ApiResult> {
    while (this.exclusive) await this.exclusive.catch(() => undefined);
    const where = this.pool ? placement(name) : 'inline';
    if (!onProgress) return this.place(where, name, payload);
    if (where === 'inline') {
      // An inline job that reports progress (the 档案袋) is closed like a worker's; the others send nothing.
      let reported = false;
      const scoped = (p: Progress) => {
        reported = true;
        onProgress(p);
      };
      try {
        return await this.place(where, name, payload, scoped);
      } finally {
        if (reported) onProgress({ method: name, label: '已结束', finished: true });
      }
    }
    // The screen shows a job from its first progress event to this last one, whatever the outcome.
    try {
      return await this.place(where, name, payload, onProgress);
    } finally {
      onProgress({ method: name, label: '已结束', finished: true });
    }
  }

  private async place(
    where: 'inline' | 'worker' | 'exclusive',
    name: string,
    payload: unknown,
    onProgress?: (p: Progress) => void,
  ): Promise<ApiResult> {
    if (where === 'exclusive') return this.runExclusive(name, payload, onProgress);
    const run =
      where === 'worker'
        ? this.pool!.run(this.getCtx().file, name, payload, onProgress)
        : callApi(withProgress(this.getCtx(), onProgress), name, payload);
    this.inflight.add(run);
    try {
      return await run;
    } finally {
      this.inflight.delete(run);
    }
  }

  /** Like call, for the shell's own use: the value, or the method's error thrown as a LedgerError. */
  async value<T>(name: string, payload: unknown, onProgress?: (p: Progress) => void): Promise<T> {
    const r = await this.call(name, payload, onProgress);
    if (!r.ok) throw new LedgerError(r.error.code, r.error.message, r.error.issues);
    return r.value as T;
  }

  private runExclusive(name: string, payload: unknown, onProgress?: (p: Progress) => void): Promise<ApiResult> {
    const job = (async () => {
      await Promise.allSettled([...this.inflight]);
      const ctx = this.getCtx();
      ctx.close();
      try {
        return await this.pool!.run(ctx.file, name, payload, onProgress);
      } finally {
        ctx.reopen();
      }
    })();
    this.exclusive = job;
    return job.finally(() => {
      if (this.exclusive === job) this.exclusive = null;
    });
  }
}
