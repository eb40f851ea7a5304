/** Excel in and out (docs/excel.md): templates, import with a preview, and exports. */
import type { Db } from '../db/open';
import { readWorkbook } from './read';
import { buildPreview, type ImportOptions, type ImportPreview } from './preview';
import { commitImport, type CommitOptions, type CommitResult } from './commit';
import { refusedWorkbook } from './refused';

export async function previewWorkbook(db: Db, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportPreview> {
  return buildPreview(db, await readWorkbook(bytes), opts);
}

export async function importWorkbook(db: Db, bytes: Uint8Array, opts: CommitOptions = {}): Promise<CommitResult> {
  return commitImport(db, await readWorkbook(bytes), opts);
}

/** The rows an import with these choices refuses, as a workbook with a 问题 column to fix them in. */
export async function refusedRowsWorkbook(
  db: Db,
  bytes: Uint8Array,
  opts: ImportOptions = {},
): Promise<{ bytes: Buffer; records: number }> {
  return refusedWorkbook(db, await readWorkbook(bytes), opts);
}

export { formatProblem, type ImportPreview, type ImportProblem, type SheetPreview, type ImportRow } from './preview';
export type { CommitResult, CommitOptions } from './commit';
export type { MappingOverrides, SheetMapping } from './map';
export { exportKindFile, exportKindWorkbook, exportYearFile, exportYearWorkbook } from './export';
export { templateFileName, templateWorkbook } from './template';
