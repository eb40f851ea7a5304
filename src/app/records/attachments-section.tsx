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
import { useEffect, useMemo, useRef, useState, type ComponentProps, type DragEvent } from 'react';
import { MAX_UPLOAD_LABEL } from '@rules/upload';
import { allEvidenceItems, expectedEvidence } from '@rules/kinds/evidence';
import { asApiError, call, type ApiOutput, type KindDef, type RecordData } from '../lib/api';
import { downloadBytes } from '../report/download';
import { IconPlus } from '../icons';
import { base64ToBytes, formatSize, readAsBase64, uploadProblem } from './attachment-files';
import { AttachmentThumb, AttachmentViewer, type BytesLoader } from './attachment-preview';
import { formatTime } from './format';

type Attachment = ApiOutput<'attachments.list'>[number];

/** A file chosen before the record exists (or whose upload after the first save failed). */
export interface PendingFile {
  key: string;
  file: File;
  item: string | null;
  /** Why its upload failed, once tried. */
  problem?: string;
}

interface Busy {
  label: string;
  /** 0–1 while a file is read; null while it is being stored. */
  fraction: number | null;
}

interface Props {
  kind: KindDef;
  /** The form's current data (managed fields included), which decides the expected items. */
  data: RecordData;
  /** The saved record, or null for a record not yet saved. */
  recordId: string | null;
  pending: readonly PendingFile[];
  onPendingChange: (next: PendingFile[]) => void;
  onChanged?: () => void;
  /** The viewer opened or closed (the form then leaves Esc to it). */
  onViewing?: (open: boolean) => void;
}

let pendingSeq = 0;

/** The item a file's name suggests (“签到表（三月）.jpg” → 签到表), or null. */
export function guessItem(name: string, items: readonly string[]): string | null {
  return [...items].sort((a, b) => b.length - a.length).find((i) => name.includes(i)) ?? null;
}

/** Uploads one pending file to a saved record; resolves the stored attachment or throws the clerk's message. */
export async function uploadPending(recordId: string, p: PendingFile, onFraction?: (f: number) => void): Promise<Attachment> {
  const problem = uploadProblem(p.file);
  if (problem) throw new Error(problem);
  const dataBase64 = await readAsBase64(p.file, onFraction);
  return call('attachments.upload', { recordId, name: p.file.name, dataBase64, item: p.item });
}

const fileBytes = async (f: File): Promise<Uint8Array> => new Uint8Array(await f.arrayBuffer());

export function AttachmentsSection({ kind, data, recordId, pending, onPendingChange, onChanged, onViewing }: Props) {
  const [items, setItems] = useState<Attachment[] | null>(recordId ? null : []);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [viewing, setViewingState] = useState<{ id: string; name: string; load: BytesLoader; download?: () => void } | null>(null);
  const setViewing = (v: typeof viewing) => {
    setViewingState(v);
    onViewing?.(!!v);
  };
  const [dragging, setDragging] = useState(false);
  /** Stored files that failed their check when their thumbnail was loaded, by id. */
  const [broken, setBroken] = useState<Record<string, string>>({});
  const resetPicker = useRef<() => void>(null);
  // Each saved file is fetched (and hash-checked by the core) once per form, for thumbnail and viewer alike.
  const cache = useRef(new Map<string, Promise<Uint8Array>>());

  const choices = useMemo(() => allEvidenceItems(kind), [kind]);
  const expected = expectedEvidence(kind, data);
  const have = new Set([...(items ?? []).map((a) => a.item), ...pending.map((p) => p.item)]);
  const missing = expected.filter((i) => !have.has(i));

  // A file dropped just beside the section must not make the window open it in place of the app.
  useEffect(() => {
    const swallow = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', swallow);
    window.addEventListener('drop', swallow);
    return () => {
      window.removeEventListener('dragover', swallow);
      window.removeEventListener('drop', swallow);
    };
  }, []);

  useEffect(() => {
    if (!recordId) return;
    let live = true;
    call('attachments.list', { recordId }).then(
      (list) => live && setItems(list),
      (err) => live && (setItems([]), setProblems([`读取附件列表失败：${asApiError(err).message}`])),
    );
    return () => {
      live = false;
    };
  }, [recordId]);

  const loadSaved =
    (a: Attachment): BytesLoader =>
    () => {
      let p = cache.current.get(a.id);
      if (!p) {
        p = call('attachments.download', { id: a.id }).then((got) => base64ToBytes(got.dataBase64));
        p.catch(() => cache.current.delete(a.id)); // a later look tries again
        cache.current.set(a.id, p);
      }
      return p;
    };

  const upload = async (list: readonly PendingFile[]): Promise<PendingFile[]> => {
    const failed: PendingFile[] = [];
    for (const [i, p] of list.entries()) {
      const label = `${list.length > 1 ? `（${i + 1}/${list.length}）` : ''}${p.file.name}`;
      try {
        setBusy({ label: `正在读取${label}`, fraction: 0 });
        const added = await uploadPending(recordId!, p, (fraction) =>
          setBusy({ label: `正在读取${label}`, fraction: fraction === 1 ? null : fraction }),
        );
        setItems((old) => [...(old ?? []), added]);
      } catch (err) {
        failed.push({ ...p, problem: asApiError(err).message });
      }
    }
    setBusy(null);
    if (failed.length < list.length) onChanged?.();
    return failed;
  };

  const add = async (files: File[]) => {
    resetPicker.current?.();
    if (!files.length) return;
    setProblems([]);
    const tooBig = files.map(uploadProblem).filter(Boolean);
    const fresh = files
      .filter((f) => !uploadProblem(f))
      .map((file): PendingFile => ({ key: `p${++pendingSeq}`, file, item: guessItem(file.name, choices) }));
    setProblems(tooBig);
    if (!recordId) {
      onPendingChange([...pending, ...fresh]);
      return;
    }
    const failed = await upload(fresh);
    setProblems([...tooBig, ...failed.map((p) => `“${p.file.name}”未能添加：${p.problem}`)]);
  };

  const retry = async () => {
    const failed = await upload(pending);
    onPendingChange(failed);
  };

  const tag = async (a: Attachment, item: string | null) => {
    setWorking(a.id);
    try {
      const saved = await call('attachments.tag', { id: a.id, item });
      setItems((old) => (old ?? []).map((x) => (x.id === a.id ? saved : x)));
      onChanged?.();
    } catch (err) {
      setProblems([`标注“${a.name}”失败：${asApiError(err).message}`]);
    } finally {
      setWorking(null);
    }
  };

  const download = async (a: Attachment) => {
    setWorking(a.id);
    try {
      downloadBytes(a.name, 'application/octet-stream', await loadSaved(a)());
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

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!busy) void add(Array.from(e.dataTransfer.files));
  };
  const itemSelect = (value: string | null, onChange: (v: string | null) => void, disabled: boolean, name: string) => (
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

  const empty = items !== null && items.length === 0 && pending.length === 0;
  return (
    <Paper
      withBorder
      p="sm"
      mt="md"
      data-testid="attachments"
      className={dragging ? 'att-drop att-drop-active' : 'att-drop'}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setDragging(false)}
      onDrop={drop}
    >
      <Group justify="space-between" mb={6} wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          附件（佐证材料）
        </Text>
        {expected.length > 0 && (
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
        )}
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
              <Table.Tr key={a.id} data-saved="true">
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
                <Table.Td w={160}>{itemSelect(a.item, (v) => void tag(a, v), working === a.id, a.name)}</Table.Td>
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
            ))}
            {pending.map((p) => (
              <Table.Tr key={p.key} data-saved="false" className={p.problem ? 'att-failed' : undefined}>
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
                  {itemSelect(
                    p.item,
                    (v) => onPendingChange(pending.map((x) => (x.key === p.key ? { ...x, item: v } : x))),
                    !!busy,
                    p.file.name,
                  )}
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
          onClose={() => setProblems([])}
          data-testid="attachment-error"
        >
          {problems.map((p) => (
            <Text key={p} size="sm">
              {p}
            </Text>
          ))}
        </Alert>
      )}
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
