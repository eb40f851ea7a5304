/**
 * 备份与恢复: when the ledger was last backed up (and the reminder), then three tabs: 备份到U盘,
 * 从备份恢复 and 安全副本. The drive list is read here once and shared: backup writes to a drive,
 * restore lists the backups on the drives. A safety copy's 查看内容 opens it in 从备份恢复.
 */
import { Alert, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { IconAlert } from '../icons';
import { asApiError, call } from '../lib/api';
import { useLedger } from '../state/ledger';
import { BackupPanel } from './backup-panel';
import type { DriveList } from './drive-cards';
import { lastBackupText } from './format';
import { RestorePanel } from './restore-panel';
import { SafetyCopiesPanel, type SafetyCopies } from './safety-copies';
import { reminderText, useBackupStatus } from '../lib/backup-status';

const NO_DRIVES: DriveList['drives'] = [];
type Tab = 'backup' | 'restore' | 'safety';

export function BackupPage() {
  const { changed } = useLedger();
  const status = useBackupStatus();
  const [tab, setTab] = useState<Tab>('backup');
  const [drives, setDrives] = useState<DriveList | null>(null);
  const [drivesError, setDrivesError] = useState<string | null>(null);
  const [loadingDrives, setLoadingDrives] = useState(false);
  const [safety, setSafety] = useState<SafetyCopies | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const [request, setRequest] = useState<{ file: string; n: number } | null>(null);

  const loadDrives = useCallback(async () => {
    setLoadingDrives(true);
    try {
      setDrives(await call('backup.drives', {}));
      setDrivesError(null);
    } catch (err) {
      setDrivesError(asApiError(err).message);
    } finally {
      setLoadingDrives(false);
    }
  }, []);
  const loadSafety = useCallback(() => {
    call('backup.safetyCopies', {}).then(setSafety, () => {});
  }, []);
  useEffect(() => {
    void loadDrives();
    loadSafety();
  }, [loadDrives, loadSafety]);

  return (
    <Stack gap="sm" maw={1040} pb="xl" data-testid="backup-page">
      <Group align="baseline" gap="sm">
        <Title order={2}>备份与恢复</Title>
        {status && (
          <Text size="sm" c={status.reminderDue ? 'orange.8' : 'dimmed'} data-testid="backup-last">
            {lastBackupText(status)}
          </Text>
        )}
      </Group>
      {status?.reminderDue && (
        <Alert color="yellow" variant="light" icon={<IconAlert />} py="xs" data-testid="backup-page-reminder">
          {reminderText(status)}建议每周至少备份一次，U盘与电脑分开存放。
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="backup">备份到U盘</Tabs.Tab>
          <Tabs.Tab value="restore">从备份恢复</Tabs.Tab>
          <Tabs.Tab value="safety">安全副本{safety?.copies.length ? `（${safety.copies.length}）` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="backup">
          <BackupPanel
            drives={drives}
            drivesError={drivesError}
            loadingDrives={loadingDrives}
            onRefresh={() => void loadDrives()}
            onBackedUp={() => {
              changed();
              void loadDrives();
              setListVersion((v) => v + 1);
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="restore">
          <RestorePanel
            drives={drives?.drives ?? NO_DRIVES}
            listVersion={listVersion}
            safetyDir={safety?.dir ?? null}
            request={request}
            loadingDrives={loadingDrives}
            onRefresh={() => void loadDrives()}
            onRestored={loadSafety}
          />
        </Tabs.Panel>
        <Tabs.Panel value="safety">
          <SafetyCopiesPanel
            data={safety}
            onInspect={(file) => {
              setRequest((r) => ({ file, n: (r?.n ?? 0) + 1 }));
              setTab('restore');
            }}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
