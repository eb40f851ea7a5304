/**
 * The state of the 年度报告 screens for one year: the figure catalogue and the year's values, the
 * saved spec and the clerk's draft of it, the assembly of the saved spec (problems, figure uses),
 * the staleness of the last print, and save / 恢复默认. Everything reloads after ledger edits.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { asApiError, call, type ApiErrorLike } from '../lib/api';
import { useLedger } from '../state/ledger';
import { indexUses, type FigureInfo } from './figure-labels';
import type { FigureDef, FigureResult, Problem, ReportDocument, ReportSpec, SpecSource, Staleness, FigureUse } from './types';

interface Assembled {
  document: ReportDocument;
  problems: Problem[];
  uses: FigureUse[];
}

interface SavedSpec {
  spec: ReportSpec;
  source: SpecSource;
  fromYear?: number;
}

export interface ReportModel {
  year: number;
  loadError: string | null;
  catalogue: readonly FigureDef[];
  saved: SavedSpec | null;
  draft: ReportSpec | null;
  setDraft(fn: (s: ReportSpec) => ReportSpec): void;
  dirty: boolean;
  assembled: Assembled | null;
  staleness: Staleness | null;
  info: FigureInfo;
  saving: boolean;
  saveError: ApiErrorLike | null;
  /** Saves the draft (or `spec`); false when the core refused it. */
  save(spec?: ReportSpec): Promise<boolean>;
  reset(): Promise<void>;
  /** Changes exactly when what prints changed (the assembled document): the preview refetches on it; null until known. */
  printKey: string | null;
  /** After a print or an export: the staleness banner starts over. */
  outputRecorded(): void;
  /** Re-reads the year's figures (e.g. when the window regains focus). */
  refresh(): void;
}

const EMPTY_INFO: FigureInfo = { defs: new Map(), values: new Map(), saved: new Map() };

export function useReport(): ReportModel {
  const { year, version } = useLedger();
  const [catalogue, setCatalogue] = useState<readonly FigureDef[]>([]);
  const [saved, setSaved] = useState<SavedSpec | null>(null);
  const [draft, setDraftState] = useState<ReportSpec | null>(null);
  const [values, setValues] = useState<FigureResult[]>([]);
  const [assembled, setAssembled] = useState<Assembled | null>(null);
  const [staleness, setStaleness] = useState<Staleness | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiErrorLike | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  const [tick, setTick] = useState(0);
  const live = useRef(year);
  live.current = year;

  // Custom figures join the catalogue, so it follows the ledger's writes.
  useEffect(() => {
    call('figures.catalogue', {}).then(
      (c) => setCatalogue(c as FigureDef[]),
      (e) => setLoadError(asApiError(e).message),
    );
  }, [version]);

  // The spec itself: on a new year only, so ledger edits never throw away the clerk's draft.
  useEffect(() => {
    setSaved(null);
    setDraftState(null);
    setSaveError(null);
    call('report.get', { year }).then(
      (r) => {
        if (live.current !== year) return;
        setSaved(r as SavedSpec);
        setDraftState((r as SavedSpec).spec);
      },
      (e) => setLoadError(asApiError(e).message),
    );
  }, [year]);

  // What follows from the ledger and the saved spec: one call, the year's figures computed once.
  useEffect(() => {
    let on = true;
    call('report.overview', { year }).then(
      (o) => {
        if (!on) return;
        setValues(o.values as FigureResult[]);
        setAssembled(o.assembled as Assembled);
        setStaleness(o.staleness as Staleness);
        setLoadError(null);
      },
      (e) => on && setLoadError(asApiError(e).message),
    );
    return () => {
      on = false;
    };
  }, [year, version, savedVersion, tick]);

  const setDraft = useCallback((fn: (s: ReportSpec) => ReportSpec) => setDraftState((d) => (d ? fn(d) : d)), []);

  const save = useCallback(
    async (spec?: ReportSpec) => {
      const toSave = spec ?? draft;
      if (!toSave) return false;
      setSaving(true);
      setSaveError(null);
      try {
        const stored = await call('report.save', { year, spec: toSave });
        setSaved({ spec: stored, source: 'saved' });
        setDraftState(stored);
        setSavedVersion((v) => v + 1);
        return true;
      } catch (err) {
        setSaveError(asApiError(err));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [draft, year],
  );

  const reset = useCallback(async () => {
    await call('report.reset', { year });
    const r = (await call('report.get', { year })) as SavedSpec;
    setSaved(r);
    setDraftState(r.spec);
    setSaveError(null);
    setSavedVersion((v) => v + 1);
  }, [year]);

  const outputRecorded = useCallback(() => {
    call('report.staleness', { year }).then(
      (s) => setStaleness(s as Staleness),
      () => {},
    );
  }, [year]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);

  const info = useMemo<FigureInfo>(() => {
    if (!catalogue.length) return EMPTY_INFO;
    const defs = new Map(catalogue.map((d) => [d.id, d]));
    return {
      defs,
      values: new Map(values.map((v) => [v.id, v])),
      saved: saved && assembled ? indexUses(saved.spec, assembled.uses, defs) : new Map(),
    };
  }, [catalogue, values, saved, assembled]);

  const printKey = useMemo(() => (assembled ? JSON.stringify(assembled.document) : null), [assembled]);

  const dirty = !!draft && !!saved && JSON.stringify(draft) !== JSON.stringify(saved.spec);

  return {
    year,
    loadError,
    catalogue,
    saved,
    draft,
    setDraft,
    dirty,
    assembled,
    staleness,
    info,
    saving,
    saveError,
    save,
    reset,
    printKey,
    outputRecorded,
    refresh,
  };
}
