/** What the API answers about backups, drives and the 档案袋: plain data, no Node. */

export interface BackupInfo {
  file: string;
  /** File size in bytes. */
  bytes: number;
  createdAt: string;
  town: string;
  appVersion: string;
  schemaVersion: number;
  formatVersion: number;
  /** Live records per kind with their Chinese labels, in menu order; kinds with none are left out. */
  kinds: { kind: string; label: string; count: number }[];
  /** Records in the 回收站. */
  trash: number;
  attachments: number;
  reports: number;
}

export interface ListedBackup {
  file: string;
  name: string;
  bytes: number;
  town: string;
  /** YYYY-MM-DD and HH:mm, the clerk's local time when the backup was made. */
  date: string;
  time: string;
  /** 恢复前 for a safety copy, '' for a regular backup. */
  tag: string;
}

export interface Restored {
  info: BackupInfo;
  /** The backup of the ledger as it was just before the restore. */
  safetyCopy: string;
}

export interface BackupStatus {
  lastBackupAt: string | null;
  /** Whole days since the last backup, null when there was none. */
  daysSince: number | null;
  reminderDue: boolean;
  reminderDays: number;
}

/** A place a backup can be written to, as every platform's drive listing reports it. */
export interface Drive {
  /** Folder to write into: `E:\` on Windows, the mount point elsewhere. */
  path: string;
  /** Volume label, or the folder name when there is none. */
  label: string;
  freeBytes: number;
  totalBytes: number;
  /** A U盘 or USB disk (Windows reports USB hard disks as fixed; they count as removable here). */
  removable: boolean;
  /** Windows volume serial number, to recognise the same U盘 next time (when known). */
  serial?: string;
}

export interface DossierResult {
  file: string;
  records: number;
  /** Files in the zip besides the two manifests. */
  files: number;
  evidence: number;
  /** Records lacking an expected item (or any evidence). */
  lacking: number;
  /** Why the packed report is 未定稿 (never saved, blocking problems); empty when it is final. */
  reportDraft: string[];
  /** Stored evidence left out: missing or changed on disk. */
  leftOut: { kind: string; record: string; name: string; problem: string }[];
}
