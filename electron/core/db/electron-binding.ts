/**
 * Where better-sqlite3's Electron build lives, for the set-up step that fetches it
 * (scripts/setup/sqlite-binding.ts) and the shell that loads it (electron/main/sqlite-binding.ts):
 * one definition, so the two never disagree. Never inside better-sqlite3's own build/ folder,
 * which keeps Node's build for the tests and the CLI.
 */
import path from 'node:path';

export const SQLITE_ADDON = 'better_sqlite3.node';
/** Written beside the addon: which Electron and better-sqlite3 it was fetched for. */
export const SQLITE_ADDON_STAMP = 'electron.json';

/** `<root>/node_modules/better-sqlite3/build-electron/<platform>-<arch>/` in a checkout. */
export function devSqliteBindingDir(root: string, platform: string, arch: string): string {
  return path.join(root, 'node_modules', 'better-sqlite3', 'build-electron', `${platform}-${arch}`);
}

/** The packaged app: electron-builder copies the addon to `resources/native/` (extraResources). */
export function packagedSqliteBinding(resourcesPath: string): string {
  return path.join(resourcesPath, 'native', SQLITE_ADDON);
}
