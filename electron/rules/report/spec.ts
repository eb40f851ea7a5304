/**
 * A year's report as the clerk edits it: settings plus an outline whose paragraphs mix text
 * with figure placeholders. Stored per year (table `reports`); assembly resolves it into a
 * ReportDocument. Text may use the tokens {年度}, {上年度}, {下年度}, {乡镇} so that a copy
 * made for a new year reads right without retyping.
 */
import { z } from 'zod';
import { yearSchema } from '../limits';

const text = (max: number) => z.string().max(max, `不能超过${max}个字`);

export const displayRuleSchema = z.union([
  z.object({ type: z.literal('exact') }),
  z.object({
    type: z.literal('approx'),
    granularity: z.union([z.literal(10), z.literal(100), z.literal(1000), z.literal(10000)]).optional(),
    hanzi: z.boolean().optional(),
  }),
  z.object({ type: z.literal('near'), hanzi: z.boolean().optional() }),
  z.object({ type: z.literal('wan'), decimals: z.int().min(0).max(6).optional(), alwaysWan: z.boolean().optional() }),
  z.object({ type: z.literal('percent'), decimals: z.int().min(0).max(4).optional() }),
  z.object({ type: z.literal('atLeast'), step: z.union([z.literal(1), z.literal(5), z.literal(10)]).optional() }),
]);

const segmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: text(5000) }),
  z.object({
    type: z.literal('figure'),
    figureId: z.string().max(100),
    /** Overrides the figure's display rule for this use. */
    rule: displayRuleSchema.optional(),
    /** Overrides the figure's 量词 for this use, as reports do (43份, 136件次, 50名, 4场). */
    unit: z
      .string()
      .trim()
      .min(1)
      .max(6)
      .regex(/^[^\s\d]+$/, '单位不能含空格或数字')
      .optional(),
    /** First year of a “自YYYY年以来” period; the report year alone when absent. */
    sinceYear: yearSchema.optional(),
    /** Show the change against the previous year instead of the value. */
    change: z.boolean().optional(),
    /** Words around the value, {值} standing for it: e.g. “制定行政规范性文件{值}”. */
    template: text(200).optional(),
    /**
     * Replaces the whole placeholder (template included) when there is nothing to report: a count
     * or sum of 0, a rate with nothing to divide by (no exam held). A real 0% is still printed.
     */
    zeroText: text(200).optional(),
    /** A value the clerk typed in deliberately; it is marked as manual everywhere. */
    manual: z.string().max(50).optional(),
  }),
  /** Several rates read together: equal ones as “参考率、合格率均达到100%”. */
  z.object({
    type: z.literal('rates'),
    items: z
      .array(z.object({ figureId: z.string().max(100), label: text(20) }))
      .min(1)
      .max(5),
    /** Equal rates read “均达到100%” (default) or “均为100%”. */
    verb: z.enum(['达到', '为']).optional(),
    /** Words around the group, {值} standing for it, as for one figure. */
    template: text(200).optional(),
    /** Replaces the group (template included) when none of its rates has anything to divide by. */
    zeroText: text(200).optional(),
  }),
]);

const paragraphSchema = z.object({ id: z.string().max(50), segments: z.array(segmentSchema).max(500) });

export interface SectionSpec {
  id: string;
  heading: string;
  /** Level-2 headings may run in: 楷体 heading and body in one paragraph. */
  runIn?: boolean;
  paragraphs: z.infer<typeof paragraphSchema>[];
  children?: SectionSpec[];
}

const sectionSchema: z.ZodType<SectionSpec> = z.lazy(() =>
  z.object({
    id: z.string().max(50),
    heading: text(200),
    runIn: z.boolean().optional(),
    paragraphs: z.array(paragraphSchema).max(200),
    children: z.array(sectionSchema).max(30).optional(),
  }),
);

const reportSettingsSchema = z.object({
  /** 发文字号 parts: 代字〔年〕序号. */
  docCode: text(20),
  docYear: yearSchema,
  docSeq: z.int().min(1).max(9999),
  issuers: z.enum(['joint', 'party', 'gov']),
  /** Title lines as broken by the clerk; empty = automatic. */
  titleLines: z.array(text(40)).max(6),
  recipients: text(100),
  signers: z.array(text(20)).max(4),
  signDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式应为年-月-日'),
  disclosure: z.enum(['主动公开', '依申请公开', '不予公开']),
  headerMode: z.enum(['red', 'blank', 'none']),
  signatureLayout: z.enum(['sealed', 'unsealed']),
  closing: text(20),
  cc: text(200),
  imprint: z.boolean(),
  issuer: text(50),
  issueDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, '印发日期格式应为年-月-日'),
});

export const reportSpecSchema = z.object({
  settings: reportSettingsSchema,
  opening: z.array(paragraphSchema).max(20),
  sections: z.array(sectionSchema).max(10),
});

export type ReportSpec = z.infer<typeof reportSpecSchema>;
export type ReportSpecInput = z.input<typeof reportSpecSchema>;
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
export type Segment = z.infer<typeof segmentSchema>;
export type FigureSegment = Extract<Segment, { type: 'figure' }>;
export type ParagraphSpec = z.infer<typeof paragraphSchema>;
