/** backup.status for the reminder (shell, 年度报告) and the backup page; read again after every write. */
import { useEffect, useState } from 'react';
import { call, type ApiOutput } from './api';
import { useLedger } from '../state/ledger';

export type BackupStatus = ApiOutput<'backup.status'>;

export function useBackupStatus(): BackupStatus | null {
  const { version } = useLedger();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    let live = true;
    // A failed status read shows no reminder rather than an error: it is advice, not a task.
    call('backup.status', {}).then(
      (s) => live && setStatus(s),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [version]);
  return status;
}

/** What the reminder says: never, or how many days. */
export function reminderText(s: BackupStatus): string {
  if (!s.lastBackupAt) return '台账还从未备份过，建议现在备份到U盘，以防电脑故障丢失数据。';
  return `台账已${s.daysSince ?? s.reminderDays}天未备份，建议现在备份到U盘，以防电脑故障丢失数据。`;
}
