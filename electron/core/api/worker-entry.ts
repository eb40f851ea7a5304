/**
 * The worker thread that runs the API methods declared `{ worker: true }` (../worker/pool.ts). Each job
 * opens its own connection to the ledger file, runs the method through the same callApi as the
 * main thread (schema, handler, Result), reports progress through ctx.progress, and closes the
 * connection before answering, so the main thread's connection sees a finished ledger.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '@rules/errors';
import { callApi } from '.';
import { openContext } from './open-context';
import { useSqliteBinding } from '../db/sqlite';
import type { Job, WorkerData, WorkerMessage } from '../worker/protocol';

useSqliteBinding((workerData as WorkerData | null)?.sqliteBinding);

const port = parentPort;
if (!port) throw new Error('worker entry loaded outside a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);

port.on('message', async (job: Job) => {
  let result;
  try {
    // The host's own connection has the ledger open: nothing here may open a second descriptor on it.
    const ctx = openContext(job.file, { heldByProcess: true });
    ctx.progress = (p) => post({ id: job.id, progress: p });
    // The screen learns at once that the job has started; handlers report finer steps themselves.
    ctx.progress({ method: job.name, label: '已开始' });
    try {
      result = await callApi(ctx, job.name, job.payload);
    } finally {
      ctx.close();
    }
  } catch (err) {
    result = { ok: false as const, error: toErrorPayload(err) };
  }
  post({ id: job.id, result });
});
post({ ready: true });
