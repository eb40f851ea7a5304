/**
 * One sheet of the import preview: its kind and header row, what became of its rows (the counts add
 * up to the sheet's rows), the column mapping and fields filled with one value for every row, the
 * rows to add, the problems with their suggestions to accept, and the rows to tick (probable
 * duplicates, rows of another year).
 */
import { Alert, Button, Checkbox, Group, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ImportState, Problem, Sheet } from './use-import';

export const SKIP = '__skip__';

function shown(v: unknown): string {
  if (v === true) return '是';
  if (v === false) return '否';
  if (Array.isArray(v)) return v.join('、');
  return v === undefined || v === null ? '' : String(v);
}

const FROM = {
  name: '按工作表名称识别',
  headers: '按表头识别',
  choice: '已手动调整',
  remembered: '沿用上次的对应关系',
  page: '按本页台账类型',
} as const;

/** 共12行：标题和表头3行，数据7行（…），空行1行，合计行1行 — every row of the sheet accounted for. */
function tallyText(s: Sheet, year: number): string {
  const t = s.tally;
  const data = t.ready + t.duplicates + t.otherYear + t.refused;
  const parts = [`可导入${t.ready}行`, `有错误${t.refused}行`];
  if (t.duplicates) parts.push(`疑似重复${t.duplicates}行`);
  if (t.otherYear) parts.push(`不在${year}年度${t.otherYear}行`);
  const rest = [`空行${t.blank}行`, `合计行${t.totals}行`];
  if (t.hidden) rest.push(`隐藏行${t.hidden}行`);
  return `共${t.rows}行：标题和表头${t.above}行，数据${data}行（${parts.join('，')}），${rest.join('，')}`;
}

interface PanelProps {
  s: Sheet;
  year: number;
  kindOptions: { value: string; label: string }[];
  state: ImportState;
  onKind: (kind: string) => void;
}

export function SheetPanel({ s, year, kindOptions, state, onKind }: PanelProps) {
  const from = s.kindFrom ? `${FROM[s.kindFrom]}；` : '';
  return (
    <Stack gap="xs" data-testid={`sheet-${s.sheet}`}>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Select
          size="xs"
          w={170}
          label="台账类型"
          data={kindOptions}
          value={s.kind ?? SKIP}
          onChange={(v) => v && onKind(v)}
          allowDeselect={false}
          data-testid="sheet-kind"
          style={{ flex: 'none' }}
        />
        {s.kind && (
          <Select
            size="xs"
            w={300}
            label={`表头行（自动找到第${s.detectedHeaderRow}行）`}
            data={s.headerChoices.map((h) => ({ value: String(h.row), label: `第${h.row}行：${h.text || '（空）'}` }))}
            value={String(s.headerRow)}
            onChange={(v) => v && state.setHeaderRow(s, Number(v))}
            allowDeselect={false}
            data-testid="sheet-header-row"
            style={{ flex: 'none' }}
          />
        )}
        <Text size="xs" c="dimmed" pb={6} data-testid="sheet-tally">
          {s.kind ? `${from}${tallyText(s, year)}` : '此表不导入'}
        </Text>
      </Group>
      {s.kind && (
        <Group align="flex-start" gap="md" wrap="nowrap">
          <Stack gap={6} w={350} style={{ flex: 'none' }}>
            <ColumnsTable s={s} state={state} />
            <SameValues s={s} state={state} />
          </Stack>
          <RowsPreview s={s} />
        </Group>
      )}
      {s.problems.length > 0 && <SheetProblems s={s} state={state} />}
      <RowTicks s={s} year={year} state={state} />
    </Stack>
  );
}

function ColumnsTable({ s, state }: { s: Sheet; state: ImportState }) {
  const fieldOptions = [
    { value: SKIP, label: '（不导入）' },
    ...s.fields.filter((f) => !(f.key in s.values)).map((f) => ({ value: f.key, label: f.required ? `${f.label} *` : f.label })),
  ];
  return (
    <ScrollArea.Autosize mah={200} type="auto">
      <Table withTableBorder striped fz="xs" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={34}>列</Table.Th>
            <Table.Th>表头</Table.Th>
            <Table.Th w={160}>导入为</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.columns
            .filter((c) => c.header)
            .map((c) => (
              <Table.Tr key={c.col}>
                <Table.Td>{c.col}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{c.header}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={fieldOptions}
                    value={c.field ?? SKIP}
                    onChange={(v) => state.setColumn(s, c.col, !v || v === SKIP ? null : v)}
                    allowDeselect={false}
                    aria-label={`第${c.col}列“${c.header}”导入为`}
                    data-testid={`map-${c.col}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** A value input for one field: its allowed values when it has a list, else free text confirmed with Enter or 填入. */
function ValueInput({ f, onSet, testId }: { f: Sheet['fields'][number]; onSet: (v: string) => void; testId: string }) {
  const [text, setText] = useState('');
  if (f.options)
    return (
      <Select
        size="xs"
        placeholder="选择…"
        data={f.options}
        value={null}
        onChange={(v) => v && onSet(v)}
        aria-label={`所有行的“${f.label}”`}
        data-testid={testId}
        style={{ flex: 1 }}
      />
    );
  return (
    <Group gap={4} wrap="nowrap" style={{ flex: 1 }}>
      <TextInput
        size="xs"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && text.trim() && onSet(text.trim())}
        aria-label={`所有行的“${f.label}”`}
        data-testid={testId}
        style={{ flex: 1 }}
      />
      <Button size="compact-xs" variant="default" disabled={!text.trim()} onClick={() => onSet(text.trim())}>
        填入
      </Button>
    </Group>
  );
}

/** Fields filled with one value for every row: set ones, required ones the sheet lacks, and any other on request. */
function SameValues({ s, state }: { s: Sheet; state: ImportState }) {
  const [adding, setAdding] = useState<string | null>(null);
  const mapped = new Set(s.columns.map((c) => c.field).filter(Boolean));
  const lacking = s.fields.filter((f) => f.required && !mapped.has(f.key) && !(f.key in s.values));
  const others = s.fields.filter((f) => !(f.key in s.values) && !lacking.includes(f));
  const extra = s.fields.find((f) => f.key === adding && !(f.key in s.values));
  return (
    <Stack gap={4} data-testid="same-values">
      {Object.entries(s.values).map(([key, value]) => (
        <Group key={key} gap={6} wrap="nowrap">
          <Text size="xs">
            所有行的“{s.fields.find((f) => f.key === key)?.label ?? key}”填为 <b>{value}</b>
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => state.setValue(s, key, null)} data-testid={`same-clear-${key}`}>
            改回按列读取
          </Button>
        </Group>
      ))}
      {lacking.map((f) => (
        <Alert key={f.key} color="red" p={6} data-testid={`same-missing-${f.key}`}>
          <Text size="xs" mb={4}>
            表中没有必填的“{f.label}”列：指定上面的一列，或所有行填同一个值
          </Text>
          <ValueInput f={f} onSet={(v) => state.setValue(s, f.key, v)} testId={`same-value-${f.key}`} />
        </Alert>
      ))}
      <Group gap={4} wrap="nowrap">
        <Select
          size="xs"
          placeholder="为所有行填写字段…"
          data={others.map((f) => ({ value: f.key, label: f.label }))}
          value={extra?.key ?? null}
          onChange={setAdding}
          clearable
          data-testid="same-field"
          style={{ flex: 1 }}
        />
        {extra && (
          <ValueInput
            key={extra.key}
            f={extra}
            onSet={(v) => {
              state.setValue(s, extra.key, v);
              setAdding(null);
            }}
            testId={`same-value-${extra.key}`}
          />
        )}
      </Group>
    </Stack>
  );
}

function RowsPreview({ s }: { s: Sheet }) {
  const shownFields = s.fields.filter((f) => s.columns.some((c) => c.field === f.key) || f.key in s.values);
  const good = s.rows.filter((r) => r.ok && !r.duplicateOf && !r.otherYear);
  return (
    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
      <Text size="xs" fw={600}>
        将导入的行（前10行）
      </Text>
      <ScrollArea type="auto">
        <Table withTableBorder fz="xs" verticalSpacing={2} data-testid="import-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>行</Table.Th>
              {shownFields.map((f) => (
                <Table.Th key={f.key} style={{ whiteSpace: 'nowrap' }}>
                  {f.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {good.slice(0, 10).map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.row}</Table.Td>
                {shownFields.map((f) => (
                  <Table.Td key={f.key} style={{ whiteSpace: 'nowrap', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {shown(r.data[f.key])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

/** What the check found in a sheet, errors and warnings, first 500; a suggested value can be accepted for the cell or the column. */
function SheetProblems({ s, state }: { s: Sheet; state: ImportState }) {
  const same = (p: Problem) => s.problems.filter((q) => q.col === p.col && q.value === p.value && q.suggestion).length;
  return (
    <>
      <Text size="xs" fw={600}>
        问题（{s.problems.length}）
      </Text>
      <ScrollArea.Autosize mah={170} type="auto">
        <Table withTableBorder striped fz="xs" verticalSpacing={2} data-testid="import-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>工作表</Table.Th>
              <Table.Th w={50}>行</Table.Th>
              <Table.Th w={40}>列</Table.Th>
              <Table.Th w={130}>列名</Table.Th>
              <Table.Th>问题</Table.Th>
              <Table.Th w={230}>处理</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.problems.slice(0, 500).map((p, i) => (
              <Table.Tr key={i} c={p.level === 'warning' ? 'orange.8' : 'red.8'}>
                <Table.Td>{p.sheet}</Table.Td>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>{p.col || '—'}</Table.Td>
                <Table.Td>{p.header}</Table.Td>
                <Table.Td>{p.level === 'warning' ? `提示：${p.message}` : p.message}</Table.Td>
                <Table.Td>
                  {p.suggestion && (
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => state.accept(s, p, false)}
                        data-testid={`accept-${p.col}${p.row}`}
                      >
                        改为“{p.suggestion}”
                      </Button>
                      {same(p) > 1 && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => state.accept(s, p, true)}
                          data-testid={`accept-all-${p.col}${p.row}`}
                        >
                          本列{same(p)}处都改
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </>
  );
}

/** Rows imported only when ticked: rows of another year (into the year they name) and probable duplicates. */
function RowTicks({ s, year, state }: { s: Sheet; year: number; state: ImportState }) {
  const others = s.rows.filter((r) => r.ok && r.otherYear);
  const dups = s.rows.filter((r) => r.ok && r.duplicateOf && !r.otherYear);
  const named = (d: Record<string, unknown>) => `${shown(s.dateField ? d[s.dateField] : '')} ${shown(s.titleField ? d[s.titleField] : '')}`;
  return (
    <>
      <TickList
        title={`不在${year}年度的行（默认不导入；勾选则记入所在年度）`}
        rows={others.map((r) => ({ key: r.key, label: `第${r.row}行：${named(r.data)} → 记入${r.otherYear}年度` }))}
        ticked={state.otherTicked}
        onTick={state.tickOther}
        testId="import-other-years"
      />
      <TickList
        title="疑似重复（与台账中日期和名称都相同，勾选则仍然导入）"
        rows={dups.map((r) => ({ key: r.key, label: `第${r.row}行：${r.duplicateOf!.date} ${r.duplicateOf!.title}` }))}
        ticked={state.ticked}
        onTick={state.tick}
        testId="import-duplicates"
      />
    </>
  );
}

interface TickListProps {
  title: string;
  rows: { key: string; label: string }[];
  ticked: Set<string>;
  onTick: (key: string, on: boolean) => void;
  testId: string;
}

function TickList({ title, rows, ticked, onTick, testId }: TickListProps) {
  if (!rows.length) return null;
  return (
    <>
      <Text size="xs" fw={600}>
        {title}
      </Text>
      <ScrollArea.Autosize mah={120} type="auto">
        <Stack gap={2} data-testid={testId}>
          {rows.map((r) => (
            <Checkbox
              key={r.key}
              size="xs"
              checked={ticked.has(r.key)}
              onChange={(e) => onTick(r.key, e.currentTarget.checked)}
              label={r.label}
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </>
  );
}
