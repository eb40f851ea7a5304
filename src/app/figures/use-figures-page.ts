/**
 * State and calls of 自定义指标 (figures-page.tsx draws them): the saved figures, the draft being
 * edited, its live preview, 保存 and 删除, and the problems shown by their inputs.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FigureDef } from '@rules/figures/types';
import type { Issue } from '@rules/errors';
import { DISPLAY_RULES } from '@rules/figures/format';
import { asApiError, call, type LedgerRecord } from '../lib/api';
import { useLedger } from '../state/ledger';
import { useToast } from '../state/toast';
import { draftToDef, emptyDraft, valueType, type Draft } from './draft';

interface Listed {
  def: FigureDef;
  problem: string | null;
}

interface Preview {
  issues: Issue[];
  result: { display: string; ok: boolean; problem?: string; recordCount: number; value: number } | null;
  records: LedgerRecord[];
  total: number;
}

export /** The issues of one part of the definition, keyed by the path after `prefix`. */
function errorsUnder(issues: Issue[], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues)
    if (i.field?.startsWith(prefix) && !(i.field.slice(prefix.length) in out)) out[i.field.slice(prefix.length)] = i.message;
  return out;
}

export function useFiguresPage() {
  const { kinds, kindById, year, changed, version } = useLedger();
  const toast = useToast();
  const [list, setList] = useState<Listed[] | null>(null);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(kinds[0]?.id ?? 'meeting'));
  const [saved, setSaved] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [saveIssues, setSaveIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const load = useCallback(
    () =>
      call('figures.custom.list', {}).then(
        (l) => setList(l as Listed[]),
        (e) => toast(asApiError(e).message),
      ),
    [toast],
  );
  useEffect(() => {
    void load();
  }, [load, version]);

  const def = useMemo(() => draftToDef(draft, kindById), [draft, kindById]);
  const type = valueType(draft, kindById);

  // The live preview follows every edit, a moment after the clerk stops typing.
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      call('figures.custom.preview', { year, def, limit: 100 }).then(
        (p) => live && setPreview(p as Preview),
        (e) => live && setPreview({ issues: [{ message: asApiError(e).message }], result: null, records: [], total: 0 }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [def, year, version]);

  const set = (patch: Partial<Draft>) => {
    setSaveIssues([]);
    setConfirmDelete(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const open = (d: Draft, id: string | null) => {
    setDraft(d);
    setSaved(id);
    setSaveIssues([]);
    setConfirmDelete(false);
  };

  const save = async () => {
    setBusy(true);
    try {
      await call('figures.custom.save', { def });
      setSaved(def.id);
      setSaveIssues([]);
      toast(`已保存自定义指标“${def.name}”，可在年度报告中插入`);
      changed();
    } catch (e) {
      const err = asApiError(e);
      setSaveIssues(err.issues.length ? err.issues : [{ message: err.message }]);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!saved) return;
    try {
      await call('figures.custom.delete', { id: saved });
      toast('已删除自定义指标');
      open(emptyDraft(kinds[0]?.id ?? 'meeting'), null);
      changed();
    } catch (e) {
      toast(asApiError(e).message);
    }
  };

  // Problems shown by their inputs: the preview's (live) and the last save's.
  const issues = saveIssues.length ? saveIssues : (preview?.issues ?? []);
  const top = errorsUnder(issues, '');
  const showTop = (k: string) => (draft.name || k !== 'name' ? top[k] : undefined);
  const rules = DISPLAY_RULES[type];
  const dirty = !saved || JSON.stringify(list?.find((l) => l.def.id === saved)?.def) !== JSON.stringify(def);

  return {
    list,
    draft,
    saved,
    preview,
    saveIssues,
    busy,
    confirmDelete,
    setConfirmDelete,
    def,
    type,
    set,
    open,
    save,
    remove,
    issues,
    top,
    showTop,
    rules,
    dirty,
  };
}

export type FiguresPageState = ReturnType<typeof useFiguresPage>;
