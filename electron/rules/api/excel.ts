/** What the API answers about an Excel import's preview and commit: plain data, no Node. */
import type { RecordData } from '../kinds/types';

/** How a sheet's kind was found: its name, its headers, the clerk, a remembered mapping, or the kind page it is imported from. */
export type KindSource = 'name' | 'headers' | 'choice' | 'remembered' | 'page' | null;

export interface ColumnPlan {
  col: string;
  header: string;
  field: string | null;
}

export interface ImportProblem {
  sheet: string;
  /** Row number as Excel shows it. */
  row: number;
  /** Column letter, or '' when the problem is a missing column. */
  col: string;
  header: string;
  message: string;
  level: 'error' | 'warning';
  /** The cell's text as read, when the problem is that text (for accepting a suggestion). */
  value?: string;
  /** The allowed value nearest to `value` (「成功」→「调解成功」), which the clerk may accept. */
  suggestion?: string;
}

export interface ImportRow {
  /** `<sheet>!<row>`: how the clerk's ticks name a probable duplicate. */
  key: string;
  row: number;
  data: RecordData;
  /** No error: the row can be added. */
  ok: boolean;
  /** An existing record with the same kind, date and title. */
  duplicateOf?: { id: string; date: string; title: string };
  /** Dated outside the working year: the year it would go to (not added unless ticked). */
  otherYear?: number;
}

/**
 * What became of every row of a sheet, so the counts add up:
 * above + hidden + blank + totals + ready + duplicates + otherYear + refused = rows.
 */
export interface SheetTally {
  /** The sheet's last row number (blank rows inside included). */
  rows: number;
  /** Title and header rows: 1 … the header row. */
  above: number;
  hidden: number;
  /** Blank rows, and rows with text only in columns that are not imported. */
  blank: number;
  totals: number;
  ready: number;
  duplicates: number;
  otherYear: number;
  refused: number;
}

/** A row the clerk may choose as the header row: its number and its texts. */
export interface HeaderChoice {
  row: number;
  text: string;
}

/** A field the clerk may map a column to or fill with one value for every row. */
interface FieldChoice {
  key: string;
  label: string;
  required: boolean;
  /** The allowed values (choices, 是/否, the 设置's 村（社区）), when the field has a list. */
  options?: string[];
}

export interface SheetPreview {
  sheet: string;
  kind: string | null;
  kindLabel: string | null;
  kindFrom: KindSource;
  /** The kind's date and title fields (how a row is named to the clerk). */
  dateField: string | null;
  titleField: string | null;
  headerRow: number;
  /** The header row the app found by itself (the clerk may pick another of `headerChoices`). */
  detectedHeaderRow: number;
  headerChoices: HeaderChoice[];
  columns: ColumnPlan[];
  /** Fields the clerk may map a column to (the kind's non-managed fields). */
  fields: FieldChoice[];
  /** Fields filled with one value for every row (field key → the value as typed). */
  values: Record<string, string>;
  rows: ImportRow[];
  /** Blank rows and totals rows, passed over. */
  skipped: number;
  tally: SheetTally;
  problems: ImportProblem[];
  shapeKey: string;
}

export interface ImportPreview {
  sheets: SheetPreview[];
  /** The working year other-year rows are measured against (none: every year is welcome). */
  year?: number;
  counts: { rows: number; valid: number; bad: number; duplicates: number; otherYear: number; problems: number };
}

export interface CommitResult {
  added: number;
  /** Per kind id, how many were added. */
  byKind: Record<string, number>;
  /** Rows left out because they had errors. */
  bad: number;
  /** Probable duplicates left out. */
  duplicates: number;
  /** Rows of another year left out (not ticked). */
  otherYear: number;
  problems: ImportProblem[];
}
