/** What the API answers about an Excel import's preview and commit: plain data, no Node. */
import type { RecordData } from '../kinds/types';

/** How a sheet's kind was found: its name, its headers, the clerk, or a remembered mapping. */
export type KindSource = 'name' | 'headers' | 'choice' | 'remembered' | null;

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
}

export interface SheetPreview {
  sheet: string;
  kind: string | null;
  kindLabel: string | null;
  kindFrom: KindSource;
  headerRow: number;
  columns: ColumnPlan[];
  /** Fields the clerk may map a column to (the kind's non-managed fields). */
  fields: { key: string; label: string; required: boolean }[];
  rows: ImportRow[];
  /** Blank rows and a totals row, passed over. */
  skipped: number;
  problems: ImportProblem[];
  shapeKey: string;
}

export interface ImportPreview {
  sheets: SheetPreview[];
  counts: { rows: number; valid: number; bad: number; duplicates: number; problems: number };
}

export interface CommitResult {
  added: number;
  /** Per kind id, how many were added. */
  byKind: Record<string, number>;
  /** Rows left out because they had errors. */
  bad: number;
  /** Probable duplicates left out. */
  duplicates: number;
  problems: ImportProblem[];
}
