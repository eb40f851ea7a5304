/**
 * The whole IPC surface: every method of the core API table on the renderer's surface (read at
 * startup from the table's declarations, never a hand-kept list) bound to `api:<name>` through
 * one wrapper that refuses frames not from our origin; the core's gate then refuses paths main
 * did not hand out, lets callApi validate the payload with zod, and always answers a Result.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '@core/api/dispatch';
import { callFromRenderer, rendererMethodNames } from '@core/api/gate';
import type { PathGrants } from '@core/api/grants';
import { toErrorPayload } from '@rules/errors';
import { channelFor, PROGRESS_CHANNEL } from '@rules/api/methods';
import type { Result } from '../preload/contract';
import type { Trust } from './origin';

export type IpcRegistrar = Pick<IpcMain, 'handle'>;
type MethodRunner = (payload: unknown, event: Pick<IpcMainInvokeEvent, 'sender'>) => Promise<Result>;

/**
 * Only the top frame of a page from our own origin may call in. A renderer that got hold of
 * ipcRenderer some other way (GHSA-mq8j-3h7h-p8g7) or an iframe is turned away.
 */
function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, trust: Trust): boolean {
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
      return await run(payload, event);
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  });
}

interface GateDeps {
  /** Runs methods inline or in the worker pool. */
  dispatch: Dispatcher;
  /** The paths main handed out (pickers, drive list, listings); shared with the pickers. */
  grants: PathGrants;
}

/** Binds every renderer method of the core API table (cliOnly ones get no channel); returns the names bound. */
export function bindApiTable(ipc: IpcRegistrar, trust: Trust, deps: GateDeps): string[] {
  const names = rendererMethodNames();
  for (const name of names) {
    handleTrusted(ipc, name, trust, (payload, event) =>
      callFromRenderer(deps.dispatch, deps.grants, name, payload, (p) => {
        if (!event.sender?.isDestroyed?.()) event.sender?.send?.(PROGRESS_CHANNEL, p);
      }),
    );
  }
  return names;
}
