import type { Progress } from '@core/worker/protocol';
import { PROGRESS_CHANNEL } from '@rules/api/methods';
import type { DialogDeps } from './dialog-deps';

/**
 * Progress of a worker job main starts itself (not through ipc.ts) reaches the window's corner
 * note on the same channel as the renderer's own jobs.
 */
export const progressToWindow =
  (deps: DialogDeps) =>
  (p: Progress): void => {
    const win = deps.getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(PROGRESS_CHANNEL, p);
  };
