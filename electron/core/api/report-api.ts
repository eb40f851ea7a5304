/** API methods of the yearly report: figures, their traces, the editable spec, assembly and provenance. */
import { z } from 'zod';
import { method } from './define';
import { FIGURES } from '@rules/figures/catalogue';
import { computeAll, traceFigure } from '../figures/compute';
import { requireFigure } from '../figures/compute';
import { assembleYear } from '../report/assemble';
import { getReportSpec, resetReportSpec, saveReportSpec } from '../report/store';
import { recordOutput, reportStaleness, sourcesTable } from '../report/provenance';
import { yearSchema } from '@rules/limits';
import type { ReportSpecInput } from '@rules/report/spec';

const year = yearSchema;

export const reportApi = {
  'figures.catalogue': method(z.object({}), () => FIGURES),
  'figures.list': method(z.object({ year }), (ctx, i) => computeAll(ctx.db, i.year)),
  'figures.trace': method(z.object({ year, figureId: z.string().max(100), sinceYear: year.optional() }), (ctx, i) => {
    requireFigure(i.figureId);
    return traceFigure(ctx.db, i.figureId, { from: i.sinceYear ?? i.year, to: i.year });
  }),
  'report.get': method(z.object({ year }), (ctx, i) => getReportSpec(ctx.db, i.year)),
  // The spec is checked inside saveReportSpec (messages naming the report's own fields); here it is typed.
  'report.save': method(z.object({ year, spec: z.custom<ReportSpecInput>() }), (ctx, i) => saveReportSpec(ctx.db, i.year, i.spec)),
  'report.reset': method(z.object({ year }), (ctx, i) => resetReportSpec(ctx.db, i.year)),
  'report.assemble': method(z.object({ year }), (ctx, i) => assembleYear(ctx.db, i.year)),
  'report.recordOutput': method(z.object({ year, format: z.enum(['print', 'pdf', 'docx', 'html']) }), (ctx, i) =>
    recordOutput(ctx.db, i.year, i.format, assembleYear(ctx.db, i.year).uses),
  ),
  'report.staleness': method(z.object({ year }), (ctx, i) => reportStaleness(ctx.db, i.year)),
  'report.sources': method(z.object({ year }), (ctx, i) => sourcesTable(ctx.db, assembleYear(ctx.db, i.year).uses)),
};
