/** The core's report types as the report screens use them (types only: nothing of the core is bundled). */
export type { ReportSpec, ReportSettings, SectionSpec, ParagraphSpec, Segment, FigureSegment } from '../../../electron/core/report/spec';
export type { ReportDocument, Run, Block } from '../../../electron/core/report/document';
export type { Problem } from '../../../electron/core/report/checks';
export type { FigureUse } from '../../../electron/core/report/assemble';
export type { FigureDef } from '../../../electron/core/figures/types';
export type { FigureResult } from '../../../electron/core/figures/compute';
export type { DisplayRule } from '../../../electron/core/figures/format';
export type { Staleness } from '../../../electron/core/report/provenance';

export type SpecSource = 'saved' | 'previous' | 'default';
