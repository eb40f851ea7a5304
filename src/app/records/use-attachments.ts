/**
 * State and calls of 附件 in a record's form (attachments-section.tsx draws them): the stored
 * list, files waiting for the first save, upload with progress, tag, download, delete, drop.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { allEvidenceItems, expectedEvidence } from '@rules/kinds/evidence';
import { asApiError, call, type KindDef, type RecordData } from '../lib/api';
import { downloadBytes } from '../lib/download';
import { base64ToBytes, uploadProblem } from './attachment-files';
import type { BytesLoader } from './attachment-preview';
import { guessItem, uploadPending, type Attachment, type PendingFile } from './attachment-upload';

interface Busy {
  label: string;
  /** 0–1 while a file is read; null while it is being stored. */
  fraction: number | null;
}

export interface AttachmentsProps {
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

export function useAttachments({ kind, data, recordId, pending, onPendingChange, onChanged, onViewing }: AttachmentsProps) {
  const [problems, setProblems] = useState<string[]>([]);
  const { items, setItems, loadSaved } = useStoredAttachments(recordId, setProblems);
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

  const choices = useMemo(() => allEvidenceItems(kind), [kind]);
  const expected = expectedEvidence(kind, data);
  const have = new Set([...(items ?? []).map((a) => a.item), ...pending.map((p) => p.item)]);
  const missing = expected.filter((i) => !have.has(i));

  useSwallowStrayDrops();

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
  return {
    items,
    problems,
    setProblems,
    busy,
    confirming,
    setConfirming,
    working,
    viewing,
    setViewing,
    dragging,
    setDragging,
    broken,
    setBroken,
    resetPicker,
    choices,
    expected,
    have,
    missing,
    loadSaved,
    add,
    retry,
    tag,
    download,
    remove,
    drop,
  };
}

export type AttachmentsState = ReturnType<typeof useAttachments>;

/** The saved record's files, read once; each file's bytes fetched once per form. */
function useStoredAttachments(recordId: string | null, setProblems: (p: string[]) => void) {
  const [items, setItems] = useState<Attachment[] | null>(recordId ? null : []);
  // Each saved file is fetched (and hash-checked by the core) once per form, for thumbnail and viewer alike.
  const cache = useRef(new Map<string, Promise<Uint8Array>>());
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
  }, [recordId, setProblems]);

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

  return { items, setItems, loadSaved };
}

/** A file dropped just beside the section must not make the window open it in place of the app. */
function useSwallowStrayDrops() {
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
}
