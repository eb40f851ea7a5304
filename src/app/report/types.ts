/** The core's report types as the report screens use them (types only: nothing of the core is bundled). */
export type { ReportSpec, ReportSettings, SectionSpec, ParagraphSpec, Segment, FigureSegment } from '@rules/report/spec';
export type { ReportDocument, Run, Block } from '@rules/report/document';
export type { Problem } from '@core/report/checks';
export type { FigureUse } from '@core/report/assemble';
export type { FigureDef } from '@rules/figures/types';
export type { FigureResult } from '@core/figures/compute';
export type { DisplayRule } from '@rules/figures/format';
export type { Staleness } from '@core/report/provenance';

export type SpecSource = 'saved' | 'previous' | 'default';
