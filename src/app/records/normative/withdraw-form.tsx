/** 撤回 a 行政规范性文件, with the reason the core requires; a withdrawn document goes no further. */
import { call } from '../../lib/api';
import { ReasonDialog, type ReasonFormProps } from './reason-dialog';

/** The core keeps the reason as withdrawReason; its complaints belong under this form's reason. */
const FIELD_NAMES = { withdrawReason: 'reason' };

export function WithdrawForm(props: ReasonFormProps) {
  return (
    <ReasonDialog
      {...props}
      label="撤回原因"
      send={(reason) => call('normativeDocs.withdraw', { id: props.record.id, reason })}
      fieldNames={FIELD_NAMES}
      title="撤回规范性文件"
      submitLabel="确认撤回"
      submitColor="red"
      testId="withdraw-form"
      note="撤回后该文件不能再办理后续环节，记录仍保留在台账中。"
    />
  );
}
