/**
 * 附件 (佐证材料) inside a record's form. Files come through 添加附件 or by dropping them on the
 * section, several at once. Each row shows a thumbnail (click: the viewer), its name, size and
 * date, and the checklist item it proves (a select of the kind's items); above the list, which
 * expected items the record has and which it still lacks.
 *
 * On a saved record every change is stored at once, independent of the form's 保存. On a new
 * record the files wait in the form (`pending`) and the form uploads them right after the record
 * is created (record-form.tsx); a file that then fails stays here, marked, with 重试.
 */
import { Alert, Badge, Button, FileButton, Group, Loader, NativeSelect, Paper, Progress, Table, Text } from '@mantine/core';
import type { ComponentProps } from 'react';
import { MAX_UPLOAD_LABEL } from '@rules/upload';
import { IconPlus } from '../icons';
import { formatTime } from '../lib/record-format';
import { formatSize } from './attachment-files';
import { AttachmentThumb, AttachmentViewer } from './attachment-preview';
import type { Attachment, PendingFile } from './attachment-upload';
import { useAttachments, type AttachmentsProps, type AttachmentsState } from './use-attachments';

const fileBytes = async (f: File): Promise<Uint8Array> => new Uint8Array(await f.arrayBuffer());

export function AttachmentsSection(props: AttachmentsProps) {
  const { recordId, pending } = props;
  const att = useAttachments(props);
  const { items, busy, missing, viewing, setViewing, setDragging, problems } = att;
  const empty = items !== null && items.length === 0 && pending.length === 0;
  return (
    <Paper
      withBorder
      p="sm"
      mt="md"
      data-testid="attachments"
      className={att.dragging ? 'att-drop att-drop-active' : 'att-drop'}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setDragging(false)}
      onDrop={att.drop}
    >
      <Group justify="space-between" mb={6} wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          附件（佐证材料）
        </Text>
        <EvidenceChecklist expected={att.expected} have={att.have} />
      </Group>
      {!recordId && (
        <Text size="xs" c="dimmed" mb={6}>
          选好的文件在点“保存”后随记录一起保存。
        </Text>
      )}
      {items === null ? (
        <Loader size="xs" />
      ) : empty ? (
        <Text size="sm" c="dimmed" mb={6}>
          还没有附件{missing.length ? `，本记录应有：${missing.join('、')}` : ''}。
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} horizontalSpacing={6} mb={6} data-testid="attachment-list">
          <Table.Tbody>
            {items.map((a) => (
              <SavedRow key={a.id} a={a} att={att} />
            ))}
            {pending.map((p) => (
              <PendingRow key={p.key} p={p} att={att} props={props} />
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
        <Alert
          color="red"
          py={6}
          mb={6}
          withCloseButton
          closeButtonLabel="关闭"
          onClose={() => att.setProblems([])}
          data-testid="attachment-error"
        >
          {problems.map((p) => (
            <Text key={p} size="sm">
              {p}
            </Text>
          ))}
        </Alert>
      )}
      <AttachmentsFooter att={att} recordId={recordId} pending={pending} />
      {viewing && (
        <AttachmentViewer
          id={viewing.id}
          name={viewing.name}
          load={viewing.load}
          onDownload={viewing.download}
          onClose={() => setViewing(null)}
        />
      )}
    </Paper>
  );
}

/** Which expected items the record has (✓) and which it still lacks (缺). */
function EvidenceChecklist({ expected, have }: { expected: readonly string[]; have: ReadonlySet<string | null> }) {
  if (expected.length === 0) return null;
  return (
    <Group gap={4} justify="flex-end" data-testid="evidence-checklist">
      {expected.map((i) => (
        <Badge
          key={i}
          size="sm"
          variant={have.has(i) ? 'light' : 'outline'}
          color={have.has(i) ? 'teal' : 'orange'}
          data-have={have.has(i) ? 'yes' : 'no'}
        >
          {have.has(i) ? '✓ ' : '缺 '}
          {i}
        </Badge>
      ))}
    </Group>
  );
}

/** One stored file: thumbnail, name, the item it proves, 下载 / 删除. */
function SavedRow({ a, att }: { a: Attachment; att: AttachmentsState }) {
  const { working, confirming, setConfirming, loadSaved, setViewing, setBroken, broken, tag, download, remove, choices } = att;
  return (
    <Table.Tr data-saved="true">
      <Table.Td w={64}>
        <AttachmentThumb
          id={a.id}
          name={a.name}
          load={loadSaved(a)}
          onOpen={() => setViewing({ id: a.id, name: a.name, load: loadSaved(a), download: () => void download(a) })}
          onProblem={(m) => setBroken((b) => ({ ...b, [a.id]: m }))}
        />
      </Table.Td>
      <Table.Td data-col="name">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {a.name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatSize(a.size)} · {formatTime(a.createdAt)}
        </Text>
        {broken[a.id] && (
          <Text size="xs" c="red" data-testid="attachment-broken">
            {broken[a.id]}
          </Text>
        )}
      </Table.Td>
      <Table.Td w={160}>
        <ItemSelect choices={choices} value={a.item} onChange={(v) => void tag(a, v)} disabled={working === a.id} name={a.name} />
      </Table.Td>
      <Table.Td w={150}>
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
          <Group gap={2} wrap="nowrap">
            <Button type="button" size="compact-xs" variant="subtle" loading={working === a.id} onClick={() => download(a)}>
              下载
            </Button>
            <Button
              type="button"
              size="compact-xs"
              variant="subtle"
              color="red"
              disabled={working === a.id}
              onClick={() => setConfirming(a.id)}
            >
              删除
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One file waiting for the first save (or whose upload failed): 待保存 / 未能保存, 移除. */
function PendingRow({ p, att, props }: { p: PendingFile; att: AttachmentsState; props: AttachmentsProps }) {
  const { busy, setViewing, choices } = att;
  const { pending, onPendingChange } = props;
  return (
    <Table.Tr data-saved="false" className={p.problem ? 'att-failed' : undefined}>
      <Table.Td w={64}>
        <AttachmentThumb
          id={p.key}
          name={p.file.name}
          load={() => fileBytes(p.file)}
          onOpen={() => setViewing({ id: p.key, name: p.file.name, load: () => fileBytes(p.file) })}
        />
      </Table.Td>
      <Table.Td data-col="name">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {p.file.name}
        </Text>
        <Text size="xs" c={p.problem ? 'red' : 'dimmed'} data-testid="pending-state">
          {formatSize(p.file.size)} · {p.problem ? `未能保存：${p.problem}` : '待保存'}
        </Text>
      </Table.Td>
      <Table.Td w={160}>
        <ItemSelect
          choices={choices}
          value={p.item}
          onChange={(v) => onPendingChange(pending.map((x) => (x.key === p.key ? { ...x, item: v } : x)))}
          disabled={!!busy}
          name={p.file.name}
        />
      </Table.Td>
      <Table.Td w={150}>
        <Button
          type="button"
          size="compact-xs"
          variant="subtle"
          color="red"
          disabled={!!busy}
          onClick={() => onPendingChange(pending.filter((x) => x.key !== p.key))}
        >
          移除
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** 添加附件, 重试, and what the clerk may drop here. */
function AttachmentsFooter({
  att,
  recordId,
  pending,
}: {
  att: AttachmentsState;
  recordId: string | null;
  pending: readonly PendingFile[];
}) {
  const { add, retry, busy, resetPicker } = att;
  return (
    <Group gap="sm" wrap="nowrap">
      <FileButton
        onChange={add}
        multiple
        resetRef={resetPicker}
        disabled={!!busy}
        inputProps={{ 'aria-label': '选择附件文件', 'data-testid': 'attachment-input' } as ComponentProps<'input'>}
      >
        {(props) => (
          <Button {...props} type="button" size="xs" variant="light" leftSection={<IconPlus size={12} />} loading={!!busy}>
            添加附件
          </Button>
        )}
      </FileButton>
      {recordId && pending.some((p) => p.problem) && (
        <Button type="button" size="xs" variant="light" color="orange" onClick={retry} disabled={!!busy} data-testid="attachment-retry">
          重试未保存的文件
        </Button>
      )}
      <Text size="xs" c="dimmed">
        可拖入或一次选多个文件，每个不超过 {MAX_UPLOAD_LABEL}
        {recordId ? '；添加、标注和删除立即生效，不需要点“保存”。' : '。'}
      </Text>
    </Group>
  );
}

/** The checklist item a file proves, or 未标注. */
function ItemSelect({
  choices,
  value,
  onChange,
  disabled,
  name,
}: {
  choices: readonly string[];
  value: string | null;
  onChange: (v: string | null) => void;
  disabled: boolean;
  name: string;
}) {
  return (
    <NativeSelect
      size="xs"
      w={150}
      aria-label={`“${name}”证明的材料项`}
      data={[{ value: '', label: '未标注' }, ...choices.map((c) => ({ value: c, label: c }))]}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      data-testid="attachment-item"
    />
  );
}
