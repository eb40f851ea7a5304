/**
 * Above the table: the search box (all text fields, debounced), quick filters for the listed
 * choice fields, 更多筛选 for every other field, and 清除筛选.
 */
import { Badge, Button, CloseButton, Group, Popover, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { KindDef } from '../lib/api';
import { IconFilter, IconSearch } from '../icons';
import { FilterControl, filterable } from './filter-control';
import type { FilterValue, ListView } from './use-record-list';

interface Props {
  kind: KindDef;
  view: ListView;
  villages: readonly string[];
  setSearch: (s: string) => void;
  setFilter: (key: string, v: FilterValue | null) => void;
  clearFilters: () => void;
}

const QUICK_MAX = 2;

export function FilterBar({ kind, view, villages, setSearch, setFilter, clearFilters }: Props) {
  const quick = kind.fields.filter((f) => f.listed && (f.type === 'enum' || f.type === 'village')).slice(0, QUICK_MAX);
  const more = kind.fields.filter((f) => filterable(f) && !quick.includes(f));
  const moreActive = more.filter((f) => view.filters[f.key] !== undefined).length;
  const anyActive = Object.keys(view.filters).length > 0 || view.search !== '';
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        aria-label="搜索"
        data-shortcut="search"
        title="搜索（Ctrl+F）"
        placeholder="搜索名称、内容、人员……"
        w={240}
        size="sm"
        leftSection={<IconSearch size={14} />}
        value={view.search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        rightSection={view.search ? <CloseButton size="sm" aria-label="清空搜索" onClick={() => setSearch('')} /> : null}
      />
      {quick.map((f) => (
        <FilterControl
          key={`${f.key}-${view.epoch}`}
          inline
          field={f}
          value={view.filters[f.key]}
          onChange={(v) => setFilter(f.key, v)}
          villages={villages}
        />
      ))}
      <Popover position="bottom-start" shadow="md" width={560} trapFocus={false}>
        <Popover.Target>
          <Button
            variant={moreActive ? 'light' : 'default'}
            leftSection={<IconFilter size={14} />}
            rightSection={
              moreActive ? (
                <Badge size="xs" circle>
                  {moreActive}
                </Badge>
              ) : null
            }
          >
            更多筛选
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="xs" c="dimmed" mb={6}>
            按字段精确筛选，可同时设置多项
          </Text>
          <SimpleGrid cols={3} spacing="xs" verticalSpacing={6}>
            {more.map((f) => (
              <FilterControl
                key={`${f.key}-${view.epoch}`}
                field={f}
                value={view.filters[f.key]}
                onChange={(v) => setFilter(f.key, v)}
                villages={villages}
              />
            ))}
          </SimpleGrid>
        </Popover.Dropdown>
      </Popover>
      {anyActive && (
        <Button variant="subtle" color="gray" onClick={clearFilters}>
          清除筛选
        </Button>
      )}
    </Group>
  );
}
