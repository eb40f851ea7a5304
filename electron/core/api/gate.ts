/**
 * The renderer's door to the API table, used by Electron IPC (electron/main/ipc.ts) and by the
 * harness (electron/harness/server.ts) alike. On top of callApi it enforces what each method
 * declares (./define.ts, MethodOptions): a `cliOnly` method does not exist for the page, a path
 * field must hold a path main handed out (./grants.ts), and paths a method answers with are
 * granted for later calls. The dispatcher then runs it inline or in the worker (./dispatch.ts).
 * The CLI calls callApi directly and never passes through here.
 */
import type { z } from 'zod';
import { LedgerError, toErrorPayload } from '@rules/errors';
import { apiTable } from './index';
import type { ApiMethod, ApiResult, MethodOptions } from './define';
import type { Dispatcher } from './dispatch';
import { NOT_GRANTED, type PathGrants } from './grants';
import type { Progress } from '../worker/protocol';

// Methods differ in their path fields; the gate reads each one's options by name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyMethod = ApiMethod<z.ZodType, unknown, MethodOptions<any>>;

const table = apiTable as unknown as Record<string, AnyMethod>;

/** Whether `name` is on the renderer's surface (a method of the table not declared cliOnly). */
export function isRendererMethod(name: string): boolean {
  return Object.hasOwn(table, name) && !table[name].options.cliOnly;
}

/** Names of the renderer's surface, read from the table (the preload's list is checked against it). */
export const rendererMethodNames = (): string[] => Object.keys(table).filter(isRendererMethod);

export async function callFromRenderer(
  dispatch: Dispatcher,
  grants: PathGrants,
  name: string,
  payload: unknown,
  onProgress?: (p: Progress) => void,
): Promise<ApiResult> {
  try {
    if (!isRendererMethod(name)) throw new LedgerError('UNKNOWN_METHOD', `未知的操作：${name.slice(0, 100)}`);
    const { paths, grants: granted } = table[name].options;
    if (paths) {
      const input = (payload ?? {}) as Record<string, unknown>;
      for (const [field, kind] of Object.entries(paths)) {
        const value = typeof input === 'object' ? input[field] : undefined;
        if (kind !== 'cli') grants.require(value, kind, field);
        else if (value !== undefined) throw new LedgerError('FORBIDDEN', NOT_GRANTED, [{ field, message: '只能在命令行中指定' }]);
      }
    }
    const result = await dispatch.call(name, payload, onProgress);
    if (result.ok && granted) grants.grantAll(granted(result.value));
    return result;
  } catch (err) {
    return { ok: false, error: toErrorPayload(err) };
  }
}
