/** Messages between the API dispatcher (main thread) and the worker that runs heavy methods. */
import type { ApiResult, Progress } from '@rules/api/protocol';

export type { Progress };

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
