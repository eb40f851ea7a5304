/**
 * The 行政规范性文件 lifecycle as the UI needs it: which step comes next, what each step records
 * and the date that marks it. Steps and their fields come from the kind's definition
 * (kinds/normative-doc.ts, pure data); the core enforces them on every write.
 */
import { NORMATIVE_STEPS, OPTIONAL_STEP_FIELDS, STEP_FIELDS, nextStep, stageOf, type NormativeStep } from '@rules/kinds/normative-doc';
import type { FieldDef, KindDef, RecordData } from '../../lib/api';

export { NORMATIVE_STEPS, OPTIONAL_STEP_FIELDS, STEP_FIELDS, nextStep, stageOf, type NormativeStep };

export const stageIndex = (data: RecordData): number => NORMATIVE_STEPS.indexOf(stageOf(data));

/** The date a step was done on: 起草 is the registration date, the others their first step field. */
export function stepDate(data: RecordData, step: NormativeStep): string | undefined {
  const key = step === '起草' ? 'registeredDate' : STEP_FIELDS[step][0];
  return typeof data[key] === 'string' ? (data[key] as string) : undefined;
}

/**
 * The inputs of a step's dialog (办理, 更正): its required then optional fields. They are managed
 * in the kind (never typed in the record form); here they are the input, so not managed.
 */
export const stepFields = (kind: KindDef, step: NormativeStep): FieldDef[] =>
  [...STEP_FIELDS[step], ...OPTIONAL_STEP_FIELDS[step]].flatMap((k) => {
    const f = kind.fields.find((x) => x.key === k);
    return f ? [{ ...f, managed: false, required: STEP_FIELDS[step].includes(k) }] : [];
  });
