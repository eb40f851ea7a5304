/** Messages between the API dispatcher (main thread) and the worker that runs heavy methods. */
import type { ApiResult } from '../api/define';

/** Where a long job has got to, as the screen shows it. */
export interface Progress {
  /** The API method running. */
  method: string;
  /** What it is doing now, in Chinese (正在导入记录…). */
  label: string;
  done?: number;
  total?: number;
  /** The last event of a job (sent by the dispatcher when the Result is in). */
  finished?: true;
}

export interface Job {
  id: number;
  file: string;
  name: string;
  payload: unknown;
}

export type WorkerMessage = { id: number; progress: Progress } | { id: number; result: ApiResult } | { ready: true };

/** Handed to the thread at its start: the SQLite addon main chose (undefined: the package's own). */
export interface WorkerData {
  sqliteBinding?: string;
}
