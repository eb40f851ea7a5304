/**
 * The calm reminder when backup.status says one is due (never backed up, or longer ago than 7
 * days): a line in the header of every screen, and a short notice by 年度报告's 导出 buttons.
 * Both link to 备份与恢复; neither blocks anything.
 */
import { Anchor, Group, Text, Tooltip } from '@mantine/core';
import { hrefFor } from '../router';
import { IconBackup } from '../icons';
import { reminderText, useBackupStatus } from './backup-status';

/** In the dark header bar; hidden on the backup page itself. */
export function HeaderBackupReminder({ hidden }: { hidden?: boolean }) {
  const status = useBackupStatus();
  if (hidden || !status?.reminderDue) return null;
  return (
    <Group gap={8} wrap="nowrap" className="backup-reminder" data-testid="backup-reminder" role="status">
      <IconBackup size={15} />
      <Text size="sm" c="inherit" truncate>
        {status.lastBackupAt ? `台账已${status.daysSince ?? status.reminderDays}天未备份` : '台账还从未备份过'}
      </Text>
      <Anchor href={hrefFor({ name: 'backup' })} size="sm" fw={600} c="white" underline="always">
        去备份
      </Anchor>
    </Group>
  );
}

/** Beside 导出PDF / 导出Word: back up before a report leaves the building. */
export function ReportBackupNotice() {
  const status = useBackupStatus();
  if (!status?.reminderDue) return null;
  return (
    <Tooltip label={reminderText(status)} multiline w={260} withArrow>
      <Anchor href={hrefFor({ name: 'backup' })} size="sm" c="orange.8" className="cell-nowrap" data-testid="report-backup-notice">
        建议先备份
      </Anchor>
    </Tooltip>
  );
}
