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
