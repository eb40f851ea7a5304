/**
 * The one definition of a figure the clerk defines (自定义指标): a zod schema for its shape (the
 * catalogue's FigureDef with an id starting `custom.`) and a check against the ledger kinds
 * (kind, fields, values, aggregates, display rule). The builder UI, the API and the exchange
 * import all use `checkCustomFigure`, so a definition is refused the same way everywhere.
 * Pure: no Node, no DOM.
 */
import { z } from 'zod';
import type { Issue } from '../errors';
import { getKind, isOption } from '../kinds';
import type { FieldDef, KindDef } from '../kinds/types';
import { displayRuleSchema } from '../report/spec';
import type { Condition, FigureDef, Measure, Where } from './types';
import { DISPLAY_RULES } from './format';
import { isRealDate } from '../kinds/validate';
import { safeRecord, textProblem } from '../limits';

/** The report parts a figure may be cited in, as the figure picker groups them. */
const FIGURE_SECTIONS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '二'] as const;

const CUSTOM_PREFIX = 'custom.';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Text the clerk types into a definition: the same character checks as every ledger text. */
const text = (schema: z.ZodString) =>
  schema.superRefine((s, ctx) => {
    const bad = textProblem(s);
    if (bad) ctx.addIssue({ code: 'custom', message: bad });
  });

const scalar = z.union([z.string().max(100), z.number(), z.boolean()]);
const conditionSchema = z.union([
  scalar,
  z
    .array(z.union([z.string().max(100), z.number()]))
    .min(1)
    .max(50),
  z.strictObject({
    notIn: z
      .array(z.union([z.string().max(100), z.number()]))
      .min(1)
      .max(50),
  }),
  z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({
    from: z.string().regex(DATE, '日期格式应为年-月-日').optional(),
    to: z.string().regex(DATE, '日期格式应为年-月-日').optional(),
  }),
  z.strictObject({ contains: text(z.string().trim().min(1, '包含的文字不能为空').max(50)) }),
]);
const whereSchema = safeRecord(z.string().max(50), conditionSchema);

const measureSchema = z.strictObject({
  kind: z.string().max(50),
  where: whereSchema.optional(),
  anyOf: z.array(whereSchema).min(1).max(5).optional(),
  agg: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('count') }),
    z.strictObject({ type: z.literal('sum'), field: z.string().max(50) }),
    z.strictObject({ type: z.literal('distinctTags'), field: z.string().max(50) }),
  ]),
  activeUntil: z.union([z.string().max(50), z.array(z.string().max(50)).min(1).max(3)]).optional(),
  dateBy: z.string().max(50).optional(),
  validAtEnd: z.union([z.string().max(50), z.array(z.string().max(50)).min(1).max(3)]).optional(),
});

export const customFigureSchema = z.strictObject({
  id: z
    .string()
    .max(80)
    .regex(/^custom\.[A-Za-z0-9_-][A-Za-z0-9_.-]*$/, '编号应以“custom.”开头，其后只用字母、数字、点、下划线或连字符'),
  name: text(z.string().trim().min(1, '请填写指标名称').max(40, '名称不能超过40个字')),
  section: z.enum(FIGURE_SECTIONS, '请选择报告中常引用的部分'),
  unit: text(
    z
      .string()
      .max(6, '单位不能超过6个字')
      .regex(/^[^\s\d]*$/, '单位不能含空格或数字'),
  ),
  value: z.union([
    z.strictObject({ type: z.enum(['count', 'sum', 'money']), measure: measureSchema }),
    z.strictObject({ type: z.literal('rate'), numerator: measureSchema, denominator: measureSchema }),
  ]),
  display: displayRuleSchema,
  zeroPhrase: text(z.string().trim().min(1).max(50, '为0时的说法不能超过50个字')).optional(),
});

const isRange = (c: Condition): c is { min?: number; max?: number } =>
  typeof c === 'object' && !Array.isArray(c) && ('min' in c || 'max' in c);
const isDates = (c: Condition): c is { from?: string; to?: string } =>
  typeof c === 'object' && !Array.isArray(c) && ('from' in c || 'to' in c);
const isContains = (c: Condition): c is { contains: string } => typeof c === 'object' && !Array.isArray(c) && 'contains' in c;
const isNotIn = (c: Condition): c is { notIn: readonly (string | number)[] } => typeof c === 'object' && !Array.isArray(c) && 'notIn' in c;
const asList = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

/** Why a condition cannot apply to a field, or null when it can. */
function conditionProblem(f: FieldDef, c: Condition): string | null {
  const values = Array.isArray(c)
    ? (c as readonly (string | number)[])
    : typeof c === 'string' || typeof c === 'number'
      ? [c]
      : isNotIn(c) && (f.type === 'enum' || f.type === 'village')
        ? c.notIn
        : null;
  switch (f.type) {
    case 'enum': {
      if (!values) return `“${f.label}”只能按选项筛选`;
      // Another 乡镇类型's wording of a level option is that option (rules/kinds/level-options.ts).
      const bad = values.find((v) => !f.options?.some((o) => isOption(o, String(v))));
      return bad === undefined ? null : `“${String(bad)}”不是“${f.label}”的选项（可选：${(f.options ?? []).join('、')}）`;
    }
    case 'village':
      return values && values.every((v) => typeof v === 'string' && v.length > 0) ? null : `“${f.label}”应填村（社区）名称`;
    case 'bool':
      return typeof c === 'boolean' ? null : `“${f.label}”只能筛选是或否`;
    case 'int':
    case 'money':
      if (isRange(c)) return c.min !== undefined && c.max !== undefined && c.min > c.max ? `“${f.label}”的最小值大于最大值` : null;
      return values && values.every((v) => typeof v === 'number') ? null : `“${f.label}”应按数值或数值范围筛选`;
    case 'date':
      if (isDates(c)) {
        const wrong = [c.from, c.to].find((d) => d !== undefined && !isRealDate(d));
        if (wrong) return `“${f.label}”的日期“${wrong}”不存在，应为存在的年-月-日（如2023-03-01）`;
        return c.from && c.to && c.from > c.to ? `“${f.label}”的起始日期晚于截止日期` : null;
      }
      return `“${f.label}”应按日期范围筛选`;
    case 'text':
    case 'textarea':
    case 'tags':
      return isContains(c) ? null : `“${f.label}”只能按“包含文字”筛选`;
  }
}

/** Problems of one measure against the kinds, each with the dotted path of its field in the definition. */
function checkMeasure(m: Measure, path: string, kinds: (id: string) => KindDef | undefined): Issue[] {
  const out: Issue[] = [];
  const kind = kinds(m.kind);
  if (!kind) return [{ field: `${path}.kind`, fieldLabel: '台账类型', message: `未知的台账类型“${m.kind}”` }];
  const field = (key: string) => kind.fields.find((f) => f.key === key);
  const checkWhere = (w: Where | undefined, at: string) => {
    for (const [key, c] of Object.entries(w ?? {})) {
      const f = field(key);
      if (!f) out.push({ field: `${at}.${key}`, fieldLabel: key, message: `“${kind.label}”没有字段“${key}”` });
      else {
        const p = conditionProblem(f, c);
        if (p) out.push({ field: `${at}.${key}`, fieldLabel: f.label, message: p });
      }
    }
  };
  checkWhere(m.where, `${path}.where`);
  m.anyOf?.forEach((w, i) => checkWhere(w, `${path}.anyOf.${i}`));
  if (m.agg.type !== 'count') {
    const f = field(m.agg.field);
    const want = m.agg.type === 'sum' ? ['int', 'money'] : ['tags', 'village'];
    if (!m.agg.field)
      out.push({
        field: `${path}.agg.field`,
        fieldLabel: '字段',
        message: m.agg.type === 'sum' ? '请选择要合计的字段' : '请选择要数不同值的字段',
      });
    else if (!f) out.push({ field: `${path}.agg.field`, fieldLabel: m.agg.field, message: `“${kind.label}”没有字段“${m.agg.field}”` });
    else if (!want.includes(f.type)) {
      out.push({
        field: `${path}.agg.field`,
        fieldLabel: f.label,
        message: m.agg.type === 'sum' ? `“${f.label}”不是数值字段，不能求和` : `“${f.label}”不是列表字段，不能数不同值`,
      });
    }
  }
  const dateFieldProblem = (key: string, at: string, what: string) => {
    const f = field(key);
    if (!f || f.type !== 'date') out.push({ field: `${path}.${at}`, fieldLabel: what, message: `“${kind.label}”没有日期字段“${key}”` });
  };
  for (const key of asList(m.activeUntil)) dateFieldProblem(key, 'activeUntil', '有效期截止字段');
  for (const key of asList(m.validAtEnd)) dateFieldProblem(key, 'validAtEnd', '年末仍有效的日期字段');
  if (m.dateBy !== undefined) {
    dateFieldProblem(m.dateBy, 'dateBy', '归入年度的日期');
    if (m.activeUntil !== undefined)
      out.push({ field: `${path}.dateBy`, fieldLabel: '归入年度的日期', message: '按其他日期归入年度时，不能同时按有效期统计' });
  }
  return out;
}

/** Problems of a (shape-valid) definition against the kinds: unknown kind, field or value, wrong aggregate or rule. */
export function checkAgainstKinds(def: FigureDef, kinds: (id: string) => KindDef | undefined = getKind): Issue[] {
  const out: Issue[] = [];
  if (def.value.type === 'rate') {
    out.push(
      ...checkMeasure(def.value.numerator, 'value.numerator', kinds),
      ...checkMeasure(def.value.denominator, 'value.denominator', kinds),
    );
    if (def.unit !== '%') out.push({ field: 'unit', fieldLabel: '单位', message: '比率的单位应为“%”' });
  } else {
    const m = def.value.measure;
    out.push(...checkMeasure(m, 'value.measure', kinds));
    if (def.value.type === 'money' && m.agg.type !== 'sum')
      out.push({ field: 'value.type', fieldLabel: '数值类型', message: '金额只能由金额字段求和得到' });
    if (def.value.type === 'count' && m.agg.type === 'sum')
      out.push({ field: 'value.type', fieldLabel: '数值类型', message: '求和的指标类型应为“合计”' });
    if (def.value.type === 'sum' && m.agg.type === 'count')
      out.push({ field: 'value.type', fieldLabel: '数值类型', message: '计数的指标类型应为“计数”' });
    if (def.value.type !== 'money' && !def.unit)
      out.push({ field: 'unit', fieldLabel: '单位', message: '请填写单位（量词），如次、件、人次' });
    if (def.unit === '%' || def.unit === '％') out.push({ field: 'unit', fieldLabel: '单位', message: '只有比率的单位可以是“%”' });
  }
  if (!DISPLAY_RULES[def.value.type].includes(def.display.type))
    out.push({ field: 'display', fieldLabel: '显示方式', message: '显示方式不适用于这类指标' });
  return out;
}

const LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  section: '所在部分',
  unit: '单位',
  value: '取数方式',
  display: '显示方式',
  zeroPhrase: '为0时的说法',
};

/**
 * Checks an untrusted definition completely: its shape, then against the kinds. Returns the
 * definition (with keys in a canonical form) or every problem, by field.
 */
export function checkCustomFigure(
  raw: unknown,
  kinds: (id: string) => KindDef | undefined = getKind,
): { def?: FigureDef; issues: Issue[] } {
  const parsed = customFigureSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((i) => {
        const field = i.path.map(String).join('.');
        return { field: field || undefined, fieldLabel: LABELS[String(i.path[0])] ?? (field || undefined), message: i.message };
      }),
    };
  }
  const def = parsed.data as FigureDef;
  const issues = checkAgainstKinds(def, kinds);
  return issues.length ? { issues } : { def, issues };
}

export const isCustomId = (id: string) => id.startsWith(CUSTOM_PREFIX);
