/**
 * The paths the renderer may use. The page never names a file on its own: it can only send back
 * a path the main process handed it — the answer of a native picker, a drive of the drive list,
 * a backup found in a granted folder — and only as the kind it was handed out as. The grant is
 * the path string itself, looked up here: the page cannot mint one, and the screens keep
 * showing and comparing paths as before. One table per shell (Electron main, the harness),
 * living as long as the shell. Plain Node; the CLI does not use it (its user typed the paths).
 */
import { LedgerError } from '@rules/errors';
import type { PathGrant, PathKind } from './define';

/** Enough for every drive, listing and pick of a long day; the oldest grants go first beyond it. */
const MAX_GRANTS = 10_000;

export const NOT_GRANTED = '只能使用通过本程序选择的文件或文件夹，请通过本程序选择后再试';

export class PathGrants {
  private readonly byKind = new Map<PathKind, Set<string>>();

  grant(path: string, kind: PathKind): string {
    let set = this.byKind.get(kind);
    if (!set) this.byKind.set(kind, (set = new Set()));
    set.delete(path);
    set.add(path);
    if (set.size > MAX_GRANTS) set.delete(set.values().next().value!);
    return path;
  }

  grantAll(grants: readonly PathGrant[]): void {
    for (const g of grants) this.grant(g.path, g.kind);
  }

  has(path: unknown, kind: PathKind): boolean {
    return typeof path === 'string' && (this.byKind.get(kind)?.has(path) ?? false);
  }

  /** The path, when it was handed out as `kind`; else FORBIDDEN (the message does not echo the path). */
  require(path: unknown, kind: PathKind, field: string): string {
    if (!this.has(path, kind)) throw new LedgerError('FORBIDDEN', NOT_GRANTED, [{ field, message: '不是通过本程序选择的路径' }]);
    return path as string;
  }
}
