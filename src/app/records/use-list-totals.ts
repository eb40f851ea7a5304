/**
 * The 合计 row's sums (records.totals) for what the list shows: asked again whenever a list answer
 * arrives (new filter, search, year or a write), so the sums follow the filter in force. A separate
 * call so the page of rows never waits for a sum over the whole selection.
 */
import { useEffect, useState } from 'react';
import { call, type KindDef } from '../lib/api';
import type { ListView } from './use-record-list';

export function useListTotals(kind: KindDef, year: number, view: ListView, answer: unknown): Record<string, number> | null {
  const [sums, setSums] = useState<Record<string, number> | null>(null);
  const { filters, search } = view;
  useEffect(() => {
    if (!answer || !kind.fields.some((f) => f.listed && (f.type === 'int' || f.type === 'money'))) return;
    let live = true;
    call('records.totals', { kind: kind.id, year, filters, search: search.trim() || undefined }).then(
      (s) => live && setSums(s),
      () => live && setSums(null),
    );
    return () => {
      live = false;
    };
    // The list's answer marks when the debounced search and the filters took effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answer]);
  return sums;
}
