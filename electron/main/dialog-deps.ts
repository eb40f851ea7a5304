/** What main's dialog-backed methods (file, pickers, report output, progress) are handed by the shell. */
import type { BrowserWindow } from 'electron';
import type { LedgerContext } from '@core/api';
import type { PathGrants } from '@core/api/grants';
import type { Dispatcher } from '@core/api/dispatch';

export interface DialogDeps {
  getCtx(): LedgerContext;
  /** Runs core methods; heavy ones ({ worker: true }) off the main thread. */
  dispatch: Dispatcher;
  /** Paths handed to the renderer; the pickers add to it, the renderer's calls are checked against it. */
  grants: PathGrants;
  getWindow(): BrowserWindow | null;
  /** Where the save dialog starts (the clerk's Documents folder). */
  defaultDir: string;
}
