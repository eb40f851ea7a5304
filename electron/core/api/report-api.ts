/** API methods of the yearly report: figures, their traces, the editable spec, assembly and provenance. */
import { z } from 'zod';
import { method } from './define';
import { checkCustomFigure } from '@rules/figures/schema';
import { allFigures, computeAll, computeDef, definitionProblem, traceDef, traceFigure, yearPeriod } from '../figures/compute';
import { deleteCustomFigure, listCustomFigures, saveCustomFigure } from '../ledger/custom-figures';
import { assembleYear } from '../report/assemble';
import { getReportSpec, resetReportSpec, saveReportSpec } from '../report/store';
import { recordOutput, reportStaleness, sourcesTable } from '../report/provenance';
import { yearSchema } from '@rules/limits';
import type { ReportSpecInput } from '@rules/report/spec';
import { renderReport } from '../report/export';

const year = yearSchema;

export const reportApi = {
  /** Built-in figures, then the clerk's own (自定义指标). */
  'figures.catalogue': method(z.object({}), (ctx) => allFigures(ctx.db)),
  'figures.list': method(z.object({ year }), (ctx, i) => computeAll(ctx.db, i.year)),
  'figures.trace': method(z.object({ year, figureId: z.string().max(100), sinceYear: year.optional() }), (ctx, i) =>
    traceFigure(ctx.db, i.figureId, { from: i.sinceYear ?? i.year, to: i.year }),
  ),
  /** The clerk's definitions, each with why it can no longer be computed (null when it can). */
  'figures.custom.list': method(z.object({}), (ctx) => listCustomFigures(ctx.db).map((def) => ({ def, problem: definitionProblem(def) }))),
  'figures.custom.save': method(z.object({ def: z.unknown() }), (ctx, i) => saveCustomFigure(ctx.db, i.def)),
  'figures.custom.delete': method(z.object({ id: z.string().max(100) }), (ctx, i) => deleteCustomFigure(ctx.db, i.id)),
  /**
   * The builder's live preview of an unsaved definition: its problems by field, or its value for
   * the year and the records behind it (at most `limit`, with the total).
   */
  'figures.custom.preview': method(z.object({ year, def: z.unknown(), limit: z.int().min(1).max(500).default(50) }), (ctx, i) => {
    const { def, issues } = checkCustomFigure(i.def);
    if (!def) return { issues, result: null, records: [], total: 0 };
    const period = yearPeriod(i.year);
    const records = traceDef(ctx.db, def, period);
    return { issues, result: computeDef(ctx.db, def, period), records: records.slice(0, i.limit), total: records.length };
  }),
  'report.get': method(z.object({ year }), (ctx, i) => getReportSpec(ctx.db, i.year)),
  // The spec is checked inside saveReportSpec (messages naming the report's own fields); here it is typed.
  'report.save': method(z.object({ year, spec: z.custom<ReportSpecInput>() }), (ctx, i) => saveReportSpec(ctx.db, i.year, i.spec)),
  'report.reset': method(z.object({ year }), (ctx, i) => resetReportSpec(ctx.db, i.year)),
  'report.assemble': method(z.object({ year }), (ctx, i) => assembleYear(ctx.db, i.year)),
  'report.recordOutput': method(
    z.object({ year, format: z.enum(['print', 'pdf', 'docx', 'html']) }),
    (ctx, i) => recordOutput(ctx.db, i.year, i.format, assembleYear(ctx.db, i.year).uses),
    // The host methods record their own outputs; a page must not claim one it did not make.
    { cliOnly: true },
  ),
  /**
   * The report of `year` rendered (HTML text or DOCX bytes) with the figure uses it was made from,
   * in the worker: the shell prints/writes it and records the output. Not for the page (it gets
   * files through the host methods).
   */
  'report.render': method(
    z.object({
      year,
      format: z.enum(['html', 'docx']),
      // Where the shell's window put the 版记 (the worker has no browser); the DOCX follows it.
      imprint: z.object({ placement: z.enum(['shared', 'alone']), blankPages: z.number().int().min(0).max(1) }).nullish(),
    }),
    async (ctx, i) => {
      const report = assembleYear(ctx.db, i.year);
      return { content: await renderReport(report, i.format, undefined, async () => i.imprint ?? null), uses: report.uses };
    },
    { cliOnly: true, worker: true },
  ),
  'report.staleness': method(z.object({ year }), (ctx, i) => reportStaleness(ctx.db, i.year)),
  'report.sources': method(z.object({ year }), (ctx, i) => sourcesTable(ctx.db, assembleYear(ctx.db, i.year).uses)),
};
