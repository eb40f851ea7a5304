/**
 * Which better-sqlite3 addon the shell loads. Under Electron (process.versions.electron) it must
 * be the build for Electron's ABI: in a checkout the one `npm start` fetched
 * (scripts/setup/sqlite-binding.ts), in the packaged app the one electron-builder put in
 * resources/native/. Under plain Node (the shell's tests) the package's own build.
 */
import path from 'node:path';
import { devSqliteBindingDir, packagedSqliteBinding, SQLITE_ADDON } from '@core/db/electron-binding';
import { checkSqliteBinding, useSqliteBinding } from '@core/db/sqlite';

interface Runtime {
  /** process.versions.electron: undefined under plain Node. */
  electron: string | undefined;
  isPackaged: boolean;
  resourcesPath: string;
  /** app.getAppPath(): the checkout's root when unpackaged. */
  appPath: string;
  platform: string;
  arch: string;
}

/** The command (or step) that puts the right addon in place. */
export const SETUP_COMMAND = 'npm run setup:electron';

type AppLike = { isPackaged: boolean; getAppPath(): string };

function runtimeOf(app: AppLike): Runtime {
  const { platform, arch, resourcesPath } = process;
  return { electron: process.versions.electron, isPackaged: app.isPackaged, resourcesPath, appPath: app.getAppPath(), platform, arch };
}

export function chooseSqliteBinding(rt: Runtime): string | undefined {
  if (!rt.electron) return undefined;
  return rt.isPackaged
    ? packagedSqliteBinding(rt.resourcesPath)
    : path.join(devSqliteBindingDir(rt.appPath, rt.platform, rt.arch), SQLITE_ADDON);
}

/**
 * Chooses the addon for this process (and the worker it starts). Called first thing in the shell,
 * so whatever opens SQLite after it (the ledger, the worker, a self-test) uses Electron's build.
 */
export function chooseElectronSqlite(app: AppLike): void {
  useSqliteBinding(chooseSqliteBinding(runtimeOf(app)));
}

/** Loads the chosen addon once; throws the Chinese message with the fix. */
export function checkElectronSqlite(app: AppLike): void {
  checkSqliteBinding(app.isPackaged ? '请重新安装法治台账。' : `在项目文件夹运行 ${SETUP_COMMAND}，再运行 npm start。`);
}
