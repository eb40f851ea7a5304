/**
 * 导入Excel: pick a workbook, see the preview before anything is written — per sheet the kind,
 * the header row, the column mapping and fields filled with one value for every row (changeable,
 * remembered for workbooks of the same shape once imported), what became of every row, every
 * problem by sheet/row/column/header with its suggestion to accept, probable duplicates and rows
 * of another year to tick — then add the rows in one transaction, or none at all when the clerk
 * asks for all-or-nothing; rows refused are handed out as a workbook to fix and import again.
 */
import { Alert, Badge, Button, FileButton, Group, Stack, Switch, Tabs, Text } from '@mantine/core';
import type { KindDef } from '../../lib/api';
import { useLedger } from '../../state/ledger';
import { AppModal } from '../../lib/modal';
import { useImport, type ImportState } from './use-import';
import { SheetPanel, SKIP } from './import-sheet';

export function ImportDialog({ kind, year, onClose }: { kind?: KindDef; year: number; onClose: () => void }) {
  const { kinds } = useLedger();
  const state = useImport(kind, year, onClose);
  const { file, preview, ticked, otherTicked, allOrNothing, setAllOrNothing, busy, error, tab, setTab, pick, change, commit, result } =
    state;

  const counts = preview?.counts;
  const toAdd = counts ? counts.valid + ticked.size + otherTicked.size : 0;
  const blocked = allOrNothing && !!counts?.problems;
  const kindOptions = [{ value: SKIP, label: '不导入此表' }, ...(kind ? [kind] : kinds).map((k) => ({ value: k.id, label: k.label }))];

  return (
    <AppModal opened onClose={onClose} title={kind ? `导入Excel：${kind.label}` : '从Excel导入台账'} size="min(1240px, 96vw)">
      <Stack gap="sm" data-testid="import-dialog">
        <Group gap="sm" wrap="nowrap">
          <FileButton onChange={(f) => void pick(f)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button {...props} variant={file ? 'default' : 'filled'} data-testid="import-pick" style={{ flex: 'none' }}>
                {file ? '另选工作簿…' : '选择Excel工作簿…'}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {file
              ? file.name
              : `只认 .xlsx；没写年份的日期（如3月5日）按${year}年计，其他年度的行单列出来，勾选才导入。导入只新增记录，不会覆盖已有台账。`}
          </Text>
        </Group>
        {error && (
          <Alert color="red" data-testid="import-error">
            {error}
          </Alert>
        )}
        {result ? (
          <ImportResult state={state} />
        ) : (
          preview &&
          counts && (
            <>
              <Text size="sm" data-testid="import-summary">
                共{counts.rows}行数据：可导入 <b>{counts.valid}</b> 行，有错误{' '}
                <b style={{ color: counts.bad ? '#c92a2a' : undefined }}>{counts.bad}</b> 行，疑似重复 <b>{counts.duplicates}</b> 行，不在
                {year}年度 <b>{counts.otherYear}</b> 行（疑似重复和其他年度的行默认不导入，勾选则导入）
              </Text>
              <Tabs value={tab} onChange={setTab} keepMounted={false}>
                <Tabs.List>
                  {preview.sheets.map((s) => {
                    const errors = s.problems.filter((p) => p.level === 'error').length;
                    return (
                      <Tabs.Tab
                        key={s.sheet}
                        value={s.sheet}
                        rightSection={
                          errors ? (
                            <Badge color="red" size="xs">
                              {errors}
                            </Badge>
                          ) : undefined
                        }
                      >
                        {s.sheet} → {s.kindLabel ?? '未导入'}
                      </Tabs.Tab>
                    );
                  })}
                </Tabs.List>
                {preview.sheets.map((s) => (
                  <Tabs.Panel key={s.sheet} value={s.sheet} pt="xs">
                    <SheetPanel
                      s={s}
                      year={year}
                      kindOptions={kindOptions}
                      state={state}
                      onKind={(k) => change(s.sheet, { kind: k === SKIP ? null : k })}
                    />
                  </Tabs.Panel>
                ))}
              </Tabs>
            </>
          )
        )}
        <Group justify="space-between" mt="xs">
          {result ? (
            <span />
          ) : (
            <Switch
              checked={allOrNothing}
              onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
              label="全部无误才导入（有任何错误则一行也不导入）"
              data-testid="import-all-or-nothing"
            />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {result ? '关闭' : '取消'}
            </Button>
            {!result && (
              <Button
                onClick={() => void commit()}
                loading={busy}
                disabled={!preview || toAdd === 0 || blocked}
                data-testid="import-commit"
              >
                {blocked ? '有错误，未能全部导入' : `导入${toAdd}条`}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** After an import that refused rows: what happened, and the refused rows as a workbook to fix. */
function ImportResult({ state }: { state: ImportState }) {
  const r = state.result!;
  return (
    <Alert color="orange" title={`已导入${r.added}条记录，${r.bad}行有错误未导入`} data-testid="import-result">
      <Stack gap="xs">
        <Text size="sm">
          下载未导入的行：每行原样列出，最后一列“问题”写明要改什么。在Excel中改好后，直接导入这个文件即可（“问题”列不导入）。
          {r.duplicates ? `另有${r.duplicates}行疑似重复已跳过。` : ''}
          {r.otherYear ? `另有${r.otherYear}行不在本年度，未导入。` : ''}
        </Text>
        <Group>
          <Button onClick={() => void state.downloadRefused()} loading={state.busy} data-testid="import-download-refused">
            下载未导入的行
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
