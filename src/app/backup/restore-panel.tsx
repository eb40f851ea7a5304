/**
 * 从备份恢复: choose a backup (found on the U盘s by backup.list, or picked by hand: an open dialog
 * in the desktop app, a path box in the browser), 查看内容 shows what it holds and checks it in
 * full; nothing changes until the clerk confirms, told that the current ledger is first kept as
 * a safety copy and where. After backup.restore every screen reloads from the restored ledger.
 */
import { Alert, Button, Checkbox, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { canPick, pickBackupFile } from '../../api/host';
import { asApiError, call, type ApiOutput } from '../lib/api';
import { ConfirmModal } from '../lib/modal';
import { useLedger } from '../state/ledger';
import { IconCheck, IconFolder, IconRefresh } from './backup-icons';
import { BackupContents, type BackupInfo, type Check } from './backup-contents';
import type { Drive } from './drive-cards';
import { formatBytes, formatWhen } from './format';

type Listed = ApiOutput<'backup.list'>[number] & { where: string };
type Restored = ApiOutput<'backup.restore'>;

interface Props {
  drives: readonly Drive[];
  /** Bumped when a backup was just made, so the list shows it. */
  listVersion: number;
  safetyDir: string | null;
  /** A file to open as if 查看内容 had been clicked (from 安全副本); `n` makes a repeat count. */
  request: { file: string; n: number } | null;
  loadingDrives: boolean;
  onRefresh(): void;
  onRestored(): void;
}

export function RestorePanel({ drives, listVersion, safetyDir, request, loadingDrives, onRefresh, onRestored }: Props) {
  const { settings, reload } = useLedger();
  const [found, setFound] = useState<Listed[] | null>(null);
  const [typed, setTyped] = useState('');
  const [info, setInfo] = useState<BackupInfo | null>(null);
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const [refusal, setRefusal] = useState<{ file: string; message: string } | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Restored | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all(
      drives.map((d) =>
        call('backup.list', { dir: d.path }).then(
          (list) => list.map((b) => ({ ...b, where: d.label })),
          () => [] as Listed[],
        ),
      ),
    ).then((lists) => live && setFound(lists.flat().sort((a, b) => (`${a.date} ${a.time}` < `${b.date} ${b.time}` ? 1 : -1))));
    return () => {
      live = false;
    };
  }, [drives, listVersion]);

  /** 查看内容: the manifest first (fast), then the full check in the background. */
  const open = useCallback(async (file: string) => {
    setOpening(file);
    setInfo(null);
    setRefusal(null);
    setDone(null);
    try {
      const i = await call('backup.inspect', { file });
      setInfo(i);
      setCheck({ state: 'checking' });
      const v = await call('backup.verify', { file });
      setCheck(v.sound ? { state: 'sound' } : { state: 'broken', problem: v.problem });
    } catch (err) {
      setRefusal({ file, message: asApiError(err).message });
    } finally {
      setOpening(null);
    }
  }, []);

  useEffect(() => {
    if (request) void open(request.file);
  }, [request, open]);

  /** Desktop: the open dialog; browser harness: the typed path, granted by the picker's stand-in. */
  const pick = async (typedPath?: string) => {
    try {
      const r = await pickBackupFile(typedPath ?? drives[0]?.path);
      if (!r.canceled) await open(r.path);
    } catch (err) {
      setRefusal({ file: '', message: asApiError(err).message });
    }
  };

  const restore = async () => {
    if (!info) return;
    setBusy(true);
    try {
      const r = await call('backup.restore', { file: info.file });
      setAsking(false);
      setInfo(null);
      setDone(r);
      await reload();
      onRestored();
    } catch (err) {
      setAsking(false);
      setRefusal({ file: info.file, message: asApiError(err).message });
      setInfo(null);
    } finally {
      setBusy(false);
    }
  };

  const total = info ? info.kinds.reduce((n, k) => n + k.count, 0) : 0;

  return (
    <Paper withBorder p="md" data-testid="restore-panel">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text size="sm" c="dimmed">
          恢复会用备份中的内容替换当前台账。请先点“查看内容”核对备份无误，再恢复；查看不会改动任何数据。
        </Text>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={onRefresh} loading={loadingDrives}>
          刷新
        </Button>
      </Group>

      <Text size="sm" fw={600} mb={4}>
        U盘上的备份
      </Text>
      {found && found.length > 0 ? (
        <div className="table-scroll backup-list">
          <Table striped highlightOnHover verticalSpacing={4} horizontalSpacing={8} fz="sm" data-testid="backup-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>备份时间</Table.Th>
                <Table.Th>乡镇</Table.Th>
                <Table.Th>所在U盘</Table.Th>
                <Table.Th w={90}>大小</Table.Th>
                <Table.Th w={1}>操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.map((b) => (
                <Table.Tr key={b.file} data-selected={(info?.file ?? refusal?.file) === b.file || undefined} title={b.file}>
                  <Table.Td className="cell-nowrap">
                    {b.date} {b.time}
                    {b.tag && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        （{b.tag}）
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{b.town}</Table.Td>
                  <Table.Td>{b.where}</Table.Td>
                  <Table.Td className="cell-nowrap">{formatBytes(b.bytes)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" loading={opening === b.file} onClick={() => void open(b.file)}>
                      查看内容
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : (
        <Text size="sm" c="dimmed" data-testid="no-backup-files">
          {found ? (drives.length ? 'U盘上没有找到备份文件。' : '未检测到U盘。') : '正在查找…'}
          可以在下方直接选择备份文件。
        </Text>
      )}

      <Group gap="sm" mt="sm" align="flex-end" wrap="nowrap">
        {canPick() ? (
          <Button variant="default" leftSection={<IconFolder />} onClick={() => void pick()}>
            选择备份文件…
          </Button>
        ) : (
          <>
            <TextInput
              label="或输入备份文件路径"
              description="浏览器调试环境无法弹出选择窗口"
              placeholder="例如 E:\法治台账备份_双土镇_2024-01-15_0930.ftzb"
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              style={{ flex: 1, maxWidth: 560 }}
              data-testid="restore-file-input"
            />
            <Button
              variant="default"
              disabled={!typed.trim()}
              loading={opening === typed.trim()}
              onClick={() => void pick(typed.trim())}
              data-testid="restore-file-open"
            >
              查看内容
            </Button>
          </>
        )}
      </Group>

      {info && (
        <Paper withBorder p="sm" mt="md" bg="gray.0">
          <BackupContents info={info} check={check} currentTown={settings.town} />
          {check.state === 'broken' && (
            <Alert color="red" variant="light" mt="sm" title="这个备份不能用于恢复" data-testid="restore-error">
              {check.problem}
            </Alert>
          )}
          <Group mt="sm">
            <Button
              color="red"
              disabled={check.state !== 'sound'}
              onClick={() => {
                setUnderstood(false);
                setAsking(true);
              }}
              data-testid="restore-run"
            >
              恢复此备份…
            </Button>
            {check.state === 'checking' && (
              <Text size="sm" c="dimmed">
                正在逐项校验备份文件，请稍候…
              </Text>
            )}
          </Group>
        </Paper>
      )}

      {refusal && (
        <Alert color="red" variant="light" mt="md" title="无法使用这个备份文件" data-testid="restore-error">
          {refusal.message}
          <Text size="sm" mt={4}>
            当前台账没有任何改动。请换一个备份文件再试。
          </Text>
        </Alert>
      )}

      {done && (
        <Alert color="teal" variant="light" mt="md" icon={<IconCheck />} title="恢复完成" data-testid="restore-done">
          <Text size="sm">
            台账已恢复为 {formatWhen(done.info.createdAt)} 的备份（{done.info.town}），各页面已按恢复后的数据刷新。
          </Text>
          <Text size="sm" className="break-all">
            恢复前的台账已保存为安全副本：{done.safetyCopy}
          </Text>
          <Text size="xs" c="dimmed">
            如发现恢复的不是想要的内容，可以在“安全副本”中找到这份副本，点“查看内容”后恢复回去。
          </Text>
        </Alert>
      )}

      <ConfirmModal
        opened={asking}
        title="确认恢复"
        confirmLabel="恢复"
        busy={busy}
        canConfirm={understood}
        onClose={() => !busy && setAsking(false)}
        onConfirm={() => void restore()}
      >
        {info && (
          <>
            <Text size="sm" mb="xs">
              将用 <b>{formatWhen(info.createdAt)}</b> 的备份（{info.town}，{total} 条记录）
              <Text span c="red" fw={600} size="sm">
                替换当前台账的全部记录、单位设置、年度报告和附件
              </Text>
              。
            </Text>
            <Text size="sm" mb="xs">
              当前台账不会丢失：恢复前程序会自动把它保存为一份安全副本，存放在：
            </Text>
            <Text size="xs" className="break-all path-box" mb="sm" data-testid="restore-safety-dir">
              {safetyDir ?? '台账所在文件夹的“安全备份”子文件夹'}
            </Text>
            <Checkbox
              label="我已核对备份内容，确定用它替换当前台账"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
            />
          </>
        )}
      </ConfirmModal>
    </Paper>
  );
}
