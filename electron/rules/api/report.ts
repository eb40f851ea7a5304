/** What the API answers about figures and the year's report: plain data, no Node. */
import type { FigureDef } from '../figures/types';
import type { RecordFix } from '../record-fix';
import type { ReportDocument } from '../report/document';

/** A whole-year period: the report year alone, or “自from年以来” up to the report year. */
export interface Period {
  from: number;
  to: number;
}

export interface FigureResult {
  id: string;
  name: string;
  unit: string;
  type: FigureDef['value']['type'];
  value: number;
  numerator?: number;
  denominator?: number;
  display: string;
  ok: boolean;
  problem?: string;
  recordCount: number;
}

export interface FigureUse {
  figureId: string;
  period: Period;
  display: string;
  manual: boolean;
  anchor: string;
}

export interface AssembledReport {
  document: ReportDocument;
  problems: Problem[];
  uses: FigureUse[];
}

export interface Problem {
  severity: 'blocking' | 'warning';
  code: string;
  message: string;
  anchor?: string;
  figureId?: string;
  /** The wording that replaces the figure's clause when there is nothing to report (a one-click fix). */
  suggestion?: string;
  /** A rate with nothing to divide by (code noBase) may be dropped: its whole clause, or just this rate of a group. */
  drop?: 'clause' | 'item';
  /** A record would fix it: where to look in the 台账 and what to register (the RecordFix type in @rules/record-fix). */
  fix?: RecordFix;
}

export interface Staleness {
  output: { id: number; format: string; createdAt: string } | null;
  changedRecords: number;
  figures: { figureId: string; name: string; printed: string; added: number; removed: number; modified: number }[];
  message: string;
}
