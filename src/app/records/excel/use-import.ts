/**
 * State and calls of 导入Excel (import-dialog.tsx draws them): the picked workbook, the core's
 * preview under the clerk's column and kind overrides, the ticked duplicates, and the import.
 */
import { useState } from 'react';
import { asApiError, call, type ApiOutput, type KindDef } from '../../lib/api';
import { useLedger } from '../../state/ledger';
import { useToast } from '../../state/toast';
import { fileToBase64 } from './files';

export type Preview = ApiOutput<'excel.preview'>;
export type Sheet = Preview['sheets'][number];
type Override = { kind?: string | null; headerRow?: number; columns?: Record<string, string | null> };

export function useImport(kind: KindDef | undefined, year: number, onClose: () => void) {
  const { changed } = useLedger();
  const toast = useToast();
  const [file, setFile] = useState<{ name: string; b64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [overrides, setOverrides] = useState<Record<string, Override>>({});
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>(null);

  const load = async (f: { name: string; b64: string }, o: Record<string, Override>) => {
    setBusy(true);
    setError(null);
    try {
      const p = await call('excel.preview', { dataBase64: f.b64, kind: kind?.id, year, overrides: o });
      setPreview(p);
      setTab((t) => (t && p.sheets.some((s) => s.sheet === t) ? t : (p.sheets.find((s) => s.kind)?.sheet ?? p.sheets[0]?.sheet ?? null)));
    } catch (err) {
      setPreview(null);
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const pick = async (picked: File | null) => {
    if (!picked) return;
    const f = { name: picked.name, b64: await fileToBase64(picked) };
    setFile(f);
    setOverrides({});
    setTicked(new Set());
    await load(f, {});
  };
  const change = (sheet: string, o: Override) => {
    const next = { ...overrides, [sheet]: o };
    setOverrides(next);
    if (file) void load(file, next);
  };
  const setColumn = (s: Sheet, col: string, field: string | null) =>
    change(s.sheet, {
      kind: s.kind,
      headerRow: s.headerRow,
      columns: { ...Object.fromEntries(s.columns.map((c) => [c.col, c.field])), [col]: field },
    });

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('excel.import', {
        dataBase64: file.b64,
        kind: kind?.id,
        year,
        overrides,
        allOrNothing,
        includeDuplicates: [...ticked],
      });
      changed();
      toast(`已导入${r.added}条记录${r.bad ? `，${r.bad}行有错误未导入` : ''}${r.duplicates ? `，${r.duplicates}行疑似重复已跳过` : ''}`);
      onClose();
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return { file, preview, ticked, setTicked, allOrNothing, setAllOrNothing, busy, error, tab, setTab, pick, change, setColumn, commit };
}
