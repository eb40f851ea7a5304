/**
 * ApiError: what `call` throws when a method fails — the core's code, its Chinese message for
 * the clerk, and per-field issues — whether the answer came over IPC or from the harness.
 */
import type { Issue } from '@rules/errors';
import type { ShellError, ShellErrorCode } from '../../electron/preload/contract';

export class ApiError extends Error {
  readonly code: ShellErrorCode;
  readonly issues: Issue[];

  constructor(error: ShellError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;
