/**
 * One interface for removable drives on every platform. `FAZHI_DRIVES_DIR` (or an injected root)
 * replaces the real listing with the sub-folders of a folder, so tests and demos need no U盘.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Drive } from './types';
import { listLinuxDrives, listMacDrives, statDrive } from './linux';
import { listWindowsDrives } from './windows';

export type { Drive } from './types';

interface ListOptions {
  /** Treat each sub-folder of this folder as a drive. Defaults to env FAZHI_DRIVES_DIR. */
  root?: string;
  platform?: NodeJS.Platform;
}

export function listDirDrives(root: string): Drive[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => statDrive(path.join(root, d.name)))
    .filter((d): d is Drive => d !== null)
    .sort((a, b) => a.path.localeCompare(b.path));
}

export async function listDrives(opts: ListOptions = {}): Promise<Drive[]> {
  const root = opts.root ?? process.env.FAZHI_DRIVES_DIR;
  if (root) return listDirDrives(root);
  switch (opts.platform ?? process.platform) {
    case 'win32':
      return listWindowsDrives();
    case 'darwin':
      return listMacDrives();
    default:
      return listLinuxDrives();
  }
}
