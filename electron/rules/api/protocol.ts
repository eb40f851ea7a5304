/**
 * What every caller of the core's API gets back, whatever the transport (IPC, the harness's HTTP,
 * the CLI, a worker thread): a Result that never throws, and progress notes for long jobs.
 * Plain data, so the screens can name it without the core.
 */
import type { ErrorPayload } from '../errors';

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Where a long job has got to, as the screen shows it. */
export interface Progress {
  /** The API method running. */
  method: string;
  /** What it is doing now, in Chinese (正在导入记录…). */
  label: string;
  done?: number;
  total?: number;
  /** The step of a job with several (打印登记簿), shown with the share when `total` is known. */
  stage?: string;
  /** The last event of a job (sent by the dispatcher when the Result is in). */
  finished?: true;
}
