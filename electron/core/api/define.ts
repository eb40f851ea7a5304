/**
 * The shape of the one API table that Electron IPC, the loopback harness and the CLI all call:
 * method name → zod input schema → handler. Nothing reaches a handler without passing its schema.
 */
import type { z } from 'zod';
import { LedgerError, toErrorPayload, zodIssues } from '@rules/errors';
import type { ApiResult } from '@rules/api/protocol';
import type { LedgerContext } from '../context';
import { sqliteFailure } from '../db/open';

/**
 * What a path field names. A path the renderer sends must have been handed out by the main
 * process as that kind (./grants.ts): a folder to write backups into or list, a file to read
 * (a backup). Files to write are never named by the page: main's save dialog picks and writes
 * them (docs/electron-shell.md, 'Files out').
 */
export type PathKind = 'folder' | 'file';
/** A path field only the CLI may fill (a file to write, named by the user); the page may not send it at all. */
type PathField = PathKind | 'cli';

/** A path in a method's output that the renderer may send back later, and as what. */
export interface PathGrant {
  path: string;
  kind: PathKind;
}

/**
 * Declared properties of a method, read by the renderer's gate (./gate.ts) and the shell.
 * The CLI ignores them: its user typed the paths and holds the ledger file anyway.
 */
export interface MethodOptions<R = unknown> {
  /** Not on the renderer's surface (no screen calls it); the CLI and main's own code keep it. */
  readonly cliOnly?: boolean;
  /**
   * Input fields (top level) that are paths: the grant each must hold when the renderer sends it,
   * or 'cli' for a field the renderer may not send.
   */
  readonly paths?: Readonly<Record<string, PathField>>;
  /** Paths in the output the renderer may use afterwards (the drives found, the backups listed). */
  readonly grants?: (output: R) => readonly PathGrant[];
  /**
   * Heavy work (imports, backup, restore, verify, exports): runs in a worker thread with its own
   * connection when the shell has a pool (./dispatch.ts), so the window never freezes.
   * 'exclusive' for a method that replaces the ledger file: the shell's connection closes meanwhile.
   * Input and output cross threads by structured clone (plain data, Buffers, no functions).
   */
  readonly worker?: true | 'exclusive';
}

// Options are typed loosely (`never` output) so zod and the handler alone infer R: a `grants`
// callback annotates the part of the output it reads, and the gate test runs each one.
export interface ApiMethod<S extends z.ZodType = z.ZodType, R = unknown, O extends MethodOptions<never> = MethodOptions<never>> {
  input: S;
  handler: (ctx: LedgerContext, input: z.output<S>) => R | Promise<R>;
  options: O;
}

export const method = <S extends z.ZodType, R, const O extends MethodOptions<never> = Record<never, never>>(
  input: S,
  handler: (ctx: LedgerContext, input: z.output<S>) => R | Promise<R>,
  options: O = {} as O,
): ApiMethod<S, R, O> => ({ input, handler, options });

export type { ApiResult };

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
    if (!parsed.success)
      throw new LedgerError(
        'VALIDATION',
        '请求参数不正确',
        zodIssues(parsed.error, undefined, (k) => INPUT_LABELS[k]),
      );
    return { ok: true, value: await m.handler(ctx, parsed.data) };
  } catch (err) {
    return { ok: false, error: toErrorPayload(sqliteFailure(err) ?? err) };
  }
}

type Joined<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Joined<R> : unknown;

/**
 * The API groups as one table. A name defined by two groups would silently shadow the other, so
 * it stops the app at startup instead.
 */
/** The clerk's names of input fields a refusal may name (never the field's English key). */
const INPUT_LABELS: Record<string, string> = {
  dataBase64: '文件内容',
  year: '年度',
  text: '导入内容',
  def: '指标定义',
  settings: '单位设置',
};

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
