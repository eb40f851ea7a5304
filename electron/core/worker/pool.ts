/**
 * Heavy API methods off the main thread. A method declared `{ worker: true }` (../api/define.ts)
 * is sent here by the dispatcher (../api/dispatch.ts) and runs in a worker thread with its own
 * connection to the ledger; the main thread only posts the job and receives the Result, so the
 * window (Electron) or the server (harness) keeps answering. One worker, jobs in order: two heavy
 * jobs on one ledger would only contend for its file and the disk.
 * `entry` is the worker script: the built out/main/worker.js in Electron, ./dev-entry.cjs (tsx)
 * everywhere else.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '@rules/api/protocol';
import type { Job, Progress, WorkerMessage } from './protocol';

export const DEV_WORKER_ENTRY = path.join(__dirname, 'dev-entry.cjs');

interface Pending {
  resolve(r: ApiResult): void;
  onProgress?: (p: Progress) => void;
}

const crashed = (why: string): ApiResult => ({
  ok: false,
  error: { code: 'INTERNAL', message: `后台任务意外中止（${why}），台账未被改动的部分保持原样，请重试`, issues: [] },
});

export class WorkerPool {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly entry: string = DEV_WORKER_ENTRY) {}

  /** Runs `name` against the ledger `file` in the worker; resolves to its Result, never rejects. */
  run(file: string, name: string, payload: unknown, onProgress?: (p: Progress) => void): Promise<ApiResult> {
    const job = this.queue.then(() => this.send({ id: this.nextId++, file, name, payload }, onProgress));
    this.queue = job;
    return job;
  }

  private send(job: Job, onProgress?: (p: Progress) => void): Promise<ApiResult> {
    if (this.closed) return Promise.resolve(crashed('程序正在退出'));
    const w = this.start();
    return new Promise<ApiResult>((resolve) => {
      this.pending.set(job.id, { resolve, onProgress });
      // Keep the process alive while a job runs; an idle worker does not (the CLI, tests).
      w.ref();
      w.postMessage(job);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.entry);
    w.on('message', (m: WorkerMessage) => {
      if ('ready' in m) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      if ('progress' in m) return p.onProgress?.(m.progress);
      this.pending.delete(m.id);
      if (!this.pending.size) w.unref();
      p.resolve(m.result);
    });
    const fail = (why: string) => {
      // A dead worker takes its jobs with it; the next job starts a fresh one.
      this.worker = null;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.resolve(crashed(why));
      }
    };
    w.on('error', (err) => fail(err.message));
    w.on('exit', (code) => fail(`退出码 ${code}`));
    this.worker = w;
    return w;
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
