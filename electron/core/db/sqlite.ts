/**
 * The one place the core opens SQLite. better-sqlite3 is a native addon, and Electron (ABI 150
 * for Electron 45) cannot load the build made for the system Node, nor Node Electron's. Both
 * builds live side by side: Node's in node_modules/better-sqlite3/build (tests, CLI, harness),
 * Electron's in a folder of its own (electron-binding.ts). The Electron shell chooses once per
 * process with useSqliteBinding; the worker pool hands the choice to its thread (worker/pool.ts),
 * so every connection of a process loads the same addon. Nothing chosen means the package default.
 */
import Database from 'better-sqlite3';
import { LedgerError } from '@rules/errors';

let binding: string | undefined;

export function useSqliteBinding(file: string | undefined): void {
  binding = file;
}

/** The addon file this process opens SQLite with, or undefined for better-sqlite3's own build. */
export function sqliteBinding(): string | undefined {
  return binding;
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, binding === undefined ? options : { ...options, nativeBinding: binding });
}

/**
 * Loads the chosen addon once, so a wrong one stops the app with the command that fixes it
 * instead of an 内部错误 on the first click. `fix` is what the person in front of the machine
 * can do: a command in a development checkout, reinstalling for the packaged app.
 */
export function checkSqliteBinding(fix: string): void {
  try {
    openSqlite(':memory:').close();
  } catch (err) {
    throw sqliteBindingError(err, binding ?? 'better-sqlite3', fix);
  }
}

export function sqliteBindingError(err: unknown, file: string, fix: string): LedgerError {
  const e = err as NodeJS.ErrnoException;
  const text = String(e?.message ?? err);
  const why =
    e?.code === 'MODULE_NOT_FOUND' || /Cannot find module/.test(text)
      ? `找不到为本程序的 Electron 准备的 SQLite 组件（${file}）`
      : e?.code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|different Node\.js version/.test(text)
        ? `SQLite 组件（${file}）不是为本程序的 Electron 版本编译的，无法加载（例如运行过 npm rebuild，或 node_modules 是从别的电脑复制来的）`
        : `SQLite 组件（${file}）无法加载：${text.split('\n')[0]}`;
  return new LedgerError('INTERNAL', `${why}，台账无法打开。解决办法：${fix}`);
}
