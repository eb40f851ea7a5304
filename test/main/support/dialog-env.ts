/** A fresh temp ledger and the DialogDeps main-only methods take, for one test; the electron stub reset. */
import path from 'node:path';
import { openContext, type LedgerContext } from '@core/api';
import { PathGrants } from '@core/api/grants';
import { Dispatcher } from '@core/api/dispatch';
import type { DialogDeps } from '../../../electron/main/dialog-deps';
import { resetStub } from './electron-stub';
import { tempDir } from './temp';

export interface DialogEnv {
  dir: string;
  ctx: LedgerContext;
  deps: DialogDeps;
}

export function freshDialogEnv(): DialogEnv {
  resetStub();
  const dir = tempDir();
  const ctx = openContext(path.join(dir, 'ledger.db'));
  return {
    dir,
    ctx,
    deps: { getCtx: () => ctx, dispatch: new Dispatcher(() => ctx), grants: new PathGrants(), getWindow: () => null, defaultDir: dir },
  };
}
