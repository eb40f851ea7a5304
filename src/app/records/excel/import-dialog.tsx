/**
 * 导入Excel: pick a workbook, see the preview before anything is written — per sheet the kind,
 * the column mapping (changeable, remembered for workbooks of the same shape once imported), the
 * rows to add, every problem by sheet/row/column/header, and probable duplicates to tick — then
 * add the rows in one transaction, or none at all when the clerk asks for all-or-nothing.
 */
import { Alert, Badge, Button, Checkbox, FileButton, Group, ScrollArea, Select, Stack, Switch, Table, Tabs, Text } from '@mantine/core';
import type { KindDef } from '../../lib/api';
import { useLedger } from '../../state/ledger';
import { AppModal } from '../../lib/modal';
import { useImport, type Sheet } from './use-import';

const SKIP = '__skip__';

function shown(v: unknown): string {
  if (v === true) return '是';
  if (v === false) return '否';
  if (Array.isArray(v)) return v.join('、');
  return v === undefined || v === null ? '' : String(v);
}

export function ImportDialog({ kind, year, onClose }: { kind?: KindDef; year: number; onClose: () => void }) {
  const { kinds } = useLedger();
  const { file, preview, ticked, setTicked, allOrNothing, setAllOrNothing, busy, error, tab, setTab, pick, change, setColumn, commit } =
    useImport(kind, year, onClose);

  const counts = preview?.counts;
  const toAdd = counts ? counts.valid + [...ticked].length : 0;
  const blocked = allOrNothing && !!counts?.problems;
  const kindOptions = [{ value: SKIP, label: '不导入此表' }, ...(kind ? [kind] : kinds).map((k) => ({ value: k.id, label: k.label }))];

  return (
    <AppModal opened onClose={onClose} title={kind ? `导入Excel：${kind.label}` : '从Excel导入台账'} size="min(1200px, 96vw)">
      <Stack gap="sm" data-testid="import-dialog">
        <Group gap="sm">
          <FileButton onChange={(f) => void pick(f)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button {...props} variant={file ? 'default' : 'filled'} data-testid="import-pick">
                {file ? '另选工作簿…' : '选择Excel工作簿…'}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {file ? file.name : `只认 .xlsx；没写年份的日期（如3月5日）按${year}年计。导入只新增记录，不会覆盖已有台账。`}
          </Text>
        </Group>
        {error && (
          <Alert color="red" data-testid="import-error">
            {error}
          </Alert>
        )}
        {preview && counts && (
          <>
            <Text size="sm" data-testid="import-summary">
              共{counts.rows}行：可导入 <b>{counts.valid}</b> 行，有错误{' '}
              <b style={{ color: counts.bad ? '#c92a2a' : undefined }}>{counts.bad}</b> 行，疑似重复 <b>{counts.duplicates}</b>{' '}
              行（默认跳过，勾选则导入）
            </Text>
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List>
                {preview.sheets.map((s) => (
                  <Tabs.Tab
                    key={s.sheet}
                    value={s.sheet}
                    rightSection={
                      s.problems.some((p) => p.level === 'error') ? (
                        <Badge color="red" size="xs">
                          {s.problems.filter((p) => p.level === 'error').length}
                        </Badge>
                      ) : undefined
                    }
                  >
                    {s.sheet} → {s.kindLabel ?? '未导入'}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {preview.sheets.map((s) => (
                <Tabs.Panel key={s.sheet} value={s.sheet} pt="xs">
                  <SheetPanel
                    s={s}
                    kindOptions={kindOptions}
                    ticked={ticked}
                    setTicked={setTicked}
                    onKind={(k) => change(s.sheet, { kind: k === SKIP ? null : k })}
                    onColumn={(c, f) => setColumn(s, c, f)}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          </>
        )}
        <Group justify="space-between" mt="xs">
          <Switch
            checked={allOrNothing}
            onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
            label="全部无误才导入（有任何错误则一行也不导入）"
            data-testid="import-all-or-nothing"
          />
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button onClick={() => void commit()} loading={busy} disabled={!preview || toAdd === 0 || blocked} data-testid="import-commit">
              {blocked ? '有错误，未能全部导入' : `导入${toAdd}条`}
            </Button>
          </Group>
        </Group>
      </Stack>
    </AppModal>
  );
}

interface PanelProps {
  s: Sheet;
  kindOptions: { value: string; label: string }[];
  ticked: Set<string>;
  setTicked: (t: Set<string>) => void;
  onKind: (kind: string) => void;
  onColumn: (col: string, field: string | null) => void;
}

function SheetPanel({ s, kindOptions, ticked, setTicked, onKind, onColumn }: PanelProps) {
  const fieldOptions = [
    { value: SKIP, label: '（不导入）' },
    ...s.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} *` : f.label })),
  ];
  const mapped = s.columns.filter((c) => c.field);
  const label = (key: string) => s.fields.find((f) => f.key === key)?.label ?? key;
  const good = s.rows.filter((r) => r.ok && !r.duplicateOf);
  const dups = s.rows.filter((r) => r.ok && r.duplicateOf);
  const from = { name: '按工作表名称识别', headers: '按表头识别', choice: '已手动调整', remembered: '沿用上次的对应关系' } as const;
  return (
    <Stack gap="xs" data-testid={`sheet-${s.sheet}`}>
      <Group gap="sm">
        <Select
          size="xs"
          w={180}
          label="台账类型"
          data={kindOptions}
          value={s.kind ?? SKIP}
          onChange={(v) => v && onKind(v)}
          allowDeselect={false}
          data-testid="sheet-kind"
        />
        <Text size="xs" c="dimmed" mt={18}>
          {s.kind
            ? `${s.kindFrom ? `${from[s.kindFrom]}；` : ''}表头在第${s.headerRow}行；${s.rows.length}行数据${s.skipped ? `，跳过合计行${s.skipped}行` : ''}`
            : '此表不导入'}
        </Text>
      </Group>
      {s.kind && (
        <Group align="flex-start" gap="md" wrap="nowrap">
          <ScrollArea.Autosize mah={230} w={330} type="auto" style={{ flex: 'none' }}>
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
                      <Table.Td>{c.header}</Table.Td>
                      <Table.Td>
                        <Select
                          size="xs"
                          data={fieldOptions}
                          value={c.field ?? SKIP}
                          onChange={(v) => onColumn(c.col, !v || v === SKIP ? null : v)}
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
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Text size="xs" fw={600}>
              将导入的行（前10行）
            </Text>
            <ScrollArea type="auto">
              <Table withTableBorder fz="xs" verticalSpacing={2} data-testid="import-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>行</Table.Th>
                    {mapped.map((c) => (
                      <Table.Th key={c.col} style={{ whiteSpace: 'nowrap' }}>
                        {label(c.field!)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {good.slice(0, 10).map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>{r.row}</Table.Td>
                      {mapped.map((c) => (
                        <Table.Td key={c.col} style={{ whiteSpace: 'nowrap', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                          {shown(r.data[c.field!])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Stack>
        </Group>
      )}
      {s.problems.length > 0 && <SheetProblems problems={s.problems} />}
      {dups.length > 0 && (
        <>
          <Text size="xs" fw={600}>
            疑似重复（与台账中日期和名称都相同，勾选则仍然导入）
          </Text>
          <ScrollArea.Autosize mah={120} type="auto">
            <Stack gap={2} data-testid="import-duplicates">
              {dups.map((r) => (
                <Checkbox
                  key={r.key}
                  size="xs"
                  checked={ticked.has(r.key)}
                  onChange={(e) => {
                    const next = new Set(ticked);
                    if (e.currentTarget.checked) next.add(r.key);
                    else next.delete(r.key);
                    setTicked(next);
                  }}
                  label={`第${r.row}行：${r.duplicateOf!.date} ${r.duplicateOf!.title}`}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </>
      )}
    </Stack>
  );
}

/** What the check found in a sheet, errors and warnings, first 500. */
function SheetProblems({ problems }: { problems: Sheet['problems'] }) {
  return (
    <>
      <Text size="xs" fw={600}>
        问题（{problems.length}）
      </Text>
      <ScrollArea.Autosize mah={170} type="auto">
        <Table withTableBorder striped fz="xs" verticalSpacing={2} data-testid="import-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>工作表</Table.Th>
              <Table.Th w={50}>行</Table.Th>
              <Table.Th w={40}>列</Table.Th>
              <Table.Th w={140}>列名</Table.Th>
              <Table.Th>问题</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.slice(0, 500).map((p, i) => (
              <Table.Tr key={i} c={p.level === 'warning' ? 'orange.8' : 'red.8'}>
                <Table.Td>{p.sheet}</Table.Td>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>{p.col || '—'}</Table.Td>
                <Table.Td>{p.header}</Table.Td>
                <Table.Td>{p.level === 'warning' ? `提示：${p.message}` : p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </>
  );
}
