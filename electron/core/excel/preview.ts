/**
 * The import preview: per sheet, the rows that would be added, every problem (sheet, row as Excel
 * shows it, column letter, header, Chinese message) and the rows that look like records already
 * in the ledger (same kind, date and title), which are skipped unless the clerk ticks them.
 * Nothing here writes; commit.ts runs the same preview inside its transaction.
 */
import type { Db } from '../db/open';
import { KINDS, kindForLevel, type FieldDef, type KindDef, type RecordData } from '@rules/kinds';
import type { TownType } from '@rules/town-type';
import { validateRecord } from '@rules/kinds/validate';
import { getSettings } from '../ledger/settings';
import { fold } from './fold';
import { planSheet, type MappingOverrides, type PlanDefaults, type SheetPlan } from './map';
import { isBlank, parseCell, type CellValue } from './parse';
import { NOT_DATA_SHEETS, type SheetData, type SheetRow } from './read';
import { listValues } from './sheet';
import type { ImportProblem, ImportRow, SheetPreview, ImportPreview, SheetTally } from '@rules/api/excel';

export interface ImportOptions extends PlanDefaults {
  /** The working year: dates typed without one (3月5日) take it, rows dated in another are set apart. */
  year?: number;
  /** Read every sheet as this kind (the kind page's 导入Excel, `--kind`). */
  kind?: string;
  overrides?: MappingOverrides;
}

/** 合计, 总计(12条), 小计： …, in one of the row's first cells. */
const TOTALS = /^(合计|总计|小计|共计|累计|total)(\(.*\))?[:：]?$/;
/** Cheap test first: every totals word has one of these characters (folding each cell of 10,000 rows is not free). */
const MAYBE_TOTALS = /[计TtＴｔ]/;
function hasTotalsWord(r: SheetRow): boolean {
  let seen = 0;
  for (const c of r.cells) {
    if (isBlank(c)) continue;
    if (typeof c === 'string' && MAYBE_TOTALS.test(c) && TOTALS.test(fold(c))) return true;
    if (++seen === 3) return false;
  }
  return false;
}

/** A year named in the sheet's name or its title rows (「2023年会议台账」), for dates typed without one. */
function yearHint(sheet: SheetData, headerRow: number): number | undefined {
  const texts = [sheet.name, ...sheet.rows.filter((r) => r.n < headerRow).flatMap((r) => r.cells.filter((c) => typeof c === 'string'))];
  for (const t of texts) {
    const m = /((?:19|20)\d{2})\s*年/.exec(String(t).normalize('NFKC')) ?? /^((?:19|20)\d{2})$/.exec(String(t).trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Live records of a kind by date and folded title, for spotting rows already in the ledger: one query per sheet. */
function existingIndex(db: Db, kind: KindDef): Map<string, { id: string; date: string; title: string }> {
  const rows = db
    .prepare(`SELECT id, date, json_extract(data, '$.${kind.titleField}') AS title FROM records WHERE kind = ? AND deleted_at IS NULL`)
    .all(kind.id) as { id: string; date: string; title: string | null }[];
  return new Map(rows.map((r) => [`${r.date}|${fold(r.title ?? '')}`, { id: r.id, date: r.date, title: r.title ?? '' }]));
}

/** The values a field allows, when it has a list: what the clerk may choose for "the same value for every row". */
function allowedValues(f: FieldDef, villages: readonly string[]): string[] | undefined {
  const list = listValues(f, villages);
  return list ? [...list] : undefined;
}

/** A cell's text as the clerk sees it, the key an accepted suggestion is stored under. */
const cellKey = (v: CellValue): string => (v instanceof Date ? '' : String(v ?? '').trim());

/** A sheet's cells with the suggestions the clerk accepted: one cell by its address, or every cell of a column with that text. */
export function cellReader(opts: ImportOptions, sheet: string): (r: SheetRow, m: { col: string; index: number }) => CellValue {
  const replace = opts.overrides?.[sheet]?.replace ?? {};
  const fixed = opts.overrides?.[sheet]?.cells ?? {};
  if (!Object.keys(replace).length && !Object.keys(fixed).length) return (r, m) => r.cells[m.index] ?? null;
  return (r, m) => {
    const v = r.cells[m.index] ?? null;
    const addr = `${m.col}${r.n}`;
    if (addr in fixed) return fixed[addr];
    const to = replace[m.col]?.[cellKey(v)];
    return to === undefined ? v : to;
  };
}

function emptyTally(): SheetTally {
  return { rows: 0, above: 0, hidden: 0, blank: 0, totals: 0, ready: 0, duplicates: 0, otherYear: 0, refused: 0 };
}

function previewSheet(
  db: Db,
  sheet: SheetData,
  plan: SheetPlan,
  opts: ImportOptions,
  villages: readonly string[],
  townType: TownType,
): SheetPreview {
  // Cells are read against the ledger's level wording; another level's spelling is taken as it.
  const kind = plan.kind && kindForLevel(plan.kind, townType);
  const base: SheetPreview = {
    sheet: sheet.name,
    kind: kind?.id ?? null,
    kindLabel: kind?.label ?? null,
    kindFrom: plan.kindFrom,
    dateField: kind?.dateField ?? null,
    titleField: kind?.titleField ?? null,
    headerRow: plan.headerRow,
    detectedHeaderRow: plan.detectedHeaderRow,
    headerChoices: plan.headerChoices,
    columns: plan.columns,
    fields: kind
      ? kind.fields
          .filter((f) => !f.managed)
          .map((f) => {
            const options = allowedValues(f, villages);
            return { key: f.key, label: f.label, required: !!f.required, ...(options ? { options } : {}) };
          })
      : [],
    values: plan.values,
    rows: [],
    skipped: 0,
    tally: emptyTally(),
    problems: [],
    shapeKey: plan.shapeKey,
  };
  if (!kind) return base;
  const problems = base.problems;
  const problem = (row: number, col: string, header: string, message: string, level: ImportProblem['level'] = 'error', extra = {}) =>
    problems.push({ sheet: sheet.name, row, col, header, message, level, ...extra });

  const byField = new Map<string, { col: string; header: string; index: number }>();
  plan.columns.forEach((c, index) => {
    if (c.field && !byField.has(c.field)) byField.set(c.field, { col: c.col, header: c.header, index });
  });
  const mapped = [...byField.entries()].map(([key, c]) => ({ f: kind.fields.find((x) => x.key === key)!, ...c }));
  const year = opts.year ?? yearHint(sheet, plan.headerRow);

  // Fields filled with one value for every row: parsed once, a bad value said once, on the header row.
  const constant: RecordData = {};
  const missing = new Set<string>();
  for (const [key, text] of Object.entries(plan.values)) {
    const f = kind.fields.find((x) => x.key === key)!;
    if (!text.trim()) continue;
    const p = parseCell(f, text, year);
    if ('error' in p) {
      missing.add(key);
      problem(plan.headerRow, '', f.label, `为所有行填写的“${f.label}”：${p.error}`);
    } else constant[key] = p.value;
  }
  for (const name of plan.unknownSet) {
    problem(
      plan.headerRow,
      '',
      name,
      `“${name}”不是“${kind.label}”的字段，未填写（可填：${base.fields.map((f) => f.label).join('、')}）`,
      'warning',
    );
  }
  // A required field with no column fails every row the same way: said once, on the header row.
  for (const f of kind.fields) {
    if (f.required && !f.managed && !byField.has(f.key) && !(f.key in constant)) {
      missing.add(f.key);
      if (!(f.key in plan.values))
        problem(plan.headerRow, '', f.label, `找不到必填列“${f.label}”，请在预览中为它指定一列，或为所有行填写同一个值`);
    }
  }
  const managedCols = plan.columns.filter(
    (c) => c.header && !c.field && kind.fields.some((f) => f.managed && fold(f.label) === fold(c.header)),
  );
  if (managedCols.length) {
    problem(
      plan.headerRow,
      managedCols[0].col,
      managedCols[0].header,
      `${managedCols.map((c) => `“${c.header}”`).join('、')}由程序管理，不导入（导入的文件按登记日期重新编号，环节为“起草”）`,
      'warning',
    );
  }

  const existing = existingIndex(db, kind);
  const cellOf = cellReader(opts, sheet.name);
  const dateCol = byField.get(kind.dateField);
  const tally = base.tally;
  const hidden = new Set(sheet.hiddenRows ?? []);
  const last = Math.max(0, ...sheet.rows.map((r) => r.n), ...hidden);
  tally.rows = last;
  tally.above = Math.min(plan.headerRow, last);
  tally.hidden = [...hidden].filter((n) => n > plan.headerRow).length;

  const dateDef = kind.fields.find((f) => f.key === kind.dateField)!;
  const hasDate = (r: SheetRow) => {
    const v = dateCol ? cellOf(r, dateCol) : null;
    return !isBlank(v) && !('error' in parseCell(dateDef, v, year));
  };
  for (const r of sheet.rows) {
    if (r.n <= plan.headerRow) continue;
    const cell = (m: { col: string; index: number }) => cellOf(r, m);
    // Blank, or text only in columns not imported (a pre-filled 序号): counted with the blank rows
    // below. With no column read at all, a row with any text is a data row, refused for its columns.
    if (mapped.length ? mapped.every((m) => isBlank(cell(m))) : r.cells.every(isBlank)) continue;
    // A totals row names itself in its first cells and has no date of its own: a data row whose
    // text happens to say 合计 is still a data row.
    if (hasTotalsWord(r) && !hasDate(r)) {
      tally.totals++;
      continue;
    }
    const data: RecordData = { ...constant };
    const bad = new Set<string>();
    let errors = 0;
    for (const m of mapped) {
      const v = cell(m);
      if (isBlank(v)) continue;
      const p = parseCell(m.f, v, year);
      if ('error' in p) {
        bad.add(m.f.key);
        errors++;
        problem(r.n, m.col, m.header, p.error, 'error', p.suggestion ? { value: cellKey(v), suggestion: p.suggestion } : {});
      } else {
        data[m.f.key] = p.value;
        if (p.warning) problem(r.n, m.col, m.header, p.warning, 'warning');
      }
    }
    const v = validateRecord(kind, data, { villages });
    for (const i of v.issues) {
      const key = i.field ?? '';
      if (bad.has(key) || missing.has(key)) continue;
      const c = byField.get(key);
      const f: FieldDef | undefined = kind.fields.find((x) => x.key === key);
      errors++;
      problem(r.n, c?.col ?? '', c?.header ?? f?.label ?? key, i.message);
    }
    if (missing.size) errors++;
    const title = typeof v.data[kind.titleField] === 'string' ? (v.data[kind.titleField] as string) : '';
    const date = v.data[kind.dateField] as string | undefined;
    const dup = date && existing.size ? existing.get(`${date}|${fold(title)}`) : undefined;
    const dateYear = date ? Number(date.slice(0, 4)) : undefined;
    const otherYear = !errors && opts.year && dateYear && dateYear !== opts.year ? dateYear : undefined;
    if (errors) tally.refused++;
    else if (otherYear) tally.otherYear++;
    else if (dup) tally.duplicates++;
    else tally.ready++;
    base.rows.push({
      key: `${sheet.name}!${r.n}`,
      row: r.n,
      data: errors ? data : v.data,
      ok: errors === 0,
      ...(dup ? { duplicateOf: dup } : {}),
      ...(otherYear ? { otherYear } : {}),
    });
  }
  tally.blank = tally.rows - tally.above - tally.hidden - tally.totals - base.rows.length;
  base.skipped = tally.blank + tally.totals;
  return base;
}

/** Sheets the preview leaves out entirely (no kind found) are listed with a warning, never silently. */
export function buildPreview(db: Db, sheets: SheetData[], opts: ImportOptions = {}): ImportPreview {
  const only = opts.kind ? KINDS.find((k) => k.id === opts.kind) : undefined;
  const { villages, townType } = getSettings(db);
  const out: SheetPreview[] = [];
  for (const sheet of sheets) {
    const plan = planSheet(db, sheet, opts.overrides?.[sheet.name], only, opts);
    const p = previewSheet(db, sheet, plan, opts, villages, townType);
    const note = (row: number, message: string) =>
      p.problems.push({ sheet: sheet.name, row, col: '', header: '', message, level: 'warning' });
    // What the clerk cannot see in Excel is not imported, and the preview says so.
    if (sheet.hidden) note(1, '这是隐藏的工作表，未导入（如需导入，请在Excel中取消隐藏）');
    if (sheet.hiddenRows?.length) {
      const rows = sheet.hiddenRows;
      note(
        rows[0],
        `第${rows.slice(0, 10).join('、')}${rows.length > 10 ? `等${rows.length}` : ''}行是隐藏行，未导入（如需导入，请在Excel中取消隐藏）`,
      );
    }
    if (sheet.hiddenCols?.length) note(1, `${sheet.hiddenCols.join('、')}列是隐藏列，未导入（如需导入，请在Excel中取消隐藏）`);
    if (!plan.kind && sheet.rows.length && plan.kindFrom !== 'choice' && !NOT_DATA_SHEETS.has(sheet.name.trim())) {
      note(
        sheet.rows[0].n,
        only && plan.otherKind
          ? `看起来是“${plan.otherKind.label}”的表格，不按“${only.label}”导入，已跳过（可在预览中改选台账类型）`
          : '看不出是哪类台账，已跳过（可在预览中选择台账类型）',
      );
    }
    out.push(p);
  }
  const rows = out.flatMap((s) => s.rows);
  return {
    sheets: out,
    ...(opts.year ? { year: opts.year } : {}),
    counts: {
      rows: rows.length,
      valid: rows.filter((r) => r.ok && !r.duplicateOf && !r.otherYear).length,
      bad: rows.filter((r) => !r.ok).length,
      duplicates: rows.filter((r) => r.ok && r.duplicateOf && !r.otherYear).length,
      otherYear: rows.filter((r) => r.otherYear).length,
      problems: out.reduce((n, s) => n + s.problems.filter((p) => p.level === 'error').length, 0),
    },
  };
}

/** A problem as the CLI prints it: 工作表「会议」第5行 C列（会议日期）：日期不存在（“2023-02-30”）. */
export function formatProblem(p: ImportProblem): string {
  return `工作表「${p.sheet}」第${p.row}行 ${p.col || '—'}列（${p.header}）：${p.message}`;
}

export type { ImportProblem, ImportRow, SheetPreview, ImportPreview };
