/**
 * The native pickers of 备份与恢复: a folder dialog (where to write a backup) and an open dialog
 * filtered to .ftzb backup files. They answer a path and grant it (as a folder, or as a file to
 * read) so the renderer may send it to the core methods, which do the work; nothing else the
 * page names is accepted (docs/electron-shell.md, 'Paths and files from the renderer').
 * Bound through the same sender-checked wrapper as every method, payloads checked by zod.
 */
import { dialog, type OpenDialogOptions } from 'electron';
import { BACKUP_EXT } from '@core/backup/format';
import type { PathKind } from '@core/api/define';
import type { HostMethods, PickedPath } from '@rules/host-contract';
import type { Result } from '../preload/contract';
import type { DialogDeps } from './dialog-deps';
import { parseHostInput } from '@rules/host-input';
import { handleTrusted, type IpcRegistrar } from './ipc';
import type { Trust } from './origin';

type PickerName = 'host.pickFolder' | 'host.pickBackupFile';

async function open(deps: DialogDeps, options: OpenDialogOptions, kind: PathKind): Promise<PickedPath> {
  const win = deps.getWindow();
  const pick = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
  const chosen = pick.filePaths[0];
  return pick.canceled || !chosen ? { canceled: true } : { canceled: false, path: deps.grants.grant(chosen, kind) };
}

export function pickFolder(deps: DialogDeps, input: HostMethods['host.pickFolder']['input']): Promise<PickedPath> {
  return open(
    deps,
    {
      title: '选择备份保存到的文件夹',
      defaultPath: input.defaultPath ?? deps.defaultDir,
      buttonLabel: '选择此文件夹',
      properties: ['openDirectory', 'createDirectory'],
    },
    'folder',
  );
}

export function pickBackupFile(deps: DialogDeps, input: HostMethods['host.pickBackupFile']['input']): Promise<PickedPath> {
  return open(
    deps,
    {
      title: '选择要恢复的备份文件',
      defaultPath: input.defaultPath ?? deps.defaultDir,
      buttonLabel: '选择',
      properties: ['openFile'],
      filters: [{ name: '法治台账备份文件', extensions: [BACKUP_EXT.slice(1)] }],
    },
    'file',
  );
}

/** Binds both pickers; returns the names bound. */
export function bindPickers(ipc: IpcRegistrar, trust: Trust, deps: DialogDeps): PickerName[] {
  const run = <K extends PickerName>(name: K, fn: (input: HostMethods[K]['input']) => Promise<PickedPath>) =>
    handleTrusted(ipc, name, trust, async (payload): Promise<Result> => ({ ok: true, value: await fn(parseHostInput(name, payload)) }));
  run('host.pickFolder', (i) => pickFolder(deps, i));
  run('host.pickBackupFile', (i) => pickBackupFile(deps, i));
  return ['host.pickFolder', 'host.pickBackupFile'];
}
