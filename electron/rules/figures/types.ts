/** The declarative shape of a report figure (指标): what it counts, over which records, and how it reads. */
import type { DisplayRule } from './format';

/** Field filters on a kind's data: a value, one of several values, or a bool. */
export type Where = Record<string, string | number | boolean | readonly (string | number)[]>;

/** One aggregate over the records of one kind in the period. */
export interface Measure {
  kind: string;
  where?: Where;
  /** count of records, sum of an int/money field, or the number of distinct tags across records. */
  agg: { type: 'count' } | { type: 'sum'; field: string } | { type: 'distinctTags'; field: string };
  /** Records count for a year while [start, end] overlaps it (e.g. a 法律顾问's 聘期), instead of by their date. */
  activeUntil?: string;
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
