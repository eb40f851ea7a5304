/**
 * The declarative shape of a ledger kind. One definition per kind drives its SQLite storage,
 * validation, the UI's table and form, the exchange format and the figure catalogue.
 */
import type { Issue } from '../errors';
import type { Settings } from '../settings';

export type FieldType =
  | 'text' // one line
  | 'textarea' // several lines
  | 'date' // YYYY-MM-DD, a real calendar date
  | 'int' // whole number ≥ 0 unless min says otherwise
  | 'money' // yuan, ≥ 0, at most two decimals (fen)
  | 'enum' // one of options
  | 'bool'
  | 'village' // one of the settings' 村/社区 when the list is set
  | 'tags'; // list of short texts (e.g. villages covered)

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: readonly string[];
  /**
   * Other spellings of options, each with the option it means: another 乡镇类型's wording of a level
   * option (镇人民调解委员会 in a 乡's ledger). Validation and import take them as that option. Set
   * by kindForLevel (./level-options.ts); a definition declares its level options as templates.
   */
  optionAliases?: Readonly<Record<string, string>>;
  /** A tags field whose items are usually the settings' 村（社区）: the form offers that list while typing. */
  villageItems?: boolean;
  /** Max length for text, max value for numbers. */
  max?: number;
  min?: number;
  /** Shown in the list table (the form always shows every field but managed ones). */
  listed?: boolean;
  /** Set by the app (e.g. a 规范性文件's number and lifecycle step), never typed in a form. */
  managed?: boolean;
  help?: string;
  unit?: string;
  /**
   * Other headers a clerk's own spreadsheet uses for this field (时间 for 会议日期, 出席人数 for
   * 参会人数…). Excel import matches a column by label first, then by these, after folding.
   */
  aliases?: readonly string[];
}

/** Cross-field checks, declared so the UI can explain them and the validator can enforce them. */
export type Rule =
  /** sum(left) ≤ right, e.g. 合格人数 ≤ 实考人数, 党员+网格员+群众 ≤ 参与人数. */
  | { type: 'lte'; left: readonly string[]; right: string }
  /** to ≥ from when both are set, e.g. 答复日期 ≥ 收到日期. */
  | { type: 'dateOrder'; from: string; to: string }
  /** field is required when `when` equals one of values. */
  | { type: 'requiredIf'; field: string; when: string; values: readonly (string | boolean)[] };

export interface KindDef {
  id: string;
  label: string;
  /** 报告 part-一 subsection (1–10) or part (二…) the kind mainly feeds; used to group figures in the picker. */
  section: string;
  /** Field holding the record's date: listing, the year a record belongs to and every figure's period use it. */
  dateField: string;
  /** Field shown as the record's name in lists and traces. */
  titleField: string;
  fields: readonly FieldDef[];
  rules?: readonly Rule[];
  /**
   * The printed register (登记簿): its default columns, in order (field keys). Without it the
   * register shows the `listed` fields. The clerk may choose other columns when printing.
   */
  register?: { readonly columns: readonly string[] };
  /**
   * 佐证材料 every record of the kind is expected to carry (the checklist an attachment is tagged
   * against, e.g. 会议纪要、签到表). Read it through expectedEvidence() (./evidence.ts), which adds `evidenceIf`.
   */
  evidence?: readonly string[];
  /** Items expected only when a field holds one of `values` (e.g. 依申请公开 → 申请书、答复书). */
  evidenceIf?: readonly EvidenceCondition[];
  /** Other names a clerk's sheet may carry for this kind (e.g. 普法 for 普法与培训); the label always matches. */
  aliases?: readonly string[];
  /** A number the ledger hands out on creation and never reuses (the 规范性文件's 统一编号). */
  numbering?: KindNumbering;
  /**
   * Records that move through steps the app manages (the 规范性文件's 起草 → … → 报送备案): the
   * managed field holding the step and the one holding its history. The kind's page then offers
   * the step actions (办理/更正/退回/撤回) and its form shows the stepper and the history.
   */
  lifecycle?: { readonly stage: string; readonly history: string };
  /**
   * Invariants a whole stored record must satisfy beyond its fields (the 规范性文件 lifecycle):
   * checked, with managed fields present, on create, update and import. The only function on a
   * kind: `kinds.list` sends kinds to the screens as data (KindData) without it.
   */
  checkStored?: (data: RecordData) => Issue[];
}

export interface EvidenceCondition {
  when: string;
  values: readonly (string | boolean)[];
  items: readonly string[];
}

/** A kind as plain data (what crosses IPC): everything but its hooks. */
export type KindData = Omit<KindDef, 'checkStored'>;
export const kindData = ({ checkStored: _hook, ...data }: KindDef): KindData => data;

/**
 * How a kind numbers its records: 代字〔年〕序号号 (rules/doc-number.ts) with the 代字 from a
 * setting, the year of the record's date, and a per-(代字, year) sequence kept by the ledger
 * (table doc_number_seq), so a number is never reused. The number's field is managed; it keeps
 * the year it was given (the record cannot move to another year).
 */
interface KindNumbering {
  field: string;
  codeSetting: keyof Settings & string;
  /** Managed fields a new record starts with (the 规范性文件's stage 起草). */
  initial?: RecordData;
  /** Said when the 代字 setting is empty. */
  missingCode: string;
}

export type RecordData = Record<string, unknown>;
