import { callApi, type LedgerContext } from '@core/api';

/** Calls one API method as the app does, returning its value or throwing its Chinese message. */
export async function api<T = unknown>(ctx: LedgerContext, name: string, payload: unknown = {}): Promise<T> {
  const r = await callApi(ctx, name, payload);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}
