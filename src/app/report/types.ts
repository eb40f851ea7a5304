/** The core's report types as the report screens use them (types only: nothing of the core is bundled). */
export type { ReportSpec, ReportSettings, SectionSpec, ParagraphSpec, Segment, FigureSegment } from '@rules/report/spec';
export type { ReportDocument, Run, Block } from '@rules/report/document';
export type { Problem } from '@rules/api/report';
export type { FigureUse } from '@rules/api/report';
export type { FigureDef } from '@rules/figures/types';
export type { FigureResult } from '@rules/api/report';
export type { DisplayRule } from '@rules/figures/format';
export type { Staleness } from '@rules/api/report';

export type SpecSource = 'saved' | 'previous' | 'default';

/** The figure or rate chip whose menu is open: where it sits in the spec and on the page. */
export interface ChipTarget {
  paragraphId: string;
  index: number;
  /** The chip's box in page coordinates (the anchor scrolls with the page). */
  rect: { left: number; top: number; width: number; height: number };
}
