/** backup.status for the reminder (shell, 年度报告) and the backup page; read again after every write. */
import { useEffect, useState } from 'react';
import { call } from '../lib/api';
import { useLedger } from '../state/ledger';
import type { BackupStatus } from './format';

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
