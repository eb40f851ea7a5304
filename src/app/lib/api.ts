/**
 * The app's door to the core: the typed `call` of src/api/client.ts, plus helpers that turn a
 * thrown ApiError { code, message, issues } into what the screens show (per-field messages).
 */
import type { Issue } from '@rules/errors';
export { call } from '../../api/client';
export type { ApiOutput, ApiInput, ApiMethodName } from '@rules/api';
export type { KindDef, FieldDef, RecordData } from '@rules/kinds/types';
export type { LedgerRecord } from '@rules/api/records';
export type { Settings } from '@rules/settings';

export interface ApiErrorLike {
  code: string;
  message: string;
  issues: Issue[];
}

/** Reads any thrown value as { code, message, issues } (network failures included). */
export function asApiError(err: unknown): ApiErrorLike {
  if (err && typeof err === 'object' && 'message' in err) {
    const e = err as Partial<ApiErrorLike>;
    return { code: e.code ?? 'INTERNAL', message: String(e.message), issues: Array.isArray(e.issues) ? e.issues : [] };
  }
  return { code: 'INTERNAL', message: String(err), issues: [] };
}

/** The first message per field (issue.field), for showing under the form inputs. */
export function fieldErrors(err: ApiErrorLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) if (i.field && !(i.field in out)) out[i.field] = i.message;
  return out;
}

/** Every issue as the clerk reads it (“会议日期：日期不存在（2023-02-30）”), for the summary by the buttons. */
const issueLines = (err: ApiErrorLike): string[] => err.issues.map((i) => (i.fieldLabel ? `${i.fieldLabel}：${i.message}` : i.message));

/** The failure a FormModal shows: the core's message and all its issues. */
export const formFailure = (err: ApiErrorLike | null) => err && { message: err.message, issues: issueLines(err) };
