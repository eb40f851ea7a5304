/**
 * One page of a kind's records for the working year, fetched from the core (sorting, filters,
 * search and paging all happen server-side, so 20,000 rows cost no more than 50).
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, call, type ApiInput, type ApiOutput, type KindDef } from '../lib/api';

export const PAGE_SIZE = 50;

export type FilterValue = string | number | boolean;
export type Filters = Record<string, FilterValue>;
type SortDir = 'asc' | 'desc';

export interface ListView {
  page: number;
  sortBy: string;
  sortDir: SortDir;
  filters: Filters;
  search: string;
  /** Bumped by 清除筛选 so filter boxes holding their own text start empty again. */
  epoch: number;
}

/** `initialSearch`: the text the page opens searching for (the header's 全局搜索 → 查看全部). */
export function useRecordList(kind: KindDef, year: number, version: number, initialSearch = '') {
  const [view, setView] = useState<ListView>({
    page: 1,
    sortBy: kind.dateField,
    sortDir: 'desc',
    filters: {},
    search: initialSearch,
    epoch: 0,
  });
  const [search] = useDebouncedValue(view.search, 250);
  const query: ApiInput<'records.list'> = {
    kind: kind.id,
    year,
    page: view.page,
    pageSize: PAGE_SIZE,
    sortBy: view.sortBy,
    sortDir: view.sortDir,
    filters: view.filters,
    search: search.trim() || undefined,
  };
  // What is shown is the answer to one query; it is loading while that is not the current one.
  const key = JSON.stringify([query, version]);
  const [shown, setShown] = useState<{ key: string; data: ApiOutput<'records.list'> | null; error: string }>({
    key: '',
    data: null,
    error: '',
  });
  const latest = useRef(key);
  latest.current = key;

  useEffect(() => {
    const [q] = JSON.parse(key) as [ApiInput<'records.list'>];
    call('records.list', q).then(
      (data) => latest.current === key && setShown({ key, data, error: '' }),
      (err) => latest.current === key && setShown((old) => ({ key, data: old.data, error: asApiError(err).message })),
    );
  }, [key]);

  // Another year starts again at page 1 (state adjusted during render, no extra fetch).
  const [shownYear, setShownYear] = useState(year);
  if (shownYear !== year) {
    setShownYear(year);
    setView((v) => ({ ...v, page: 1 }));
  }

  const setPage = useCallback((page: number) => setView((v) => ({ ...v, page })), []);
  const setSearch = useCallback((s: string) => setView((v) => ({ ...v, search: s, page: 1 })), []);
  const toggleSort = useCallback(
    (key: string) =>
      setView((v) =>
        v.sortBy === key
          ? { ...v, sortDir: v.sortDir === 'asc' ? 'desc' : 'asc', page: 1 }
          : { ...v, sortBy: key, sortDir: key === kind.dateField ? 'desc' : 'asc', page: 1 },
      ),
    [kind.dateField],
  );
  const setFilter = useCallback(
    (key: string, value: FilterValue | null) =>
      setView((v) => {
        const filters = { ...v.filters };
        if (value === null || value === '') delete filters[key];
        else filters[key] = value;
        return { ...v, filters, page: 1 };
      }),
    [],
  );
  /** Exactly these filters (a problem's 查看台账 link); the filter boxes start again from them. */
  const replaceFilters = useCallback((filters: Filters) => setView((v) => ({ ...v, filters, page: 1, epoch: v.epoch + 1 })), []);
  const clearFilters = useCallback(() => setView((v) => ({ ...v, filters: {}, search: '', page: 1, epoch: v.epoch + 1 })), []);

  return {
    view,
    data: shown.data,
    error: shown.error,
    loading: shown.key !== key || view.search.trim() !== search.trim(),
    setPage,
    setSearch,
    toggleSort,
    setFilter,
    replaceFilters,
    clearFilters,
  };
}
