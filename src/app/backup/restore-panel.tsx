/**
 * 从备份恢复: choose a backup (found on the U盘s by backup.list, or picked by hand: an open dialog
 * in the desktop app, a path box in the browser), 查看内容 shows what it holds and checks it in
 * full; nothing changes until the clerk confirms, told that the current ledger is first kept as
 * a safety copy and where. After backup.restore every screen reloads from the restored ledger.
 */
import { Alert, Button, Checkbox, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { canPick } from '../../api/host';
import { ConfirmModal } from '../lib/modal';
import { useLedger } from '../state/ledger';
import { IconCheck, IconFolder, IconRefresh } from '../icons';
import { BackupContents, type BackupInfo } from './backup-contents';
import { formatBytes, formatWhen } from './format';
import { useRestore, type RestoreProps, type RestoreState } from './use-restore';

export function RestorePanel(props: RestoreProps) {
  const { onRefresh, loadingDrives } = props;
  const r = useRestore(props);
  const { info, refusal, done } = r;
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
      <FoundBackups r={r} drives={props.drives} />
      <PickBackup r={r} />
      {info && <InfoBox r={r} info={info} />}
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

      <ConfirmRestore r={r} safetyDir={props.safetyDir} />
    </Paper>
  );
}

/** The backups found on the U盘s, newest first, each with 查看内容. */
function FoundBackups({ r, drives }: { r: RestoreState; drives: RestoreProps['drives'] }) {
  const { found, info, refusal, opening, open } = r;
  return found && found.length > 0 ? (
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
  );
}

/** 选择备份文件… (desktop) or a typed path (browser harness). */
function PickBackup({ r }: { r: RestoreState }) {
  const { typed, setTyped, opening, pick } = r;
  return (
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
  );
}

/** What the chosen backup holds, its check, and 恢复此备份…. */
function InfoBox({ r, info }: { r: RestoreState; info: BackupInfo }) {
  const { settings } = useLedger();
  const { check, setUnderstood, setAsking } = r;
  return (
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
  );
}

/** Asks before replacing the ledger, naming where the safety copy goes. */
function ConfirmRestore({ r, safetyDir }: { r: RestoreState; safetyDir: string | null }) {
  const { asking, setAsking, busy, understood, setUnderstood, restore, info } = r;
  const total = info ? info.kinds.reduce((n, k) => n + k.count, 0) : 0;
  return (
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
  );
}
