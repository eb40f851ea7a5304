/**
 * The list of one page of records: the kind's `listed` fields as columns (click a header to sort
 * on the server), a running number, and the row actions 编辑 / 复制 / 删除 (plus any extra).
 * The 附件 column shows how many files a record has and, when its kind's checklist asks for items
 * no file is tagged with yet, a small 缺N项 marker (the items on hover).
 */
import { Button, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconPaperclip } from '../icons';
import type { FieldDef, KindDef, LedgerRecord } from '../lib/api';
import { columnLabel, formatValue, isNumeric } from '../lib/record-format';
import type { ListView } from './use-record-list';

interface Props {
  kind: KindDef;
  rows: readonly LedgerRecord[];
  firstIndex: number;
  view: ListView;
  onSort: (key: string) => void;
  onEdit: (r: LedgerRecord) => void;
  onDuplicate: (r: LedgerRecord) => void;
  onDelete: (r: LedgerRecord) => void;
  /** A cell's custom rendering (e.g. the lifecycle badge); undefined falls back to the text. */
  renderCell?: (f: FieldDef, r: LedgerRecord) => ReactNode | undefined;
  /** Actions placed before 编辑 (e.g. the next lifecycle step). */
  extraActions?: (r: LedgerRecord) => ReactNode;
  /** Attached files per record id (from records.list). */
  attachments?: Record<string, number>;
  /** Unproved checklist items per record id (from records.list). */
  missingEvidence?: Record<string, string[]>;
  /** Sums of the numeric columns over every record the filter selects (records.list), and how many. */
  totals?: { sums: Record<string, number>; count: number; filtered: boolean };
}

export function RecordTable({
  kind,
  rows,
  firstIndex,
  view,
  onSort,
  onEdit,
  onDuplicate,
  onDelete,
  renderCell,
  extraActions,
  attachments,
  missingEvidence,
  totals,
}: Props) {
  const columns = kind.fields.filter((f) => f.listed);
  const sumsShown = !!totals && totals.count > 0 && columns.some((f) => totals.sums[f.key] !== undefined);
  const arrow = (key: string) => (view.sortBy === key ? (view.sortDir === 'asc' ? ' ▲' : ' ▼') : '');
  return (
    <Table
      stickyHeader
      striped
      highlightOnHover
      withColumnBorders
      verticalSpacing={5}
      horizontalSpacing={8}
      fz="sm"
      data-testid="record-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={48} ta="center">
            序号
          </Table.Th>
          {columns.map((f) => (
            <Table.Th
              key={f.key}
              className="th-sort"
              ta={align(f)}
              onClick={() => onSort(f.key)}
              aria-sort={view.sortBy === f.key ? (view.sortDir === 'asc' ? 'ascending' : 'descending') : undefined}
              title="点击排序"
            >
              {columnLabel(f)}
              <span className="sort-arrow">{arrow(f.key)}</span>
            </Table.Th>
          ))}
          <Table.Th w={1} className="cell-nowrap" title="附件个数；“缺”表示清单中的佐证材料尚未齐全">
            附件
          </Table.Th>
          <Table.Th className="cell-actions">操作</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          // tabIndex -1: focus is put back on the row after its dialog closes (kind-page); Enter edits it.
          <Table.Tr
            key={r.id}
            onDoubleClick={() => onEdit(r)}
            onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && onEdit(r)}
            data-record-id={r.id}
            tabIndex={-1}
          >
            <Table.Td ta="center" c="dimmed">
              {firstIndex + i}
            </Table.Td>
            {columns.map((f) => {
              const custom = renderCell?.(f, r);
              const text = formatValue(f, r.data[f.key]);
              return (
                <Table.Td
                  key={f.key}
                  ta={align(f)}
                  className={custom === undefined && isLong(f) ? 'cell-clip' : 'cell-nowrap'}
                  title={custom === undefined && isLong(f) ? text : undefined}
                >
                  {custom ?? (f.type === 'bool' && text ? <span className={text === '否' ? 'bool-no' : undefined}>{text}</span> : text)}
                </Table.Td>
              );
            })}
            <Table.Td className="cell-nowrap" data-testid="attachment-cell">
              <EvidenceCell files={attachments?.[r.id] ?? 0} missing={missingEvidence?.[r.id] ?? []} />
            </Table.Td>
            <Table.Td className="cell-nowrap cell-actions" w={1}>
              <Group gap={2} wrap="nowrap">
                {extraActions?.(r)}
                <Button size="compact-xs" variant="subtle" onClick={() => onEdit(r)}>
                  编辑
                </Button>
                <Button size="compact-xs" variant="subtle" onClick={() => onDuplicate(r)}>
                  复制
                </Button>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDelete(r)}>
                  删除
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {sumsShown && (
        <Table.Tfoot className="totals-row" data-testid="totals-row">
          <Table.Tr>
            <Table.Td ta="center" fw={600}>
              合计
            </Table.Td>
            {columns.map((f, i) => (
              <Table.Td key={f.key} ta={align(f)} fw={600} className="cell-nowrap">
                {totals.sums[f.key] !== undefined ? (
                  formatValue(f, totals.sums[f.key])
                ) : i === 0 ? (
                  <Text span size="xs" c="dimmed">
                    {totals.filtered ? `筛选结果 ${totals.count} 条` : `全年 ${totals.count} 条`}
                  </Text>
                ) : (
                  ''
                )}
              </Table.Td>
            ))}
            <Table.Td />
            <Table.Td className="cell-actions" />
          </Table.Tr>
        </Table.Tfoot>
      )}
    </Table>
  );
}

function EvidenceCell({ files, missing }: { files: number; missing: readonly string[] }) {
  return (
    <Group gap={6} wrap="nowrap">
      {files > 0 ? (
        <Text
          span
          size="xs"
          c="dimmed"
          title={`有 ${files} 个附件`}
          aria-label={`${files}个附件`}
          data-testid="attachment-mark"
          style={{ whiteSpace: 'nowrap' }}
        >
          <IconPaperclip size={12} style={{ verticalAlign: -1 }} />
          {files}
        </Text>
      ) : (
        <Text span size="xs" c="gray.5">
          无
        </Text>
      )}
      {missing.length > 0 && (
        <Text
          span
          size="xs"
          fw={500}
          c="orange.8"
          className="evidence-missing"
          title={`尚缺：${missing.join('、')}`}
          aria-label={`尚缺${missing.join('、')}`}
          data-testid="evidence-missing"
        >
          缺{missing.length}项
        </Text>
      )}
    </Group>
  );
}

/**
 * Long texts are clipped with an ellipsis (full text on hover); short values never wrap. A text of
 * up to 50 characters (起草科室 规划建设和生态环境保护办公室) is long enough to push the row's
 * buttons off a 1366 px screen.
 */
const isLong = (f: FieldDef) => f.type === 'tags' || f.type === 'textarea' || (f.type === 'text' && (f.max ?? 200) >= 50);
const align = (f: FieldDef) => (isNumeric(f) ? 'right' : f.type === 'bool' ? 'center' : undefined);

export function EmptyRows({ filtered, label }: { filtered: boolean; label: string }) {
  return (
    <Text c="dimmed" ta="center" py={48} size="sm">
      {filtered ? '没有符合条件的记录，可清除筛选后再看。' : `本年度还没有${label}记录，点击右上角“新增”开始登记。`}
    </Text>
  );
}
