/**
 * Safety copies kept beside the ledger, in `<name>-安全备份/`: a full backup file before every
 * restore, and a plain SQLite copy (VACUUM INTO, synchronous) before every schema migration,
 * hooked into openDb's beforeMigrate. Imports nothing from the API layer (context.ts imports this).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../db/sqlite';
import { LedgerError } from '@rules/errors';
import { tempNameFor } from '../fs/atomic';
import { stamp } from './format';

export function safetyDirFor(file: string): string {
  const p = path.parse(path.resolve(file));
  return path.join(p.dir, `${p.name}-安全备份`);
}

/**
 * beforeMigrate hook: copies the ledger as it is (schema `fromVersion`) to
 * `<safety>/升级前备份_v<from>_<YYYY-MM-DD>_<HHmm>.sqlite`, checks the copy, and only then lets the
 * migration run. If the copy cannot be made the ledger is not opened, so it is never migrated unguarded.
 */
export function preMigrationCopy(file: string, fromVersion: number, now = new Date()): string {
  const dir = safetyDirFor(file);
  const { date, hhmm } = stamp(now);
  let dest = '';
  for (let n = 1; !dest || fs.existsSync(dest); n++)
    dest = path.join(dir, `升级前备份_v${fromVersion}_${date}_${hhmm}${n > 1 ? `_${n}` : ''}.sqlite`);
  const tmp = tempNameFor(dest);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const src = openSqlite(file, { readonly: true, fileMustExist: true });
    try {
      src.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      src.close();
    }
    const copy = openSqlite(tmp, { readonly: true });
    try {
      const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0].integrity_check !== 'ok') throw new Error('副本未通过完整性检查');
    } finally {
      copy.close();
    }
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, dest);
    return dest;
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing was written */
    }
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new LedgerError('IO', `升级台账数据结构前无法保存安全副本（${why}），为防数据丢失，台账未升级也未打开。请检查磁盘空间后重试。`);
  }
}

/** Backup files and pre-migration copies in the safety folder, newest first. */
export function listSafetyCopies(file: string): { file: string; bytes: number; modifiedAt: string }[] {
  const dir = safetyDirFor(file);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ftzb|sqlite)$/.test(d.name))
    .map((d) => {
      const full = path.join(dir, d.name);
      const st = fs.statSync(full);
      return { file: full, bytes: st.size, modifiedAt: st.mtime.toISOString() };
    })
    .sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : -1));
}
