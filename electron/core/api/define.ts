/**
 * The shape of the one API table that Electron IPC, the loopback harness and the CLI all call:
 * method name → zod input schema → handler. Nothing reaches a handler without passing its schema.
 */
import { z } from 'zod';
import { LedgerError, toErrorPayload, zodIssues, type ErrorPayload } from '@rules/errors';
import type { LedgerContext } from '../ledger/context';

// Request errors reach the clerk (CLI, harness, app): zod's own messages in Chinese.
z.config(z.locales.zhCN());

export interface ApiMethod<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  handler: (ctx: LedgerContext, input: z.output<S>) => R | Promise<R>;
}

export const method = <S extends z.ZodType, R>(input: S, handler: (ctx: LedgerContext, input: z.output<S>) => R | Promise<R>): ApiMethod<S, R> => ({
  input,
  handler,
});

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Validates the payload against the method's schema, runs it, and never throws. */
export async function invokeMethod(
  table: Record<string, ApiMethod>,
  ctx: LedgerContext,
  name: string,
  payload: unknown,
): Promise<ApiResult> {
  try {
    if (!Object.hasOwn(table, name)) throw new LedgerError('UNKNOWN_METHOD', `未知的操作：${name}`);
    const m = table[name];
    const parsed = m.input.safeParse(payload ?? {});
    if (!parsed.success) throw new LedgerError('VALIDATION', '请求参数不正确', zodIssues(parsed.error));
    return { ok: true, value: await m.handler(ctx, parsed.data) };
  } catch (err) {
    return { ok: false, error: toErrorPayload(err) };
  }
}

type Joined<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Joined<R> : unknown;

/**
 * The API groups as one table. A name defined by two groups would silently shadow the other, so
 * it stops the app at startup instead.
 */
export function joinGroups<const T extends readonly object[]>(...groups: T): Joined<T> {
  const table: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, m] of Object.entries(group)) {
      if (Object.hasOwn(table, name)) throw new Error(`API method ${name} is defined by two groups`);
      table[name] = m;
    }
  }
  return table as Joined<T>;
}
