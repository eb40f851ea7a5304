/**
 * The whole IPC surface: every entry of the core API table (read at startup, never a
 * hand-kept list) bound to `api:<name>` through one wrapper that refuses frames not from our
 * origin, lets callApi validate the payload with zod, and always answers a Result object.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiTable, callApi, type LedgerContext } from '@core/api';
import { toErrorPayload } from '@rules/errors';
import { channelFor, type Result } from '../preload/contract';
import type { Trust } from './origin';

export type IpcRegistrar = Pick<IpcMain, 'handle'>;
export type MethodRunner = (payload: unknown) => Promise<Result>;

/**
 * Only the top frame of a page from our own origin may call in. A renderer that got hold of
 * ipcRenderer some other way (GHSA-mq8j-3h7h-p8g7) or an iframe is turned away.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, trust: Trust): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return trust.isTrustedUrl(frame.url);
}

export const FORBIDDEN: Result = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝了来自非本程序页面的请求', issues: [] },
};

/** The one wrapper every handler goes through. */
export function handleTrusted(ipc: IpcRegistrar, name: string, trust: Trust, run: MethodRunner): void {
  ipc.handle(channelFor(name), async (event, payload: unknown): Promise<Result> => {
    if (!isTrustedSender(event, trust)) {
      console.warn(`[security] refused ${name} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return FORBIDDEN;
    }
    try {
      return await run(payload);
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  });
}

/** Binds every method in the core API table; returns the names bound. */
export function bindApiTable(ipc: IpcRegistrar, trust: Trust, getCtx: () => LedgerContext): string[] {
  const names = Object.keys(apiTable);
  for (const name of names) handleTrusted(ipc, name, trust, (payload) => callApi(getCtx(), name, payload));
  return names;
}
