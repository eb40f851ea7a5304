/**
 * The backup routine as pure functions: is a reminder due, and which old backups on a target
 * to delete so only the newest K per town remain. Only files named by our pattern are ever chosen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { getMeta } from '../ledger/settings';
import { parseBackupName } from './format';
import type { BackupStatus } from '@rules/api/backup';

export const DEFAULT_REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** True when there was never a backup, or the last one is older than `days` days (or in the future: a wrong clock). */
export function reminderDue(lastBackupAt: string | null, now: Date, days = DEFAULT_REMINDER_DAYS): boolean {
  if (!lastBackupAt) return true;
  const t = Date.parse(lastBackupAt);
  if (Number.isNaN(t)) return true;
  const age = now.getTime() - t;
  return age < -DAY_MS || age > days * DAY_MS;
}

export function backupStatus(db: Db, now = new Date(), days = DEFAULT_REMINDER_DAYS): BackupStatus {
  const last = getMeta(db, 'lastBackupAt');
  const t = last ? Date.parse(last) : NaN;
  return {
    lastBackupAt: last,
    daysSince: Number.isNaN(t) ? null : Math.max(0, Math.floor((now.getTime() - t) / DAY_MS)),
    reminderDue: reminderDue(last, now, days),
    reminderDays: days,
  };
}

/**
 * Given the file names on a target, the ones to delete so that the newest `keep` regular backups
 * of each town remain. Safety copies (tagged, e.g. 恢复前) and foreign files are never chosen;
 * keep is at least 1, so the newest backup always stays.
 */
export function keepLast(files: readonly string[], keep: number): string[] {
  const k = Math.max(1, Math.floor(keep));
  const byTown = new Map<string, { name: string; key: string }[]>();
  for (const name of files) {
    const p = parseBackupName(name);
    if (!p || p.tag) continue;
    const list = byTown.get(p.town) ?? [];
    list.push({ name, key: p.key });
    byTown.set(p.town, list);
  }
  const out: string[] = [];
  for (const list of byTown.values()) {
    list.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.name < b.name ? 1 : -1));
    out.push(...list.slice(k).map((x) => x.name));
  }
  return out.sort();
}

/** Applies keepLast to a folder (only to one town's backups when town is given); returns the full paths deleted. */
export function rotate(dir: string, keep: number, town?: string): string[] {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && (town === undefined || parseBackupName(d.name)?.town === town))
    .map((d) => d.name);
  const doomed = keepLast(names, keep);
  return doomed.map((f) => {
    const full = path.join(dir, f);
    fs.rmSync(full, { force: true });
    return full;
  });
}

export type { BackupStatus };
