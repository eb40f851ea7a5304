/**
 * The input schema of every API method, by name. Nothing reaches a handler without passing its
 * schema (electron/core/api/define.ts); the screens' types of what they send are inferred from the
 * same schemas (./index.ts), so the two sides cannot drift. Pure zod: no Node, no core.
 */
import { z } from 'zod';
import { KIND_IDS } from '../kinds';
import { MAX_REGISTER_COLUMNS } from '../kinds/register';
import { MAX_EXCHANGE_BYTES, safeRecord, yearSchema as year } from '../limits';
import type { ReportSpecInput } from '../report/spec';
import { base64Length, MAX_UPLOAD_BYTES, MAX_WORKBOOK_BYTES } from '../upload';

// Request errors reach the clerk (CLI, harness, app): zod's own messages in Chinese.
z.config(z.locales.zhCN());

const recordId = z.string().min(1).max(100);
const id = z.object({ id: recordId });
const data = z.record(z.string(), z.unknown());
const filePath = z.string().min(1).max(4096);
const reason = z.string().max(500);
const sortDir = z.enum(['asc', 'desc']);

/**
 * A kind's records of a year under the kind page's filters and search: the one shape of the
 * list, its totals, its Excel export and its printed register.
 */
const listQuery = z.object({
  kind: z.enum(KIND_IDS),
  year,
  filters: z.record(z.string().max(50), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  search: z.string().max(100).optional(),
});
const sorted = { sortBy: z.string().max(50).optional(), sortDir: sortDir.optional() };

/**
 * The schema of a base64 field the page uploads. Its length is checked when decoded (for a
 * message that says how big the file was); the cap here only stops a body far past it early.
 */
const uploadedBytes = z.string().max(base64Length(MAX_UPLOAD_BYTES) * 2);

const cellText = z.string().max(2000);
const workbook = z.object({
  // Said in the clerk's words: zod's own message names the field and a character count.
  dataBase64: z.string().max(base64Length(MAX_WORKBOOK_BYTES) + 4, '工作簿不能超过30 MB，请拆分后再导入'),
  kind: z.enum(KIND_IDS).optional(),
  year: year.optional(),
  overrides: safeRecord(
    z.string().max(100),
    z.object({
      kind: z.enum(KIND_IDS).nullable().optional(),
      headerRow: z.int().min(1).max(1_048_576).optional(),
      columns: safeRecord(z.string().regex(/^[A-Z]{1,3}$/), z.string().max(50).nullable()).optional(),
      // Fields filled with one value for every row, by key: the value as the clerk would type it.
      values: safeRecord(z.string().max(50), cellText).optional(),
      // Accepted suggestions: per column, every cell with that text; or one cell by its address (C5).
      replace: safeRecord(z.string().regex(/^[A-Z]{1,3}$/), safeRecord(cellText, cellText)).optional(),
      cells: safeRecord(z.string().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/), cellText).optional(),
    }),
  ).optional(),
  // For every sheet not overridden: the header row (as Excel numbers it) and fields set for every
  // row, by label or key (the CLI's --header-row and --set).
  headerRow: z.int().min(1).max(1_048_576).optional(),
  set: safeRecord(z.string().max(50), cellText).optional(),
});
const importing = workbook.extend({
  allOrNothing: z.boolean().optional(),
  includeDuplicates: z.array(z.string().max(200)).max(100_000).optional(),
  // Rows dated outside `year`: 'skip' (unless ticked in includeOtherYears), 'include', or 'refuse' the import.
  otherYears: z.enum(['skip', 'include', 'refuse']).optional(),
  includeOtherYears: z.array(z.string().max(200)).max(100_000).optional(),
});

const register = listQuery.extend({
  columns: z
    .array(z.string().min(1).max(50))
    .max(MAX_REGISTER_COLUMNS * 2)
    .optional(),
});

/** A checklist item of the record's kind (checked by the core), or null/absent for none. */
const item = z.string().max(50).nullable().optional();

export const API_INPUTS = {
  'kinds.list': z.object({}),
  'settings.get': z.object({}),
  'settings.save': z.object({ settings: data }),
  'records.list': listQuery.extend({ page: z.int().min(1).optional(), pageSize: z.int().min(1).max(500).optional(), ...sorted }),
  'records.totals': listQuery,
  'records.search': z.object({ year, search: z.string().max(100), perKind: z.int().min(1).max(50).optional() }),
  'records.get': id,
  'records.create': z.object({ kind: z.enum(KIND_IDS), data }),
  'records.update': z.object({ id: recordId, data }),
  'records.duplicate': id,
  'records.delete': id,
  'trash.list': z.object({}),
  'trash.restore': id,
  'trash.purge': id,
  'normativeDocs.advance': z.object({ id: recordId, step: z.string().max(20), data }),
  'normativeDocs.withdraw': z.object({ id: recordId, reason }),
  'normativeDocs.correct': z.object({ id: recordId, step: z.string().max(20), data, reason }),
  'normativeDocs.return': z.object({ id: recordId, reason }),
  'ledger.years': z.object({}),
  'ledger.stats': z.object({ year }),
  'ledger.gaps': z.object({ year }),
  'ledger.evidenceGaps': z.object({ year, limit: z.int().min(1).max(500).optional() }),
  'exchange.export': z.object({}),
  'exchange.import': z.object({ text: z.string().max(MAX_EXCHANGE_BYTES) }),
  'exchange.importFile': z.object({ file: filePath }),

  'figures.catalogue': z.object({}),
  'figures.list': z.object({ year }),
  'figures.trace': z.object({ year, figureId: z.string().max(100), sinceYear: year.optional() }),
  'figures.custom.list': z.object({}),
  'figures.custom.save': z.object({ def: z.unknown() }),
  'figures.custom.delete': z.object({ id: z.string().max(100) }),
  'figures.custom.preview': z.object({ year, def: z.unknown(), limit: z.int().min(1).max(500).default(50) }),
  'report.get': z.object({ year }),
  // The spec is checked inside the core's saveReportSpec (messages naming the report's own fields); here it is typed.
  'report.save': z.object({ year, spec: z.custom<ReportSpecInput>() }),
  'report.reset': z.object({ year }),
  'report.assemble': z.object({ year }),
  'report.recordOutput': z.object({ year, format: z.enum(['print', 'pdf', 'docx', 'html']) }),
  'report.render': z.object({
    year,
    format: z.enum(['html', 'docx']),
    // Where the shell's window put the 版记 (the worker has no browser); the DOCX follows it.
    imprint: z.object({ placement: z.enum(['shared', 'alone']), blankPages: z.number().int().min(0).max(1) }).nullish(),
  }),
  'report.staleness': z.object({ year }),
  'report.sources': z.object({ year }),

  'backup.drives': z.object({}),
  'backup.create': z.object({ targetDir: filePath, keep: z.int().min(1).max(1000).optional() }),
  'backup.list': z.object({ dir: filePath }),
  'backup.inspect': z.object({ file: filePath }),
  'backup.verify': z.object({ file: filePath }),
  'backup.restore': z.object({ file: filePath }),
  'backup.status': z.object({ days: z.int().min(1).max(365).optional() }),
  'backup.safetyCopies': z.object({}),

  'attachments.add': z.object({ recordId, sourcePath: filePath, name: z.string().max(200).optional(), item }),
  'attachments.list': z.object({ recordId }),
  'attachments.remove': z.object({ id: recordId }),
  'attachments.upload': z.object({ recordId, name: z.string().max(1000), dataBase64: uploadedBytes, item }),
  'attachments.tag': z.object({ id: recordId, item: z.string().max(50).nullable() }),
  'attachments.download': z.object({ id: recordId }),

  'register.pdf': register,
  'register.html': register,
  'register.export': register.extend({ out: filePath }),

  'dossier.export': z
    .object({ year, out: filePath.optional(), folder: filePath.optional() })
    .refine((i) => !!i.out !== !!i.folder, '请指定档案袋文件（out）或保存的文件夹（folder），二者选一'),

  'excel.preview': workbook,
  'excel.import': importing,
  // The rows an import with these choices refuses, as a workbook with a 问题 column.
  'excel.refusedRows': importing,
  'excel.exportYear': z.object({ year }),
  // The register's columns the clerk chose (absent: the kind's defaults) are the sheet's printed ones.
  'excel.exportKind': register.extend(sorted),
  'excel.template': z.object({ kind: z.enum(KIND_IDS).optional() }),

  'diagnostics.collect': z.object({}),
  'diagnostics.integrity': z.object({}),
};

export type ApiInputs = typeof API_INPUTS;
