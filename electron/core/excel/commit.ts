/**
 * Adds a workbook's rows to the ledger. The preview is built again inside one IMMEDIATE
 * transaction (so duplicates are judged against what is really there), then every valid row goes
 * through createRecords, the path `records.create` takes (one call per sheet). An xlsx import only ever adds records.
 */
import type { Db } from '../db/open';
import { LedgerError, type Issue } from '@rules/errors';
import { createRecords } from '../ledger/records';
import { planSheet, rememberMapping } from './map';
import { buildPreview, formatProblem, type ImportOptions, type ImportProblem } from './preview';
import type { SheetData } from './read';
import { KINDS } from '@rules/kinds';
import type { CommitResult } from '@rules/api/excel';

export interface CommitOptions extends ImportOptions {
  /** Refuse the whole workbook when any row has an error (else the valid rows are added). */
  allOrNothing?: boolean;
  /** Keys (`<sheet>!<row>`) of probable duplicates the clerk ticked to add anyway. */
  includeDuplicates?: string[];
}

const problemIssue = (p: ImportProblem): Issue => ({ row: p.row, kind: p.sheet, fieldLabel: p.header, message: formatProblem(p) });

export function commitImport(db: Db, sheets: SheetData[], opts: CommitOptions = {}): CommitResult {
  const ticked = new Set(opts.includeDuplicates ?? []);
  return db
    .transaction(() => {
      const preview = buildPreview(db, sheets, opts);
      const problems = preview.sheets.flatMap((s) => s.problems);
      const errors = problems.filter((p) => p.level === 'error');
      if (opts.allOrNothing && errors.length) {
        throw new LedgerError('VALIDATION', `工作簿有${errors.length}处错误，未导入任何记录`, errors.map(problemIssue));
      }
      const result: CommitResult = { added: 0, byKind: {}, bad: 0, duplicates: 0, problems };
      for (const s of preview.sheets) {
        if (!s.kind) continue;
        const adding = [];
        for (const r of s.rows) {
          if (!r.ok) result.bad++;
          else if (r.duplicateOf && !ticked.has(r.key)) result.duplicates++;
          else adding.push(r.data);
        }
        if (!adding.length) continue;
        createRecords(db, s.kind, adding);
        result.added += adding.length;
        result.byKind[s.kind] = (result.byKind[s.kind] ?? 0) + adding.length;
      }
      // The mapping the clerk confirmed is remembered for the next workbook of the same shape.
      const only = opts.kind ? KINDS.find((k) => k.id === opts.kind) : undefined;
      for (const sheet of sheets) {
        const plan = planSheet(db, sheet, opts.overrides?.[sheet.name], only);
        if (plan.kind && plan.kindFrom !== 'remembered' && opts.overrides?.[sheet.name]) rememberMapping(db, plan);
      }
      return result;
    })
    .immediate();
}

export type { CommitResult };
