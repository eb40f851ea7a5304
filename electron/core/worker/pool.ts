/**
 * Heavy API methods off the main thread. A method declared `{ worker: true }` (../api/define.ts)
 * is sent here by the dispatcher (../api/dispatch.ts) and runs in a worker thread with its own
 * connection to the ledger; the main thread only posts the job and receives the Result, so the
 * window (Electron) or the server (harness) keeps answering. One worker, jobs in order: two heavy
 * jobs on one ledger would only contend for its file and the disk.
 * `entry` is the worker script: the built out/main/worker.js in Electron, ./dev-entry.cjs (tsx)
 * everywhere else.
 *
 * Nothing a job does can end the host: the worker runs under `resourceLimits` (a job that needs
 * more memory ends that worker, not the process) and a watchdog (a job that reports no progress
 * for JOB_TIME_LIMIT_MS once its worker is ready is stopped). A dead worker fails only the job it
 * was running; the next job starts a fresh worker and reports its own outcome.
 */
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ApiResult } from '@rules/api/protocol';
import { sqliteBinding } from '../db/sqlite';
import type { Job, Progress, WorkerData, WorkerMessage } from './protocol';

const DEV_WORKER_ENTRY = path.join(__dirname, 'dev-entry.cjs');

/** The worker's heap: room for a year's workbook or a large backup, far below what ends the host. */
const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 64 };

/** A job silent (no progress, no answer) this long is taken for hung and stopped. */
const JOB_TIME_LIMIT_MS = 10 * 60_000;

interface PoolOptions {
  resourceLimits?: ResourceLimits;
  /** Silence allowed to a job once its worker is ready; JOB_TIME_LIMIT_MS unless set. */
  jobTimeLimitMs?: number;
  /** Time a fresh worker may take to say it is ready; JOB_TIME_LIMIT_MS unless set. */
  startTimeLimitMs?: number;
}

interface Pending {
  resolve(r: ApiResult): void;
  /** A sign of life from the worker: the job's silence is counted afresh. */
  alive(): void;
  onProgress?: (p: Progress) => void;
}

const failed = (message: string): ApiResult => ({ ok: false, error: { code: 'INTERNAL', message, issues: [] } });
const crashed = (why: string): ApiResult => failed(`后台任务意外中止（${why}），台账未被改动的部分保持原样，请重试`);

/** Why a worker died, in the clerk's words (never the runtime's English). */
function deathReason(err: Error & { code?: string }): string {
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return '所需内存超过上限，可能是文件过大或内容异常';
  return '程序内部出错';
}

/** One worker thread and the jobs sent to it (only ever one at a time, but kept as its own map). */
interface Slot {
  worker: Worker;
  jobs: Map<number, Pending>;
  dead: boolean;
  /** The worker said it is ready: loading the core is behind it, so silence now is the job's. */
  ready: boolean;
}

export class WorkerPool {
  private slot: Slot | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly limits: ResourceLimits;
  private readonly timeLimitMs: number;
  private readonly startLimitMs: number;

  constructor(
    private readonly entry: string = DEV_WORKER_ENTRY,
    opts: PoolOptions = {},
  ) {
    this.limits = opts.resourceLimits ?? WORKER_LIMITS;
    this.timeLimitMs = opts.jobTimeLimitMs ?? JOB_TIME_LIMIT_MS;
    this.startLimitMs = opts.startTimeLimitMs ?? JOB_TIME_LIMIT_MS;
  }

  /** Runs `name` against the ledger `file` in the worker; resolves to its Result, never rejects. */
  run(file: string, name: string, payload: unknown, onProgress?: (p: Progress) => void): Promise<ApiResult> {
    const job = this.queue.then(() => this.send({ id: this.nextId++, file, name, payload }, onProgress));
    this.queue = job;
    return job;
  }

  private send(job: Job, onProgress?: (p: Progress) => void): Promise<ApiResult> {
    if (this.closed) return Promise.resolve(crashed('程序正在退出'));
    const slot = this.start();
    return new Promise<ApiResult>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      // Until its worker is ready a job is waiting for the start, which has a limit of its own.
      const watch = () => {
        clearTimeout(timer);
        const limitMs = slot.ready ? this.timeLimitMs : this.startLimitMs;
        timer = setTimeout(() => {
          const minutes = Math.round(limitMs / 60_000);
          this.kill(
            slot,
            failed(`后台任务${minutes >= 1 ? `超过${minutes}分钟` : '长时间'}没有进展，已停止（文件可能过大或内容异常），台账未被改动`),
          );
        }, limitMs);
      };
      slot.jobs.set(job.id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        alive: watch,
        onProgress: (p) => {
          watch();
          onProgress?.(p);
        },
      });
      watch();
      // Keep the process alive while a job runs; an idle worker does not (the CLI, tests).
      slot.worker.ref();
      slot.worker.postMessage(job);
    });
  }

  private start(): Slot {
    if (this.slot) return this.slot;
    // The thread opens the ledger with the addon this process chose (../db/sqlite.ts).
    const workerData: WorkerData = { sqliteBinding: sqliteBinding() };
    const slot: Slot = {
      worker: new Worker(this.entry, { workerData, resourceLimits: this.limits }),
      jobs: new Map(),
      dead: false,
      ready: false,
    };
    const w = slot.worker;
    w.on('message', (m: WorkerMessage) => {
      if ('ready' in m) {
        slot.ready = true;
        for (const p of slot.jobs.values()) p.alive();
        return;
      }
      const p = slot.jobs.get(m.id);
      if (!p) return;
      if ('progress' in m) return p.onProgress?.(m.progress);
      slot.jobs.delete(m.id);
      if (!slot.jobs.size) w.unref();
      p.resolve(m.result);
    });
    // Both may come, error first: the second finds this slot's jobs already answered, and never
    // touches a newer worker's.
    w.on('error', (err) => this.kill(slot, crashed(deathReason(err))));
    w.on('exit', (code) => this.kill(slot, crashed(`退出码 ${code}`)));
    this.slot = slot;
    return slot;
  }

  /** Ends a worker and answers its own jobs with `result`; the next job starts a fresh worker. */
  private kill(slot: Slot, result: ApiResult): void {
    if (this.slot === slot) this.slot = null;
    for (const [id, p] of slot.jobs) {
      slot.jobs.delete(id);
      p.resolve(result);
    }
    if (!slot.dead) {
      slot.dead = true;
      void slot.worker.terminate();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const slot = this.slot;
    this.slot = null;
    if (slot) {
      slot.dead = true;
      await slot.worker.terminate();
    }
  }
}
