/**
 * 附件 of one saved record inside its form: the list (name, size, date) with 下载 and 删除
 * (confirmed in the row), and 添加附件 for one or more files. Every change is saved at once,
 * independent of the form's 保存; a new record gets its attachments after its first save.
 */
import { Alert, Button, FileButton, Group, Loader, Paper, Progress, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { asApiError, call, type ApiOutput } from '../lib/api';
import { downloadBytes } from '../report/download';
import { IconPlus } from '../icons';
import { base64ToBytes, formatSize, readAsBase64, uploadProblem } from './attachment-files';
import { formatTime } from './format';

type Attachment = ApiOutput<'attachments.list'>[number];

interface Busy {
  label: string;
  /** 0–1 while a file is read; null while it is being stored. */
  fraction: number | null;
}

interface Props {
  /** The saved record, or null for a record not yet saved. */
  recordId: string | null;
  onChanged?: () => void;
}

export function AttachmentsSection({ recordId, onChanged }: Props) {
  return (
    <Paper withBorder p="sm" mt="md" data-testid="attachments">
      <Text size="sm" fw={600} mb={6}>
        附件
      </Text>
      {recordId ? (
        <AttachmentList recordId={recordId} onChanged={onChanged} />
      ) : (
        <Text size="sm" c="dimmed">
          保存后可添加附件（签到表、会议纪要扫描件、照片等）。
        </Text>
      )}
    </Paper>
  );
}

function AttachmentList({ recordId, onChanged }: { recordId: string; onChanged?: () => void }) {
  const [items, setItems] = useState<Attachment[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const resetPicker = useRef<() => void>(null);

  useEffect(() => {
    let live = true;
    call('attachments.list', { recordId }).then(
      (list) => live && setItems(list),
      (err) => live && (setItems([]), setProblems([`读取附件列表失败：${asApiError(err).message}`])),
    );
    return () => {
      live = false;
    };
  }, [recordId]);

  const add = async (files: File[]) => {
    resetPicker.current?.();
    if (!files.length) return;
    const failed: string[] = [];
    setProblems([]);
    for (const [i, file] of files.entries()) {
      const problem = uploadProblem(file);
      if (problem) {
        failed.push(problem);
        continue;
      }
      const label = `${files.length > 1 ? `（${i + 1}/${files.length}）` : ''}${file.name}`;
      try {
        setBusy({ label: `正在读取${label}`, fraction: 0 });
        const dataBase64 = await readAsBase64(file, (fraction) => setBusy({ label: `正在读取${label}`, fraction }));
        setBusy({ label: `正在保存${label}`, fraction: null });
        const added = await call('attachments.upload', { recordId, name: file.name, dataBase64 });
        setItems((old) => [...(old ?? []), added]);
      } catch (err) {
        failed.push(`“${file.name}”未能添加：${asApiError(err).message}`);
      }
    }
    setBusy(null);
    setProblems(failed);
    if (failed.length < files.length) onChanged?.();
  };

  const download = async (a: Attachment) => {
    setWorking(a.id);
    try {
      const got = await call('attachments.download', { id: a.id });
      downloadBytes(got.name, 'application/octet-stream', base64ToBytes(got.dataBase64));
    } catch (err) {
      setProblems([`下载“${a.name}”失败：${asApiError(err).message}`]);
    } finally {
      setWorking(null);
    }
  };

  const remove = async (a: Attachment) => {
    setWorking(a.id);
    try {
      await call('attachments.remove', { id: a.id });
      setItems((old) => (old ?? []).filter((x) => x.id !== a.id));
      setConfirming(null);
      onChanged?.();
    } catch (err) {
      setProblems([`删除“${a.name}”失败：${asApiError(err).message}`]);
    } finally {
      setWorking(null);
    }
  };

  return (
    <>
      {items === null ? (
        <Loader size="xs" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" mb={6}>
          还没有附件。
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} horizontalSpacing={6} mb={6} data-testid="attachment-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>名称</Table.Th>
              <Table.Th w={80} ta="right">
                大小
              </Table.Th>
              <Table.Th w={130}>添加时间</Table.Th>
              <Table.Th w={170}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  {a.name}
                </Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {formatSize(a.size)}
                </Table.Td>
                <Table.Td c="dimmed">{formatTime(a.createdAt)}</Table.Td>
                <Table.Td>
                  {confirming === a.id ? (
                    <Group gap={4} wrap="nowrap">
                      <Button type="button" size="compact-xs" color="red" loading={working === a.id} onClick={() => remove(a)}>
                        确认删除
                      </Button>
                      <Button type="button" size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
                        取消
                      </Button>
                    </Group>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <Button type="button" size="compact-xs" variant="subtle" loading={working === a.id} onClick={() => download(a)}>
                        下载
                      </Button>
                      <Button type="button" size="compact-xs" variant="subtle" color="red" disabled={working === a.id} onClick={() => setConfirming(a.id)}>
                        删除
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {busy && (
        <div data-testid="attachment-progress">
          <Text size="xs" c="dimmed" mb={4}>
            {busy.label}
          </Text>
          <Progress value={busy.fraction === null ? 100 : busy.fraction * 100} animated={busy.fraction === null} size="sm" mb={6} />
        </div>
      )}
      {problems.length > 0 && (
        <Alert color="red" py={6} mb={6} withCloseButton closeButtonLabel="关闭" onClose={() => setProblems([])} data-testid="attachment-error">
          {problems.map((p) => (
            <Text key={p} size="sm">
              {p}
            </Text>
          ))}
        </Alert>
      )}
      <Group gap="sm">
        <FileButton onChange={add} multiple resetRef={resetPicker} disabled={!!busy} inputProps={{ 'aria-label': '选择附件文件', 'data-testid': 'attachment-input' } as ComponentProps<'input'>}>
          {(props) => (
            <Button {...props} type="button" size="xs" variant="light" leftSection={<IconPlus size={12} />} loading={!!busy}>
              添加附件
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          可一次选多个文件，每个不超过 50 MB；添加和删除立即生效，不需要点“保存”。
        </Text>
      </Group>
    </>
  );
}
