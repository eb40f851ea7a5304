/**
 * State and calls of 导入Excel (import-dialog.tsx draws them): the picked workbook, the core's
 * preview under the clerk's choices per sheet (kind, header row, columns, fields filled with one
 * value for every row, accepted suggestions), the ticked duplicates and other-year rows, the
 * import, and afterwards the refused rows as a workbook to fix.
 */
import { useState } from 'react';
import { asApiError, call, type ApiOutput, type KindDef } from '../../lib/api';
import { useLedger } from '../../state/ledger';
import { useToast } from '../../state/toast';
import { downloadBase64, fileToBase64, XLSX_MIME } from './files';

type Preview = ApiOutput<'excel.preview'>;
export type Sheet = Preview['sheets'][number];
export type Problem = Sheet['problems'][number];
/** A sheet's choices as the preview takes them (electron/rules/api/inputs.ts, `overrides`). */
type Override = {
  kind?: string | null;
  headerRow?: number;
  columns?: Record<string, string | null>;
  values?: Record<string, string>;
  replace?: Record<string, Record<string, string>>;
  cells?: Record<string, string>;
};
type Overrides = Record<string, Override>;
type Result = ApiOutput<'excel.import'>;

const toggled = (set: Set<string>, key: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
};

export function useImport(kind: KindDef | undefined, year: number, onClose: () => void) {
  const { changed } = useLedger();
  const toast = useToast();
  const [file, setFile] = useState<{ name: string; b64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [otherTicked, setOtherTicked] = useState<Set<string>>(new Set());
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const load = async (f: { name: string; b64: string }, o: Overrides) => {
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
    setOtherTicked(new Set());
    setResult(null);
    await load(f, {});
  };
  const change = (sheet: string, o: Override) => {
    const next = { ...overrides, [sheet]: o };
    setOverrides(next);
    if (file) void load(file, next);
  };
  /** The sheet's choices so far, as the preview applied them, with one more. */
  const keep = (s: Sheet, more: Override): Override => ({
    ...overrides[s.sheet],
    kind: s.kind,
    headerRow: s.headerRow,
    columns: Object.fromEntries(s.columns.map((c) => [c.col, c.field])),
    values: s.values,
    ...more,
  });
  const setColumn = (s: Sheet, col: string, field: string | null) =>
    change(s.sheet, keep(s, { columns: { ...Object.fromEntries(s.columns.map((c) => [c.col, c.field])), [col]: field } }));
  // Another header row: its own columns, found again (the old letters meant other headers).
  const setHeaderRow = (s: Sheet, row: number) =>
    change(s.sheet, { ...overrides[s.sheet], kind: s.kind, headerRow: row, columns: undefined });
  const setValue = (s: Sheet, field: string, value: string | null) => {
    const values = { ...s.values };
    if (value === null) delete values[field];
    else values[field] = value;
    change(s.sheet, keep(s, { values }));
  };
  const accept = (s: Sheet, p: Problem, all: boolean) => {
    if (!p.suggestion || p.value === undefined) return;
    const o = overrides[s.sheet] ?? {};
    change(
      s.sheet,
      all
        ? keep(s, { replace: { ...o.replace, [p.col]: { ...o.replace?.[p.col], [p.value]: p.suggestion } } })
        : keep(s, { cells: { ...o.cells, [`${p.col}${p.row}`]: p.suggestion } }),
    );
  };
  const tick = (key: string, on: boolean) => setTicked(toggled(ticked, key, on));
  const tickOther = (key: string, on: boolean) => setOtherTicked(toggled(otherTicked, key, on));

  const request = () => ({
    dataBase64: file!.b64,
    kind: kind?.id,
    year,
    overrides,
    allOrNothing,
    includeDuplicates: [...ticked],
    includeOtherYears: [...otherTicked],
  });
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('excel.import', request());
      changed();
      toast(`已导入${r.added}条记录${r.bad ? `，${r.bad}行有错误未导入` : ''}${r.duplicates ? `，${r.duplicates}行疑似重复已跳过` : ''}`);
      // Refused rows are not forgotten: the dialog stays to hand them out as a workbook.
      if (r.bad) setResult(r);
      else onClose();
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const downloadRefused = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const f = await call('excel.refusedRows', request());
      downloadBase64(`${file.name.replace(/\.xlsx$/i, '')}（未导入的行）.xlsx`, XLSX_MIME, f.dataBase64);
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return {
    file,
    preview,
    ticked,
    tick,
    otherTicked,
    tickOther,
    allOrNothing,
    setAllOrNothing,
    busy,
    error,
    tab,
    setTab,
    pick,
    change,
    setColumn,
    setHeaderRow,
    setValue,
    accept,
    commit,
    result,
    downloadRefused,
  };
}

export type ImportState = ReturnType<typeof useImport>;
