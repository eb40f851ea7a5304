/**
 * Adds a workbook's rows to the ledger. The preview is built again inside one IMMEDIATE
 * transaction (so duplicates are judged against what is really there), then every valid row goes
 * through createRecords, the path `records.create` takes (one call per sheet). An xlsx import only ever adds records.
 */
import type { Db } from '../db/open';
import { LedgerError, type Issue } from '@rules/errors';
import { createRecords } from '../ledger/records';
import { planSheet, rememberMapping } from './map';
import { buildPreview, formatProblem, type ImportOptions, type ImportPreview, type ImportProblem } from './preview';
import type { SheetData } from './read';
import { getKind, KINDS } from '@rules/kinds';
import type { CommitResult } from '@rules/api/excel';

export interface CommitOptions extends ImportOptions {
  /** Refuse the whole workbook when any row has an error (else the valid rows are added). */
  allOrNothing?: boolean;
  /** Keys (`<sheet>!<row>`) of probable duplicates the clerk ticked to add anyway. */
  includeDuplicates?: string[];
  /**
   * Rows dated outside `year`: skipped unless their key is in `includeOtherYears` (the app's
   * ticks), all added ('include'), or the whole import refused ('refuse', the CLI's --year).
   */
  otherYears?: 'skip' | 'include' | 'refuse';
  includeOtherYears?: string[];
}

const problemIssue = (p: ImportProblem): Issue => ({ row: p.row, kind: p.sheet, fieldLabel: p.header, message: formatProblem(p) });

/** Each row of another year, named by its date cell, as the refusal lists it. */
function otherYearIssues(preview: ImportPreview): Issue[] {
  return preview.sheets.flatMap((s) => {
    const kind = s.kind ? getKind(s.kind) : undefined;
    if (!kind) return [];
    const dateCol = s.columns.find((c) => c.field === kind.dateField);
    const label = kind.fields.find((f) => f.key === kind.dateField)?.label ?? '';
    return s.rows
      .filter((r) => r.otherYear)
      .map((r) =>
        problemIssue({
          sheet: s.sheet,
          row: r.row,
          col: dateCol?.col ?? '',
          header: dateCol?.header ?? label,
          message: `${String(r.data[kind.dateField])}不在${preview.year}年度，这一行会记入${r.otherYear}年度`,
          level: 'error',
        }),
      );
  });
}

export function commitImport(db: Db, sheets: SheetData[], opts: CommitOptions = {}): CommitResult {
  const ticked = new Set(opts.includeDuplicates ?? []);
  const otherTicked = new Set(opts.includeOtherYears ?? []);
  return db
    .transaction(() => {
      const preview = buildPreview(db, sheets, opts);
      const problems = preview.sheets.flatMap((s) => s.problems);
      const errors = problems.filter((p) => p.level === 'error');
      if (opts.allOrNothing && errors.length) {
        throw new LedgerError('VALIDATION', `工作簿有${errors.length}处错误，未导入任何记录`, errors.map(problemIssue));
      }
      if (opts.otherYears === 'refuse' && preview.counts.otherYear) {
        throw new LedgerError(
          'VALIDATION',
          `工作簿有${preview.counts.otherYear}行的日期不在${preview.year}年度，未导入任何记录`,
          otherYearIssues(preview),
        );
      }
      const result: CommitResult = { added: 0, byKind: {}, bad: 0, duplicates: 0, otherYear: 0, problems };
      for (const s of preview.sheets) {
        if (!s.kind) continue;
        const adding = [];
        for (const r of s.rows) {
          if (!r.ok) result.bad++;
          else if (r.otherYear && opts.otherYears !== 'include' && !otherTicked.has(r.key)) result.otherYear++;
          else if (r.duplicateOf && !ticked.has(r.key)) result.duplicates++;
          else adding.push(r.data);
        }
        if (!adding.length) continue;
        // Each row passed validateRecord in the preview just built, against the same settings, in this transaction.
        createRecords(db, s.kind, adding, { validated: true });
        result.added += adding.length;
        result.byKind[s.kind] = (result.byKind[s.kind] ?? 0) + adding.length;
      }
      // The mapping the clerk confirmed is remembered for the next workbook of the same shape.
      const only = opts.kind ? KINDS.find((k) => k.id === opts.kind) : undefined;
      for (const sheet of sheets) {
        const plan = planSheet(db, sheet, opts.overrides?.[sheet.name], only, opts);
        if (plan.kind && plan.kindFrom !== 'remembered' && opts.overrides?.[sheet.name]) rememberMapping(db, plan);
      }
      return result;
    })
    .immediate();
}

export type { CommitResult };
