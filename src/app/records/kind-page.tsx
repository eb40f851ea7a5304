/**
 * The page of one ledger kind for the working year, generated from its KindDef: search and
 * filters, the sortable table, paging, and the dialogs (form, delete, lifecycle steps).
 * A route naming a record (#/kind/<id>/<recordId>, e.g. from the 首页's 待补登记) opens its form.
 * State and calls live in use-kind-page.ts; this file only draws.
 */
import { Button, Center, Group, Loader, Pagination, Text, Title, Tooltip } from '@mantine/core';
import type { KindDef } from '../lib/api';
import { IconPlus } from '../icons';
import { useLedger } from '../state/ledger';
import { ExcelMenu } from './excel/excel-menu';
import { FilterBar } from './filter-bar';
import { KindDialogs } from './kind-dialogs';
import { EmptyRows, RecordTable } from './record-table';
import { RegisterMenu } from './register-menu';
import { useKindPage, type KindPageProps, type KindPageState } from './use-kind-page';
import { PAGE_SIZE } from './use-record-list';

export function KindPage(props: KindPageProps) {
  const { kind } = props;
  const { settings } = useLedger();
  const page = useKindPage(props);
  const { list } = page;
  return (
    <div className="page-fill">
      <KindHeader kind={kind} page={page} />
      <FilterBar
        kind={kind}
        view={list.view}
        villages={settings.villages}
        setSearch={list.setSearch}
        setFilter={list.setFilter}
        clearFilters={list.clearFilters}
      />
      <KindList kind={kind} page={page} />
      <KindDialogs kind={kind} page={page} />
    </div>
  );
}

function KindHeader({ kind, page }: { kind: KindDef; page: KindPageState }) {
  const { year } = useLedger();
  const { list } = page;
  const data = list.data;
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Group gap="sm" align="baseline">
        <Title order={2}>{kind.label}</Title>
        <Text size="sm" c="dimmed" data-testid="record-total">
          {year}年 · 共 {data?.total ?? '…'} 条
        </Text>
        {list.loading && data && <Loader size={14} />}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <RegisterMenu kind={kind} year={year} view={list.view} />
        <ExcelMenu kind={kind} year={year} view={list.view} />
        <Tooltip label="新增（Ctrl+N）" openDelay={400}>
          <Button
            leftSection={<IconPlus size={14} />}
            onClick={() => page.setDialog({ type: 'form', record: null })}
            data-shortcut="new"
            data-testid="add-record"
          >
            新增
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
}

/** The table (or why there is none) and the pager under it. */
function KindList({ kind, page }: { kind: KindDef; page: KindPageState }) {
  const { list, sums, normative, setDialog } = page;
  const data = list.data;
  const filtered = Object.keys(list.view.filters).length > 0 || list.view.search !== '';
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const first = data && data.total ? (data.page - 1) * PAGE_SIZE + 1 : 0;
  return (
    <>
      <div className="table-scroll" style={{ marginTop: 10 }} aria-busy={list.loading} data-testid="record-list">
        {list.error ? (
          <Text c="red" ta="center" py={48} size="sm">
            {list.error}
          </Text>
        ) : !data ? (
          <Center py={48}>
            <Loader size="sm" />
          </Center>
        ) : (
          <>
            <RecordTable
              kind={kind}
              rows={data.rows}
              firstIndex={first}
              view={list.view}
              onSort={list.toggleSort}
              onEdit={(record) => setDialog({ type: 'form', record })}
              onDuplicate={page.duplicate}
              onDelete={(record) => setDialog({ type: 'delete', record })}
              renderCell={normative?.renderCell}
              extraActions={normative?.actions}
              attachments={data.attachments}
              missingEvidence={data.missingEvidence}
              totals={sums ? { sums, count: data.total, filtered } : undefined}
            />
            {data.rows.length === 0 && <EmptyRows filtered={filtered} label={kind.label} />}
          </>
        )}
      </div>
      <Group justify="space-between" mt={8}>
        <Text size="sm" c="dimmed">
          {data && data.total > 0 ? `第 ${first}–${first + data.rows.length - 1} 条，共 ${data.total} 条` : ''}
        </Text>
        <Pagination
          total={pages}
          value={list.view.page}
          onChange={list.setPage}
          size="sm"
          siblings={1}
          boundaries={1}
          hideWithOnePage
          getControlProps={pageLabels}
        />
      </Group>
    </>
  );
}

const PAGE_LABELS = { first: '第一页', previous: '上一页', next: '下一页', last: '最后一页' } as const;
const pageLabels = (control: keyof typeof PAGE_LABELS) => ({ 'aria-label': PAGE_LABELS[control], title: PAGE_LABELS[control] });
