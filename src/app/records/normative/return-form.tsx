/** 退回 a 行政规范性文件 one step, with a reason; the step's data is cleared into the history. */
import { call } from '../../lib/api';
import { ReasonDialog, type ReasonFormProps } from './reason-dialog';
import { NORMATIVE_STEPS, stageIndex, stageOf } from './steps';

export function ReturnForm(props: ReasonFormProps) {
  const back = NORMATIVE_STEPS[stageIndex(props.record.data) - 1];
  return (
    <ReasonDialog
      {...props}
      label="退回原因"
      send={(reason) => call('normativeDocs.return', { id: props.record.id, reason })}
      title="退回上一环节"
      submitLabel={`退回到“${back}”`}
      submitColor="orange"
      testId="return-form"
      note={`“${stageOf(props.record.data)}”环节已填写的内容将清空（原内容记入“更正与退回记录”），可重新办理；统一编号不变。`}
    />
  );
}
