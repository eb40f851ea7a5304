/**
 * The page of one ledger kind for the working year, generated from its KindDef: search and
 * filters, the sortable table, paging, and the dialogs (form, delete, lifecycle steps).
 * A route naming a record (#/kind/<id>/<recordId>, e.g. from the 首页's 待补登记) opens its form.
 */
import { Button, Center, Group, Loader, Pagination, Text, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useFocusAfterDialog } from './focus-after-dialog';
import { useListTotals } from './use-list-totals';
import { asApiError, call, type KindDef, type LedgerRecord, type RecordData } from '../lib/api';
import { ConfirmModal } from '../lib/modal';
import { IconPlus } from '../icons';
import { useLedger } from '../state/ledger';
import { useToast } from '../state/toast';
import { hrefFor } from '../router';
import { normativeColumns } from '../normative/normative-columns';
import { StepForm } from '../normative/step-form';
import { WithdrawForm } from '../normative/withdraw-form';
import { CorrectForm } from '../normative/correct-form';
import { ReturnForm } from '../normative/return-form';
import type { NormativeStep } from '../normative/steps';
import { FilterBar } from './filter-bar';
import { titleOf } from './format';
import { RecordForm } from './record-form';
import { EmptyRows, RecordTable } from './record-table';
import { RegisterMenu } from './register-menu';
import { PAGE_SIZE, useRecordList, type Filters } from './use-record-list';
import { ExcelMenu } from '../excel/excel-menu';

type Dialog =
  | { type: 'form'; record: LedgerRecord | null; prefill?: RecordData; month?: number }
  | { type: 'delete'; record: LedgerRecord }
  | { type: 'step'; record: LedgerRecord; step: NormativeStep }
  | { type: 'withdraw'; record: LedgerRecord }
  | { type: 'correct'; record: LedgerRecord }
  | { type: 'return'; record: LedgerRecord };

interface KindPageProps {
  kind: KindDef;
  openRecord?: string;
  search?: string;
  filters?: Filters;
  prefill?: RecordData;
  /** With prefill: the month the new record belongs to (router.ts). */
  month?: number;
}

export function KindPage({ kind, openRecord, search, filters, prefill, month }: KindPageProps) {
  const { year, version, changed, settings } = useLedger();
  const toast = useToast();
  const list = useRecordList(kind, year, version, search);
  const { setSearch, replaceFilters } = list;
  // What the address hands over (全局搜索 → 查看全部; a problem's 查看台账 / 去登记) is applied, then
  // leaves the address, so the same link works again after the clerk has changed the page.
  const handOver = JSON.stringify([search, filters, prefill, month]);
  useEffect(() => {
    // JSON turns an absent part into null.
    const [s, f, p, m] = JSON.parse(handOver) as [string | null, Filters | null, RecordData | null, number | null];
    if (s == null && !f && !p) return;
    if (s != null) setSearch(s);
    if (f) replaceFilters(f);
    if (p) setDialog({ type: 'form', record: null, prefill: p, ...(m ? { month: m } : {}) });
    window.history.replaceState(null, '', hrefFor({ name: 'kind', kind: kind.id, record: openRecord }));
  }, [handOver, setSearch, replaceFilters, kind.id, openRecord]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusAfterDialog(list.data);
  const sums = useListTotals(kind, year, list.view, list.data);
  // Focus goes back where the clerk was: the row just saved or edited, else 新增.
  const close = () => {
    focus.returnTo(dialog && dialog.type !== 'delete' ? (dialog.record?.id ?? null) : null);
    setDialog(null);
    // Leave the record's address, so going back or reloading does not reopen it.
    if (openRecord) window.history.replaceState(null, '', hrefFor({ name: 'kind', kind: kind.id }));
  };

  useEffect(() => {
    if (!openRecord) return;
    let live = true;
    call('records.get', { id: openRecord }).then(
      (record) =>
        live &&
        (record.kind === kind.id && !record.deletedAt ? setDialog({ type: 'form', record }) : toast('该记录已不在此台账中', 'error')),
      (err) => live && toast(asApiError(err).message, 'error'),
    );
    return () => {
      live = false;
    };
  }, [openRecord, kind.id, toast]);

  const saved = (rec: LedgerRecord, created: boolean) => {
    setDialog(null);
    focus.returnTo(rec.year === year ? rec.id : null);
    changed();
    const elsewhere = rec.year !== year ? `（日期在${rec.year}年，切换到${rec.year}年可见）` : '';
    toast(`${created ? '已新增' : '已保存'}${kind.label}“${titleOf(kind, rec)}”${elsewhere}`);
  };
  const duplicate = async (r: LedgerRecord) => {
    try {
      const copy = await call('records.duplicate', { id: r.id });
      changed();
      toast('已复制为一条新记录，可在此修改');
      setDialog({ type: 'form', record: copy });
    } catch (err) {
      toast(asApiError(err).message, 'error');
    }
  };
  const remove = async (r: LedgerRecord) => {
    setBusy(true);
    try {
      await call('records.delete', { id: r.id });
      close();
      changed();
      toast('已删除，可在回收站恢复', 'ok', {
        label: '撤销',
        run: () =>
          call('trash.restore', { id: r.id }).then(
            () => {
              changed();
              focus.returnTo(r.id);
              toast(`已恢复“${titleOf(kind, r)}”`);
            },
            (err) => toast(asApiError(err).message, 'error'),
          ),
      });
    } catch (err) {
      toast(asApiError(err).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const lifecycleDone = (rec: LedgerRecord, what: string) => {
    close();
    changed();
    toast(`${kind.numbering ? String(rec.data[kind.numbering.field] ?? '') : ''}${what}`);
  };

  const normative = kind.lifecycle
    ? normativeColumns(
        (record, step) => setDialog(step ? { type: 'step', record, step } : { type: 'withdraw', record }),
        (record, type) => setDialog({ type, record }),
      )
    : undefined;
  const data = list.data;
  const filtered = Object.keys(list.view.filters).length > 0 || list.view.search !== '';
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const first = data && data.total ? (data.page - 1) * PAGE_SIZE + 1 : 0;

  return (
    <div className="page-fill">
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
              onClick={() => setDialog({ type: 'form', record: null })}
              data-shortcut="new"
              data-testid="add-record"
            >
              新增
            </Button>
          </Tooltip>
        </Group>
      </Group>
      <FilterBar
        kind={kind}
        view={list.view}
        villages={settings.villages}
        setSearch={list.setSearch}
        setFilter={list.setFilter}
        clearFilters={list.clearFilters}
      />
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
              onDuplicate={duplicate}
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

      {dialog?.type === 'form' && (
        <RecordForm
          key={dialog.record?.id ?? 'new'}
          kind={kind}
          record={dialog.record}
          prefill={dialog.prefill}
          month={dialog.month}
          onClose={close}
          onSaved={saved}
          onAttachmentsChanged={changed}
        />
      )}
      {dialog?.type === 'step' && (
        <StepForm
          kind={kind}
          record={dialog.record}
          step={dialog.step}
          onClose={close}
          onDone={(r) => lifecycleDone(r, `已进入“${dialog.step}”环节`)}
        />
      )}
      {dialog?.type === 'withdraw' && <WithdrawForm record={dialog.record} onClose={close} onDone={(r) => lifecycleDone(r, '已撤回')} />}
      {dialog?.type === 'correct' && (
        <CorrectForm kind={kind} record={dialog.record} onClose={close} onDone={(r, step) => lifecycleDone(r, `的“${step}”已更正`)} />
      )}
      {dialog?.type === 'return' && (
        <ReturnForm
          record={dialog.record}
          onClose={close}
          onDone={(r) => lifecycleDone(r, `已退回到“${String(r.data[kind.lifecycle?.stage ?? ''])}”环节`)}
        />
      )}
      <ConfirmModal
        opened={dialog?.type === 'delete'}
        title="删除记录"
        confirmLabel="删除"
        busy={busy}
        onClose={close}
        onConfirm={() => dialog?.type === 'delete' && remove(dialog.record)}
      >
        确定删除“{dialog?.type === 'delete' ? titleOf(kind, dialog.record) : ''}”吗？删除后可在回收站恢复。
      </ConfirmModal>
    </div>
  );
}

const PAGE_LABELS = { first: '第一页', previous: '上一页', next: '下一页', last: '最后一页' } as const;
const pageLabels = (control: keyof typeof PAGE_LABELS) => ({ 'aria-label': PAGE_LABELS[control], title: PAGE_LABELS[control] });
