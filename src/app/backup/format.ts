/** How 备份与恢复 writes sizes, times and the last-backup sentence for the clerk. */
import type { BackupStatus } from '../lib/backup-status';

export { formatBytes } from '@rules/limits';

const p2 = (n: number) => String(n).padStart(2, '0');

/** An ISO time as 2024-01-15 10:30 in the clerk's local time. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}

/** The file name alone, whatever the separator (Windows or POSIX). */
export const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** The folder part of a path. */
export const dirName = (file: string): string =>
  file.slice(0, Math.max(0, file.length - baseName(file).length)).replace(/[\\/]$/, '') || file;

/** 上次备份：… or 从未备份, as one sentence. */
export function lastBackupText(s: BackupStatus): string {
  if (!s.lastBackupAt) return '本台账还从未备份过';
  const ago = s.daysSince === null ? '' : s.daysSince === 0 ? '（今天）' : `（${s.daysSince}天前）`;
  return `上次备份：${formatWhen(s.lastBackupAt)}${ago}`;
}
