/**
 * State and calls of a kind's page (kind-page.tsx draws them): the list, which dialog is open,
 * what the address hands over, and save / copy / delete / lifecycle steps with their toasts.
 */
import { useEffect, useState } from 'react';
import { useFocusAfterDialog } from './focus-after-dialog';
import { useListTotals } from './use-list-totals';
import { useRecordList, type Filters } from './use-record-list';
import { asApiError, call, type KindDef, type LedgerRecord, type RecordData } from '../lib/api';
import { titleOf } from '../lib/record-format';
import { useLedger } from '../state/ledger';
import { useToast } from '../state/toast';
import { hrefFor } from '../router';
import { normativeColumns } from './normative/normative-columns';
import type { NormativeStep } from './normative/steps';

type KindDialog =
  | { type: 'form'; record: LedgerRecord | null; prefill?: RecordData; month?: number }
  | { type: 'delete'; record: LedgerRecord }
  | { type: 'step'; record: LedgerRecord; step: NormativeStep }
  | { type: 'withdraw'; record: LedgerRecord }
  | { type: 'correct'; record: LedgerRecord }
  | { type: 'return'; record: LedgerRecord };

export interface KindPageProps {
  kind: KindDef;
  openRecord?: string;
  search?: string;
  filters?: Filters;
  prefill?: RecordData;
  /** With prefill: the month the new record belongs to (router.ts). */
  month?: number;
}

export function useKindPage({ kind, openRecord, search, filters, prefill, month }: KindPageProps) {
  const { year, version, changed } = useLedger();
  const toast = useToast();
  const list = useRecordList(kind, year, version, search);
  const [dialog, setDialog] = useState<KindDialog | null>(null);
  const [busy, setBusy] = useState(false);
  useHandOver(kind, openRecord, { search, filters, prefill, month }, list, setDialog);
  useOpenRecord(kind, openRecord, setDialog);
  const focus = useFocusAfterDialog(list.data);
  const sums = useListTotals(kind, year, list.view, list.data);
  // Focus goes back where the clerk was: the row just saved or edited, else 新增.
  const close = () => {
    focus.returnTo(dialog && dialog.type !== 'delete' ? (dialog.record?.id ?? null) : null);
    setDialog(null);
    // Leave the record's address, so going back or reloading does not reopen it.
    if (openRecord) window.history.replaceState(null, '', hrefFor({ name: 'kind', kind: kind.id }));
  };

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
  return { list, sums, dialog, setDialog, busy, close, saved, duplicate, remove, lifecycleDone, normative };
}

export type KindPageState = ReturnType<typeof useKindPage>;

/**
 * What the address hands over (全局搜索 → 查看全部; a problem's 查看台账 / 去登记) is applied, then
 * leaves the address, so the same link works again after the clerk has changed the page.
 */
function useHandOver(
  kind: KindDef,
  openRecord: string | undefined,
  given: Pick<KindPageProps, 'search' | 'filters' | 'prefill' | 'month'>,
  list: Pick<ReturnType<typeof useRecordList>, 'setSearch' | 'replaceFilters'>,
  setDialog: (d: KindDialog) => void,
) {
  const { setSearch, replaceFilters } = list;
  const handOver = JSON.stringify([given.search, given.filters, given.prefill, given.month]);
  useEffect(() => {
    // JSON turns an absent part into null.
    const [s, f, p, m] = JSON.parse(handOver) as [string | null, Filters | null, RecordData | null, number | null];
    if (s == null && !f && !p) return;
    if (s != null) setSearch(s);
    if (f) replaceFilters(f);
    if (p) setDialog({ type: 'form', record: null, prefill: p, ...(m ? { month: m } : {}) });
    window.history.replaceState(null, '', hrefFor({ name: 'kind', kind: kind.id, record: openRecord }));
  }, [handOver, setSearch, replaceFilters, setDialog, kind.id, openRecord]);
}

/** A route naming a record (#/kind/<id>/<recordId>, e.g. from the 首页's 待补登记) opens its form. */
function useOpenRecord(kind: KindDef, openRecord: string | undefined, setDialog: (d: KindDialog) => void) {
  const toast = useToast();
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
  }, [openRecord, kind.id, toast, setDialog]);
}
