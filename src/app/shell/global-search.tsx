/**
 * The header's 全局搜索 (Ctrl+K, or Ctrl+F where no page has its own box): the working year's
 * records of every kind whose text matches, grouped by kind, each opening its record's form
 * (#/kind/<kind>/<id>); 「查看全部」 opens the kind's page with the same search in force.
 * Arrow keys walk the results, Enter opens, Esc closes.
 */
import { CloseButton, Popover, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { IconSearch } from '../icons';
import { asApiError, call, type ApiOutput } from '../lib/api';
import { titleOf } from '../lib/record-format';
import { navigate, useRoute, type Route } from '../router';
import { useLedger } from '../state/ledger';

type Groups = ApiOutput<'records.search'>;
const PER_KIND = 5;

/** Which page a route shows: a kind's page stays the same page while its records open and close. */
const pageOf = (r: Route): string => (r.name === 'kind' ? `kind/${r.kind}` : r.name);

export function GlobalSearch() {
  const { year, version, kindById } = useLedger();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const { shown, loading, current } = useSearchResults(year, debounced, version);
  const input = useRef<HTMLInputElement>(null);
  // A search belongs to its page: moving to another (a result, 查看全部, the menu) empties the box.
  const page = pageOf(useRoute());
  useEffect(() => {
    setText('');
    setOpen(false);
  }, [page]);

  // Every choice in screen order: each record, then its group's 查看全部 when more exist.
  const choices: Route[] = [];
  for (const g of shown.groups) {
    for (const r of g.rows) choices.push({ name: 'kind', kind: g.kind, record: r.id });
    if (g.total > g.rows.length) choices.push({ name: 'kind', kind: g.kind, search: debounced });
  }

  const go = (route: Route | undefined) => {
    if (!route) return;
    setOpen(false);
    input.current?.blur();
    void navigate(route);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (open && text) setOpen(false);
      else {
        setText('');
        input.current?.blur();
      }
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = choices.length;
      if (n) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      go(choices[Math.min(active, choices.length - 1)]);
    }
  };

  let index = 0;
  const item = (route: Route, body: ReactNode, label: string) => {
    const i = index++;
    return (
      <UnstyledButton
        key={`${route.name === 'kind' ? route.kind : ''}-${route.name === 'kind' ? (route.record ?? 'all') : ''}`}
        className="global-search-item"
        data-active={i === active || undefined}
        aria-label={label}
        onMouseEnter={() => setActive(i)}
        // Keep the input focused while the click lands.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => go(route)}
      >
        {body}
      </UnstyledButton>
    );
  };

  return (
    <Popover
      opened={open && !!text.trim()}
      onClose={() => setOpen(false)}
      position="bottom-end"
      width={440}
      shadow="md"
      trapFocus={false}
      returnFocus={false}
    >
      <Popover.Target>
        <TextInput
          ref={input}
          data-shortcut="global-search"
          aria-label="搜索全部台账"
          title="搜索全部台账（Ctrl+K）"
          placeholder={`搜索${year}年全部台账（Ctrl+K）`}
          size="xs"
          w={250}
          leftSection={<IconSearch size={14} />}
          rightSection={
            text ? (
              <CloseButton size="sm" aria-label="清空全局搜索" onMouseDown={(e) => e.preventDefault()} onClick={() => setText('')} />
            ) : null
          }
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => {
            setOpen(true);
            setActive(0);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="global-search-results">
        <div className="global-search-list">
          {loading && !current && !shown.groups.length && (
            <Text size="sm" c="dimmed" p="sm">
              正在搜索……
            </Text>
          )}
          {current && shown.error && (
            <Text size="sm" c="red" p="sm">
              搜索失败：{shown.error}
            </Text>
          )}
          {current && !shown.error && !shown.groups.length && (
            <Text size="sm" c="dimmed" p="sm">
              {year}年的台账中没有含“{debounced}”的记录。其他年度请先切换右上角的台账年度。
            </Text>
          )}
          {shown.groups.map((g) => {
            const kind = kindById.get(g.kind);
            const label = kind?.label ?? g.kind;
            return (
              <section key={g.kind} className="global-search-group" aria-label={label}>
                <div className="global-search-group-head">
                  <span>{label}</span>
                  <span>{g.total} 条</span>
                </div>
                {g.rows.map((r) =>
                  item(
                    { name: 'kind', kind: g.kind, record: r.id },
                    <>
                      <span className="global-search-date">{r.date}</span>
                      <span className="global-search-title">{titleOf(kind, r)}</span>
                    </>,
                    `${label}：${titleOf(kind, r)}`,
                  ),
                )}
                {g.total > g.rows.length &&
                  item(
                    { name: 'kind', kind: g.kind, search: debounced },
                    <span className="global-search-more">
                      在{label}中查看全部 {g.total} 条 →
                    </span>,
                    `在${label}中查看全部 ${g.total} 条`,
                  )}
              </section>
            );
          })}
        </div>
      </Popover.Dropdown>
    </Popover>
  );
}

/** records.search for what was typed; only the answer to the latest question is shown. */
function useSearchResults(year: number, debounced: string, version: number) {
  const [shown, setShown] = useState<{ key: string; groups: Groups; error: string }>({ key: '', groups: [], error: '' });
  const key = JSON.stringify([year, debounced, version]);
  const latest = useRef(key);
  latest.current = key;
  useEffect(() => {
    const [y, search] = JSON.parse(key) as [number, string];
    // An emptied box forgets the last answer, so a search typed again never lists stale results
    // that Enter would ignore.
    if (!search) return setShown({ key, groups: [], error: '' });
    call('records.search', { year: y, search, perKind: PER_KIND }).then(
      (groups) => latest.current === key && setShown({ key, groups, error: '' }),
      (err) => latest.current === key && setShown({ key, groups: [], error: asApiError(err).message }),
    );
  }, [key]);
  return { shown, loading: !!debounced && shown.key !== key, current: shown.key === key };
}
