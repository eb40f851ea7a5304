import type { Issue } from '../errors';
import type { KindDef, RecordData } from './types';
import { noteField } from './common';

/** The statutory lifecycle, in order; each step needs the ones before it (see ledger/normative-doc.ts). */
export const NORMATIVE_STEPS = ['起草', '合法性审核', '集体审议', '公布', '报送备案'] as const;
export type NormativeStep = (typeof NORMATIVE_STEPS)[number];
/** Fields each step must record, in addition to those of the steps before it. */
export const STEP_FIELDS: Record<NormativeStep, readonly string[]> = {
  起草: [],
  合法性审核: ['reviewDate', 'reviewer'],
  集体审议: ['deliberationDate', 'deliberationMeeting'],
  公布: ['publishDate', 'publishCarrier'],
  报送备案: ['filingDate', 'filingAuthority'],
};
/** Fields a step may record besides the required ones. */
export const OPTIONAL_STEP_FIELDS: Record<NormativeStep, readonly string[]> = {
  起草: [],
  合法性审核: ['reviewOpinion'],
  集体审议: [],
  公布: [],
  // The 备案机关's answer, recorded with the filing or later by 更正 of the step.
  报送备案: ['filingReview'],
};
/** The stage a stored document is at; a missing or unknown stage reads as 起草 (validation rejects unknown ones). */
export const stageOf = (data: RecordData): NormativeStep =>
  (NORMATIVE_STEPS as readonly string[]).includes(data.stage as string) ? (data.stage as NormativeStep) : '起草';

/** The only step that may follow; null once 报送备案 is done. The screens offer it, the core enforces it. */
export const nextStep = (data: RecordData): NormativeStep | null => NORMATIVE_STEPS[NORMATIVE_STEPS.indexOf(stageOf(data)) + 1] ?? null;

const CLEANUP_RESULTS = ['继续有效', '修改', '废止', '失效'] as const;
const FILING_REVIEW_RESULTS = ['通过', '责令改正', '撤销'] as const;

export const normativeDoc: KindDef = {
  id: 'normativeDoc',
  label: '行政规范性文件',
  aliases: ['规范性文件'],
  section: '3',
  dateField: 'registeredDate',
  titleField: 'title',
  evidence: ['文件文本', '合法性审核意见'],
  evidenceIf: [
    { when: 'stage', values: ['集体审议', '公布', '报送备案'], items: ['审议会议纪要'] },
    { when: 'stage', values: ['报送备案'], items: ['备案报告'] },
  ],
  fields: [
    { key: 'number', label: '统一编号', type: 'text', managed: true, listed: true },
    { key: 'stage', label: '所处环节', type: 'enum', options: NORMATIVE_STEPS, managed: true, listed: true },
    { key: 'registeredDate', label: '登记日期', type: 'date', required: true, listed: true },
    { key: 'title', label: '文件标题', type: 'text', required: true, max: 200, listed: true, aliases: ['文件名称', '标题', '名称'] },
    { key: 'draftingUnit', label: '起草科室', type: 'text', max: 50, listed: true },
    { key: 'docNumber', label: '发文字号', type: 'text', max: 50 },
    { key: 'reviewDate', label: '合法性审核日期', type: 'date', managed: true },
    { key: 'reviewer', label: '审核机构/人员', type: 'text', max: 50, managed: true },
    { key: 'reviewOpinion', label: '审核意见', type: 'textarea', max: 2000, managed: true },
    { key: 'deliberationDate', label: '集体审议日期', type: 'date', managed: true },
    { key: 'deliberationMeeting', label: '审议会议', type: 'text', max: 100, managed: true },
    { key: 'publishDate', label: '公布日期', type: 'date', managed: true, listed: true },
    { key: 'publishCarrier', label: '公布载体', type: 'text', max: 100, managed: true },
    { key: 'effectiveDate', label: '施行日期', type: 'date' },
    { key: 'validUntil', label: '有效期至', type: 'date' },
    { key: 'filingDate', label: '报送备案日期', type: 'date', managed: true },
    { key: 'filingAuthority', label: '备案机关', type: 'text', max: 50, managed: true },
    {
      key: 'filingReview',
      label: '备案审查结果',
      type: 'enum',
      options: FILING_REVIEW_RESULTS,
      managed: true,
      help: '备案机关审查后的结论',
      aliases: ['备案审查结论', '审查结果'],
    },
    { key: 'cleanupResult', label: '清理结论', type: 'enum', options: CLEANUP_RESULTS },
    { key: 'cleanupDate', label: '清理日期', type: 'date' },
    { key: 'withdrawn', label: '已撤回', type: 'bool', managed: true, listed: true },
    { key: 'withdrawReason', label: '撤回原因', type: 'text', max: 200, managed: true },
    // One line per 更正 or 退回 (see normative-history.ts); written by the app only, kept forever.
    { key: 'history', label: '更正与退回记录', type: 'textarea', max: 20000, managed: true },
    noteField,
  ],
  rules: [
    { type: 'dateOrder', from: 'registeredDate', to: 'reviewDate' },
    { type: 'dateOrder', from: 'reviewDate', to: 'deliberationDate' },
    { type: 'dateOrder', from: 'deliberationDate', to: 'publishDate' },
    { type: 'dateOrder', from: 'publishDate', to: 'filingDate' },
    { type: 'requiredIf', field: 'cleanupDate', when: 'cleanupResult', values: CLEANUP_RESULTS },
  ],
  numbering: {
    field: 'number',
    codeSetting: 'normativeCode',
    initial: { stage: '起草' },
    missingCode: '请先在“设置”中填写规范性文件代字（如“双土府规”），再登记规范性文件',
  },
  lifecycle: { stage: 'stage', history: 'history' },
  checkStored: checkLifecycle,
};

const label = (key: string) => normativeDoc.fields.find((f) => f.key === key)?.label ?? key;

/** The lifecycle invariants a stored document must satisfy (on every write and on import). */
function checkLifecycle(data: RecordData): Issue[] {
  const stage = (data.stage as NormativeStep | undefined) ?? '起草';
  const idx = NORMATIVE_STEPS.indexOf(stage);
  const issues: Issue[] = [];
  if (!data.number) issues.push({ kind: normativeDoc.label, field: 'number', fieldLabel: '统一编号', message: '缺少统一编号' });
  NORMATIVE_STEPS.forEach((step, i) => {
    for (const key of STEP_FIELDS[step]) {
      if (i <= idx && !data[key]) {
        issues.push({
          kind: normativeDoc.label,
          field: key,
          fieldLabel: label(key),
          message: `已到“${stage}”环节，必须记录${step}的${label(key)}`,
        });
      }
      if (i > idx && data[key]) {
        issues.push({
          kind: normativeDoc.label,
          field: key,
          fieldLabel: label(key),
          message: `尚未到“${step}”环节，不能填写${label(key)}`,
        });
      }
    }
  });
  if (data.filingReview && stage !== '报送备案') {
    issues.push({
      kind: normativeDoc.label,
      field: 'filingReview',
      fieldLabel: label('filingReview'),
      message: '尚未报送备案，不能填写备案审查结果',
    });
  }
  if (data.withdrawn && !data.withdrawReason) {
    issues.push({ kind: normativeDoc.label, field: 'withdrawReason', fieldLabel: '撤回原因', message: '撤回的文件必须写明原因' });
  }
  return issues;
}
