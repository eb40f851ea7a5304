/**
 * Typed errors carrying a Chinese message for the clerk. Everything the core throws on purpose
 * is a LedgerError; the API boundary turns it into { code, message, issues } for IPC, HTTP and CLI.
 */

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SCHEMA_TOO_NEW'
  | 'BAD_FILE'
  | 'IO'
  | 'UNKNOWN_METHOD'
  /** The renderer asked for something it may not (a path main did not hand out). */
  | 'FORBIDDEN'
  | 'INTERNAL';

/** One problem with one field of one record; `row` is 1-based within a file or list when known. */
export interface Issue {
  kind?: string;
  row?: number;
  recordId?: string;
  field?: string;
  fieldLabel?: string;
  message: string;
}

export class LedgerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** Renders an issue the way the clerk reads it: 第3条 会议 · 日期：日期不存在（2023-02-30）. */
export function formatIssue(issue: Issue): string {
  const where = [issue.row !== undefined ? `第${issue.row}条` : '', issue.kind ?? '', issue.fieldLabel ?? issue.field ?? ''].filter(
    Boolean,
  );
  return where.length ? `${where.join(' · ')}：${issue.message}` : issue.message;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  issues: Issue[];
}

export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof LedgerError) return { code: err.code, message: err.message, issues: err.issues };
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `内部错误：${detail}`, issues: [] };
}

/** What zod reports, structurally (so this file needs no zod import). */
interface ZodLikeError {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * zod's issues as ours, for every schema of the app: the dotted path as the field, zod's message
 * (Chinese, z.locales.zhCN), the record kind if given, and a Chinese field label if one is known.
 */
export function zodIssues(error: ZodLikeError, kind?: string, labelOf?: (key: string) => string | undefined): Issue[] {
  return error.issues.map((i) => ({
    ...(kind ? { kind } : {}),
    field: i.path.map(String).join('.') || undefined,
    ...(labelOf ? { fieldLabel: labelOf(String(i.path[0] ?? '')) } : {}),
    message: i.message,
  }));
}
