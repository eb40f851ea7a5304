/**
 * Main-only methods behind native dialogs: export the ledger to an exchange file the clerk
 * picks (written atomically), and import one after a confirmation. Bound like the core
 * methods (same channel scheme, same sender check); the browser harness has no equivalent.
 * The report's host methods (./report-output.ts) and the backup pickers (./pickers.ts) are bound here too.
 */
import path from 'node:path';
import { z } from 'zod';
import { dialog, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { LedgerError } from '@rules/errors';
import { writeFileAtomicAsync } from '@core/fs/atomic';
import type { MainMethodName, MainMethods, Result } from '../preload/contract';
import type { HostMethodName } from '@rules/host-contract';
import { handleTrusted, type IpcRegistrar } from './ipc';
import { bindPickers } from './pickers';
import { bindReportOutput } from './report-output';
import { progressToWindow } from './progress';
import type { Trust } from './origin';
import type { DialogDeps } from './dialog-deps';

type Output<K extends MainMethodName> = MainMethods[K]['output'];

const FILTERS = [{ name: '法治台账交换文件', extensions: ['json'] }];

const today = () => new Date().toISOString().slice(0, 10);

// Dialogs are modal to the main window when there is one.
const showSave = (deps: DialogDeps, o: SaveDialogOptions) => {
  const win = deps.getWindow();
  return win ? dialog.showSaveDialog(win, o) : dialog.showSaveDialog(o);
};
const showOpen = (deps: DialogDeps, o: OpenDialogOptions) => {
  const win = deps.getWindow();
  return win ? dialog.showOpenDialog(win, o) : dialog.showOpenDialog(o);
};
const showBox = (deps: DialogDeps, o: MessageBoxOptions) => {
  const win = deps.getWindow();
  return win ? dialog.showMessageBox(win, o) : dialog.showMessageBox(o);
};

export async function exportLedger(deps: DialogDeps): Promise<Result<Output<'file.exportLedger'>>> {
  const pick = await showSave(deps, {
    title: '导出台账',
    defaultPath: path.join(deps.defaultDir, `法治台账交换文件_${today()}.json`),
    filters: FILTERS,
  });
  if (pick.canceled || !pick.filePath) return { ok: true, value: { canceled: true } };
  const exported = await deps.dispatch.call('exchange.export', {}, progressToWindow(deps));
  if (!exported.ok) return exported;
  await writeFileAtomicAsync(pick.filePath, exported.value as string);
  return { ok: true, value: { canceled: false, file: pick.filePath } };
}

export async function importLedger(deps: DialogDeps): Promise<Result<Output<'file.importLedger'>>> {
  const pick = await showOpen(deps, { title: '导入台账', properties: ['openFile'], filters: FILTERS });
  const file = pick.filePaths[0];
  if (pick.canceled || !file) return { ok: true, value: { canceled: true } };
  // The confirmation lives here, not in the UI, so no renderer can replace the ledger silently.
  const confirm = await showBox(deps, {
    type: 'warning',
    title: '导入台账',
    message: '导入将用该文件替换当前台账的全部记录和设置。',
    detail: `文件：${file}\n建议先备份当前台账。是否继续？`,
    buttons: ['导入并替换', '取消'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (confirm.response !== 0) return { ok: true, value: { canceled: true } };
  // The worker reads and imports the file; this thread only waits (the window stays responsive).
  const imported = await deps.dispatch.call('exchange.importFile', { file }, progressToWindow(deps));
  if (!imported.ok) return imported;
  const { records } = imported.value as { records: number };
  return { ok: true, value: { canceled: false, file, records } };
}

const noInput = z.object({});

/** Runs a main-only method after checking its (empty) input like the core checks its own. */
function withInput(run: () => Promise<Result>) {
  return async (payload: unknown): Promise<Result> => {
    if (!noInput.safeParse(payload ?? {}).success) throw new LedgerError('VALIDATION', '请求参数不正确');
    return run();
  };
}

/** Binds the main-only methods; returns the names bound. */
export function bindMainMethods(ipc: IpcRegistrar, trust: Trust, deps: DialogDeps): MainMethodName[] {
  const methods: Record<Exclude<MainMethodName, HostMethodName>, () => Promise<Result>> = {
    'file.exportLedger': () => exportLedger(deps),
    'file.importLedger': () => importLedger(deps),
  };
  const names = Object.keys(methods) as (keyof typeof methods)[];
  for (const name of names) handleTrusted(ipc, name, trust, withInput(methods[name]));
  return [...names, ...bindReportOutput(ipc, trust, deps), ...bindPickers(ipc, trust, deps)];
}
