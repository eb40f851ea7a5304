/** The dialogs of a kind's page: the record form, the 规范性文件 lifecycle steps, and 删除. */
import type { KindDef } from '../lib/api';
import { ConfirmModal } from '../lib/modal';
import { titleOf } from '../lib/record-format';
import { useLedger } from '../state/ledger';
import { CorrectForm } from './normative/correct-form';
import { ReturnForm } from './normative/return-form';
import { StepForm } from './normative/step-form';
import { WithdrawForm } from './normative/withdraw-form';
import { RecordForm } from './record-form';
import type { KindPageState } from './use-kind-page';

export function KindDialogs({ kind, page }: { kind: KindDef; page: KindPageState }) {
  const { changed } = useLedger();
  const { dialog, close, lifecycleDone } = page;
  return (
    <>
      {dialog?.type === 'form' && (
        <RecordForm
          key={dialog.record?.id ?? 'new'}
          kind={kind}
          record={dialog.record}
          prefill={dialog.prefill}
          month={dialog.month}
          onClose={close}
          onSaved={page.saved}
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
        busy={page.busy}
        onClose={close}
        onConfirm={() => dialog?.type === 'delete' && page.remove(dialog.record)}
      >
        确定删除“{dialog?.type === 'delete' ? titleOf(kind, dialog.record) : ''}”吗？删除后可在回收站恢复。
      </ConfirmModal>
    </>
  );
}
