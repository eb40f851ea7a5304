/**
 * Work folders in the system temp folder (snapshot of a backup, extraction of a verify) carry the
 * pid of the process that made them: `fazhi-backup-p<pid>-XXXXXX`. A process killed mid-way leaves
 * one behind; the next start (openContext) and every backup remove those whose process is gone.
 * Folders of a running process, and anything not named like ours, are never touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const workDirPrefix = (what: 'backup' | 'verify'): string => path.join(os.tmpdir(), `fazhi-${what}-p${process.pid}-`);

const OURS = /^fazhi-(?:backup|verify)-p(\d{1,10})-[A-Za-z0-9]{6}$/;
/** Folders named before the pid was added: removed once they are this old. */
const LEGACY = /^fazhi-(?:backup|verify)-[A-Za-z0-9]{6}$/;
const LEGACY_AGE_MS = 6 * 3600_000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function removeLeftoverWorkDirs(tmp = os.tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return removed;
  }
  for (const f of names) {
    const m = OURS.exec(f);
    const full = path.join(tmp, f);
    try {
      if (m ? !alive(Number(m[1])) : LEGACY.test(f) && now - fs.statSync(full).mtimeMs > LEGACY_AGE_MS) {
        fs.rmSync(full, { recursive: true, force: true });
        removed.push(full);
      }
    } catch {
      /* best effort: another process may be removing it too */
    }
  }
  return removed;
}
