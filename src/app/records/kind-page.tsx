/**
 * The page of one ledger kind for the working year, generated from its KindDef: search and
 * filters, the sortable table, paging, and the dialogs (form, delete, lifecycle steps).
 */
import { Button, Center, Group, Loader, Pagination, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { asApiError, call, type KindDef, type LedgerRecord } from '../lib/api';
import { ConfirmModal } from '../lib/confirm-modal';
import { IconPlus } from '../icons';
import { useLedger } from '../state/ledger';
import { useToast } from '../state/toast';
import { normativeColumns } from '../normative/normative-columns';
import { StepForm } from '../normative/step-form';
import { WithdrawForm } from '../normative/withdraw-form';
import type { NormativeStep } from '../normative/steps';
import { FilterBar } from './filter-bar';
import { titleOf } from './format';
import { RecordForm } from './record-form';
import { EmptyRows, RecordTable } from './record-table';
import { RegisterMenu } from './register-menu';
import { PAGE_SIZE, useRecordList } from './use-record-list';

type Dialog =
  | { type: 'form'; record: LedgerRecord | null }
  | { type: 'delete'; record: LedgerRecord }
  | { type: 'step'; record: LedgerRecord; step: NormativeStep }
  | { type: 'withdraw'; record: LedgerRecord };

export function KindPage({ kind }: { kind: KindDef }) {
  const { year, version, changed, settings } = useLedger();
  const toast = useToast();
  const list = useRecordList(kind, year, version);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => setDialog(null);

  const saved = (rec: LedgerRecord, created: boolean) => {
    close();
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
      toast('已删除，可在回收站恢复');
    } catch (err) {
      toast(asApiError(err).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const lifecycleDone = (rec: LedgerRecord, what: string) => {
    close();
    changed();
    toast(`${String(rec.data.number ?? '')}${what}`);
  };

  const normative = kind.id === 'normativeDoc' ? normativeColumns((record, step) => setDialog(step ? { type: 'step', record, step } : { type: 'withdraw', record })) : undefined;
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
          <Button leftSection={<IconPlus size={14} />} onClick={() => setDialog({ type: 'form', record: null })}>
            新增
          </Button>
        </Group>
      </Group>
      <FilterBar kind={kind} view={list.view} villages={settings.villages} setSearch={list.setSearch} setFilter={list.setFilter} clearFilters={list.clearFilters} />
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
            />
            {data.rows.length === 0 && <EmptyRows filtered={filtered} label={kind.label} />}
          </>
        )}
      </div>
      <Group justify="space-between" mt={8}>
        <Text size="sm" c="dimmed">
          {data && data.total > 0 ? `第 ${first}–${first + data.rows.length - 1} 条，共 ${data.total} 条` : ''}
        </Text>
        <Pagination total={pages} value={list.view.page} onChange={list.setPage} size="sm" siblings={1} boundaries={1} hideWithOnePage getControlProps={pageLabels} />
      </Group>

      {dialog?.type === 'form' && <RecordForm key={dialog.record?.id ?? 'new'} kind={kind} record={dialog.record} onClose={close} onSaved={saved} onAttachmentsChanged={changed} />}
      {dialog?.type === 'step' && <StepForm kind={kind} record={dialog.record} step={dialog.step} onClose={close} onDone={(r) => lifecycleDone(r, `已进入“${dialog.step}”环节`)} />}
      {dialog?.type === 'withdraw' && <WithdrawForm record={dialog.record} onClose={close} onDone={(r) => lifecycleDone(r, '已撤回')} />}
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
