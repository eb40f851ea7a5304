/**
 * 备份到U盘: choose a drive card (or any folder: a folder dialog in the desktop app, a path box in
 * the browser harness), optionally keep only the newest K, then 立即备份. backup.create writes,
 * reads back and verifies the file before naming it, so success means 校验通过.
 */
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { canPick, pickFolder } from '../../api/host';
import { asApiError, call, type ApiOutput } from '../lib/api';
import { IconCheck, IconFolder, IconRefresh } from '../icons';
import { DriveCards, type DriveList } from './drive-cards';
import { baseName, dirName, formatBytes } from './format';

type Created = ApiOutput<'backup.create'>;

interface Props {
  drives: DriveList | null;
  drivesError: string | null;
  loadingDrives: boolean;
  onRefresh(): void;
  onBackedUp(): void;
}

export function BackupPanel({ drives, drivesError, loadingDrives, onRefresh, onBackedUp }: Props) {
  const [drive, setDrive] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [useFolder, setUseFolder] = useState(false);
  const [keepOn, setKeepOn] = useState(false);
  const [keep, setKeep] = useState(5);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);

  // One U盘 plugged in: it is the obvious choice.
  useEffect(() => {
    if (!drives) return;
    if (drive && !drives.drives.some((d) => d.path === drive)) setDrive(null);
    if (!drive && !useFolder && drives.drives.length === 1) setDrive(drives.drives[0].path);
  }, [drives, drive, useFolder]);

  const chosenDrive = !useFolder ? drives?.drives.find((d) => d.path === drive) : undefined;
  const target = useFolder ? folder.trim() : (chosenDrive?.path ?? '');
  const short = chosenDrive ? !chosenDrive.enoughSpace : false;

  const selectDrive = (path: string) => {
    setUseFolder(false);
    setDrive(path);
  };
  const choose = async () => {
    try {
      const r = await pickFolder(folder || undefined);
      if (!r.canceled) {
        setFolder(r.path);
        setUseFolder(true);
      }
    } catch (err) {
      setError(asApiError(err).message);
    }
  };
  const run = async () => {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      // A typed folder (browser harness) is handed to the picker's stand-in, which grants it.
      const dir = useFolder && !canPick() ? await pickFolder(target) : { canceled: false as const, path: target };
      if (dir.canceled) return;
      setDone(await call('backup.create', { targetDir: dir.path, ...(keepOn ? { keep } : {}) }));
      onBackedUp();
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="backup-panel">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text size="sm" c="dimmed">
          备份文件包含全部台账记录、单位设置、年度报告和附件。插入U盘后选择它（没有显示就点“刷新”），再点“立即备份”。
        </Text>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={onRefresh} loading={loadingDrives}>
          刷新
        </Button>
      </Group>
      {drivesError && (
        <Alert color="red" variant="light" mb="sm" title="无法读取U盘列表">
          {drivesError}
        </Alert>
      )}
      {drives && <DriveCards list={drives} selected={useFolder ? null : drive} onSelect={selectDrive} />}

      <Group gap="sm" mt="sm" align="flex-end" wrap="nowrap">
        {canPick() ? (
          <>
            <Button variant="default" leftSection={<IconFolder />} onClick={() => void choose()}>
              选择其他文件夹…
            </Button>
            {useFolder && folder && (
              <Text size="sm" truncate title={folder}>
                {folder}
              </Text>
            )}
          </>
        ) : (
          <TextInput
            label="或保存到其他文件夹"
            description="浏览器调试环境无法弹出选择窗口，请输入文件夹路径"
            placeholder="例如 D:\台账备份"
            value={folder}
            onChange={(e) => {
              setFolder(e.currentTarget.value);
              setUseFolder(e.currentTarget.value.trim() !== '');
            }}
            style={{ flex: 1, maxWidth: 560 }}
            data-testid="backup-folder-input"
          />
        )}
      </Group>

      <KeepCount keepOn={keepOn} setKeepOn={setKeepOn} keep={keep} setKeep={setKeep} />

      <Stack gap={6} mt="md">
        <Text size="sm" data-testid="backup-target">
          {target ? (
            <>
              将保存到：<b>{chosenDrive ? `${chosenDrive.label}（${chosenDrive.path}）` : target}</b>
            </>
          ) : (
            <Text span c="dimmed" size="sm">
              请先选择一个U盘或文件夹
            </Text>
          )}
        </Text>
        <Group gap="sm">
          <Button size="md" onClick={() => void run()} loading={busy} disabled={!target || short} data-testid="backup-run">
            立即备份
          </Button>
          {busy && (
            <Text size="sm" c="dimmed">
              正在备份并校验，请不要拔出U盘…
            </Text>
          )}
          {short && !busy && (
            <Text size="sm" c="red.7">
              这个U盘空间不足，请换一个U盘或选择其他文件夹
            </Text>
          )}
        </Group>
      </Stack>

      {done && <BackupDone done={done} />}
      {error && (
        <Alert color="red" variant="light" mt="md" title="没有完成备份" data-testid="backup-error">
          {error}
          <Text size="sm" mt={4}>
            台账本身没有任何改动。请检查U盘后重试，或换一个位置。
          </Text>
        </Alert>
      )}
    </Paper>
  );
}

/** 只保留最近 N 份: older backups in the same place are deleted after this one is verified. */
function KeepCount(p: { keepOn: boolean; setKeepOn(v: boolean): void; keep: number; setKeep(v: number): void }) {
  const { keepOn, setKeepOn, keep, setKeep } = p;
  return (
    <Group gap={6} mt="md" wrap="nowrap">
      <Checkbox label="只保留最近" checked={keepOn} onChange={(e) => setKeepOn(e.currentTarget.checked)} data-testid="backup-keep" />
      <NumberInput
        size="xs"
        w={64}
        min={1}
        max={100}
        value={keep}
        onChange={(v) => setKeep(Math.max(1, Math.floor(Number(v) || 1)))}
        disabled={!keepOn}
        aria-label="保留份数"
      />
      <Text size="sm">份</Text>
      <Text size="xs" c="dimmed">
        （自动删除该位置更早的备份；恢复前的安全副本不会删除）
      </Text>
    </Group>
  );
}

/** 备份完成，校验通过: the file, where, and what was deleted by 只保留最近. */
function BackupDone({ done }: { done: Created }) {
  return (
    <Alert color="teal" variant="light" mt="md" icon={<IconCheck />} title="备份完成，校验通过" data-testid="backup-result">
      <Text size="sm">
        文件：<b className="break-all">{baseName(done.file)}</b>（{formatBytes(done.bytes)}）
      </Text>
      <Text size="sm" className="break-all">
        位置：{dirName(done.file)}
      </Text>
      <Text size="sm" c="dimmed">
        已重新读出全部内容逐项核对，与台账一致。
        {done.deleted.length > 0 && `按设置删除了 ${done.deleted.length} 份更早的备份。`}
      </Text>
    </Alert>
  );
}
