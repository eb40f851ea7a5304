/** API methods of the yearly report: figures, their traces, the editable spec, assembly and provenance. */
import { method } from './define';
import { API_INPUTS } from '@rules/api/inputs';
import { checkCustomFigure } from '@rules/figures/schema';
import {
  allFigures,
  computeAll,
  computeDef,
  definitionProblem,
  traceDef,
  traceFigure,
  withFigureMemo,
  yearPeriod,
} from '../figures/compute';
import { deleteCustomFigure, listCustomFigures, saveCustomFigure } from '../ledger/custom-figures';
import { ledgerKind } from '../ledger/kinds';
import { assembleYear } from '../report/assemble';
import { getReportSpec, resetReportSpec, saveReportSpec } from '../report/store';
import { recordOutput, reportStaleness, sourcesTable } from '../report/provenance';
import { renderReport } from '../report/export';

export const reportApi = {
  /** Built-in figures, then the clerk's own (自定义指标). */
  'figures.catalogue': method(API_INPUTS['figures.catalogue'], (ctx) => allFigures(ctx.db)),
  // The report screen reads the values through report.overview; the CLI's `figures` lists them.
  'figures.list': method(API_INPUTS['figures.list'], (ctx, i) => computeAll(ctx.db, i.year), { cliOnly: true }),
  'figures.trace': method(API_INPUTS['figures.trace'], (ctx, i) =>
    traceFigure(ctx.db, i.figureId, { from: i.sinceYear ?? i.year, to: i.year }),
  ),
  /** The clerk's definitions, each with why it can no longer be computed (null when it can). */
  'figures.custom.list': method(API_INPUTS['figures.custom.list'], (ctx) =>
    listCustomFigures(ctx.db).map((def) => ({ def, problem: definitionProblem(def) })),
  ),
  'figures.custom.save': method(API_INPUTS['figures.custom.save'], (ctx, i) => saveCustomFigure(ctx.db, i.def)),
  'figures.custom.delete': method(API_INPUTS['figures.custom.delete'], (ctx, i) => deleteCustomFigure(ctx.db, i.id)),
  /**
   * The builder's live preview of an unsaved definition: its problems by field, or its value for
   * the year and the records behind it (at most `limit`, with the total).
   */
  'figures.custom.preview': method(API_INPUTS['figures.custom.preview'], (ctx, i) => {
    const { def, issues } = checkCustomFigure(i.def, (id) => ledgerKind(ctx.db, id));
    if (!def) return { issues, result: null, records: [], total: 0 };
    const period = yearPeriod(i.year);
    const records = traceDef(ctx.db, def, period);
    return { issues, result: computeDef(ctx.db, def, period), records: records.slice(0, i.limit), total: records.length };
  }),
  'report.get': method(API_INPUTS['report.get'], (ctx, i) => getReportSpec(ctx.db, i.year)),
  // The spec is checked inside saveReportSpec (messages naming the report's own fields); here it is typed.
  'report.save': method(API_INPUTS['report.save'], (ctx, i) => saveReportSpec(ctx.db, i.year, i.spec)),
  'report.reset': method(API_INPUTS['report.reset'], (ctx, i) => resetReportSpec(ctx.db, i.year)),
  'report.assemble': method(API_INPUTS['report.assemble'], (ctx, i) => assembleYear(ctx.db, i.year)),
  'report.recordOutput': method(
    API_INPUTS['report.recordOutput'],
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
    API_INPUTS['report.render'],
    async (ctx, i) => {
      const report = assembleYear(ctx.db, i.year);
      return { content: await renderReport(report, i.format, undefined, async () => i.imprint ?? null), uses: report.uses };
    },
    { cliOnly: true, worker: true },
  ),
  'report.staleness': method(API_INPUTS['report.staleness'], (ctx, i) => reportStaleness(ctx.db, i.year)),
  /**
   * The figures, the assembly and the staleness of the last output in one read of the ledger: each
   * figure of the year is computed once and the assembly reuses it (withFigureMemo).
   */
  'report.overview': method(API_INPUTS['report.overview'], (ctx, i) =>
    ctx.db.transaction(() =>
      withFigureMemo(() => ({
        values: computeAll(ctx.db, i.year),
        assembled: assembleYear(ctx.db, i.year),
        staleness: reportStaleness(ctx.db, i.year),
      })),
    )(),
  ),
  'report.sources': method(API_INPUTS['report.sources'], (ctx, i) => sourcesTable(ctx.db, assembleYear(ctx.db, i.year).uses)),
};
