/**
 * State and calls of 从备份恢复 (restore-panel.tsx draws them): the backups found on the U盘s,
 * 查看内容 (manifest, then the full check), the picker, and backup.restore once confirmed.
 */
import { useCallback, useEffect, useState } from 'react';
import { pickBackupFile } from '../../api/host';
import { asApiError, call, type ApiOutput } from '../lib/api';
import { useLedger } from '../state/ledger';
import type { BackupInfo, Check } from './backup-contents';
import type { Drive } from './drive-cards';

type Listed = ApiOutput<'backup.list'>[number] & { where: string };
type Restored = ApiOutput<'backup.restore'>;

export interface RestoreProps {
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

export function useRestore({ drives, listVersion, request, onRestored }: RestoreProps) {
  const { reload } = useLedger();
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

  return {
    found,
    typed,
    setTyped,
    info,
    check,
    refusal,
    opening,
    asking,
    setAsking,
    understood,
    setUnderstood,
    busy,
    done,
    open,
    pick,
    restore,
  };
}

export type RestoreState = ReturnType<typeof useRestore>;
