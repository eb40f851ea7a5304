/** The declarative shape of a report figure (指标): what it counts, over which records, and how it reads. */
import type { DisplayRule } from './format';

/**
 * A filter on one field of a kind's data: a value, one of several values (enums, villages), none
 * of several values (an empty field counts as none of them), a bool (yes/no), an inclusive number
 * range (int, money), an inclusive date range (YYYY-MM-DD), or text containing a word (text,
 * textarea, tags).
 */
export type Condition =
  | string
  | number
  | boolean
  | readonly (string | number)[]
  | { notIn: readonly (string | number)[] }
  | { min?: number; max?: number }
  | { from?: string; to?: string }
  | { contains: string };

/** Field filters on a kind's data; all must hold. */
export type Where = Record<string, Condition>;

/** One aggregate over the records of one kind in the period. */
export interface Measure {
  kind: string;
  where?: Where;
  /** Records must also match one of these (e.g. a contract review entered as 合同审查 or as 合法性审查 of a 合同). */
  anyOf?: readonly Where[];
  /** count of records, sum of an int/money field, or the number of distinct tags across records. */
  agg: { type: 'count' } | { type: 'sum'; field: string } | { type: 'distinctTags'; field: string };
  /**
   * Records count for a year while they are active in it, instead of by their date: from the
   * record's date until every one of these date fields that is set (a 法律顾问's 聘期至; an
   * officer's 证件有效期至 and 离岗日期). A field left empty means “still active”.
   */
  activeUntil?: string | readonly string[];
  /**
   * Records belong to the year of this date field instead of the record's own date (an officer's
   * 发证日期: 「新增持证」 counts certificates dated in the year, whenever the officer was registered).
   * Not combined with `activeUntil`.
   */
  dateBy?: string;
  /**
   * Date fields that must be empty or not before the last day of the period (an officer's
   * 证件有效期至: 「持证」 means a certificate still valid on 31 December).
   */
  validAtEnd?: string | readonly string[];
}

export interface FigureDef {
  id: string;
  name: string;
  /** Report part-一 subsection (1–10) or part (二…) where it is usually cited; groups the picker. */
  section: string;
  unit: string;
  value: { type: 'count' | 'sum' | 'money'; measure: Measure } | { type: 'rate'; numerator: Measure; denominator: Measure };
  display: DisplayRule;
  /** How a sentence should read when the value is 0, offered by the zero-figure check. */
  zeroPhrase?: string;
}
