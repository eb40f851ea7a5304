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
import { planSheet, type MappingOverrides, type SheetPlan } from './map';
import { isBlank, parseCell } from './parse';
import type { SheetData, SheetRow } from './read';
import type { ImportProblem, ImportRow, SheetPreview, ImportPreview } from '@rules/api/excel';

export interface ImportOptions {
  /** The year for dates typed without one (3月5日). */
  year?: number;
  /** Read every sheet as this kind (the kind page's 导入Excel, `--kind`). */
  kind?: string;
  overrides?: MappingOverrides;
}

/** 合计, 总计(12条), 小计： …, in one of the row's first cells. */
const TOTALS = /^(合计|总计|小计|共计|累计|total)(\(.*\))?[:：]?$/;
const isTotalsRow = (r: SheetRow) =>
  r.cells
    .filter((c) => !isBlank(c))
    .slice(0, 3)
    .some((c) => typeof c === 'string' && TOTALS.test(fold(c)));

/** A year named in the sheet's name or its title rows (「2023年会议台账」), for dates typed without one. */
function yearHint(sheet: SheetData, headerRow: number): number | undefined {
  const texts = [sheet.name, ...sheet.rows.filter((r) => r.n < headerRow).flatMap((r) => r.cells.filter((c) => typeof c === 'string'))];
  for (const t of texts) {
    const m = /((?:19|20)\d{2})\s*年/.exec(String(t).normalize('NFKC')) ?? /^((?:19|20)\d{2})$/.exec(String(t).trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Live records of a kind by date and folded title, for spotting rows already in the ledger. */
function existingIndex(db: Db, kind: KindDef): Map<string, { id: string; date: string; title: string }> {
  const rows = db
    .prepare(`SELECT id, date, json_extract(data, '$.${kind.titleField}') AS title FROM records WHERE kind = ? AND deleted_at IS NULL`)
    .all(kind.id) as { id: string; date: string; title: string | null }[];
  return new Map(rows.map((r) => [`${r.date}|${fold(r.title ?? '')}`, { id: r.id, date: r.date, title: r.title ?? '' }]));
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
    headerRow: plan.headerRow,
    columns: plan.columns,
    fields: kind ? kind.fields.filter((f) => !f.managed).map((f) => ({ key: f.key, label: f.label, required: !!f.required })) : [],
    rows: [],
    skipped: 0,
    problems: [],
    shapeKey: plan.shapeKey,
  };
  if (!kind) return base;
  const problems = base.problems;
  const problem = (row: number, col: string, header: string, message: string, level: ImportProblem['level'] = 'error') =>
    problems.push({ sheet: sheet.name, row, col, header, message, level });

  const byField = new Map<string, { col: string; header: string; index: number }>();
  plan.columns.forEach((c, index) => {
    if (c.field && !byField.has(c.field)) byField.set(c.field, { col: c.col, header: c.header, index });
  });
  const mapped = [...byField.entries()].map(([key, c]) => ({ f: kind.fields.find((x) => x.key === key)!, ...c }));
  // A required field with no column fails every row the same way: said once, on the header row.
  const missing = new Set<string>();
  for (const f of kind.fields) {
    if (f.required && !f.managed && !byField.has(f.key)) {
      missing.add(f.key);
      problem(plan.headerRow, '', f.label, `找不到必填列“${f.label}”，请在预览中为它指定一列`);
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

  const year = opts.year ?? yearHint(sheet, plan.headerRow);
  const existing = existingIndex(db, kind);
  const fieldCol = (key: string) => byField.get(key);

  for (const r of sheet.rows) {
    if (r.n <= plan.headerRow) continue;
    if (mapped.every((m) => isBlank(r.cells[m.index] ?? null)) || isTotalsRow(r)) {
      base.skipped++;
      continue;
    }
    const data: RecordData = {};
    const bad = new Set<string>();
    let errors = 0;
    for (const m of mapped) {
      const v = r.cells[m.index] ?? null;
      if (isBlank(v)) continue;
      const p = parseCell(m.f, v, year);
      if ('error' in p) {
        bad.add(m.f.key);
        errors++;
        problem(r.n, m.col, m.header, p.error);
      } else {
        data[m.f.key] = p.value;
        if (p.warning) problem(r.n, m.col, m.header, p.warning, 'warning');
      }
    }
    const v = validateRecord(kind, data, { villages });
    for (const i of v.issues) {
      const key = i.field ?? '';
      if (bad.has(key) || missing.has(key)) continue;
      const c = fieldCol(key);
      const f: FieldDef | undefined = kind.fields.find((x) => x.key === key);
      errors++;
      problem(r.n, c?.col ?? '', c?.header ?? f?.label ?? key, i.message);
    }
    if (missing.size) errors++;
    const title = typeof v.data[kind.titleField] === 'string' ? (v.data[kind.titleField] as string) : '';
    const date = v.data[kind.dateField] as string | undefined;
    const dup = date ? existing.get(`${date}|${fold(title)}`) : undefined;
    base.rows.push({
      key: `${sheet.name}!${r.n}`,
      row: r.n,
      data: errors ? data : v.data,
      ok: errors === 0,
      ...(dup ? { duplicateOf: dup } : {}),
    });
  }
  return base;
}

/** Sheets the preview leaves out entirely (no kind found) are listed with a warning, never silently. */
export function buildPreview(db: Db, sheets: SheetData[], opts: ImportOptions = {}): ImportPreview {
  const only = opts.kind ? KINDS.find((k) => k.id === opts.kind) : undefined;
  const { villages, townType } = getSettings(db);
  const out: SheetPreview[] = [];
  for (const sheet of sheets) {
    const plan = planSheet(db, sheet, opts.overrides?.[sheet.name], only);
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
    if (!plan.kind && sheet.rows.length && plan.kindFrom !== 'choice' && !['说明', '汇总'].includes(sheet.name.trim())) {
      p.problems.push({
        sheet: sheet.name,
        row: sheet.rows[0].n,
        col: '',
        header: '',
        message: only ? `看不出是“${only.label}”的表格，已跳过` : '看不出是哪类台账，已跳过（可在预览中选择台账类型）',
        level: 'warning',
      });
    }
    out.push(p);
  }
  const rows = out.flatMap((s) => s.rows);
  return {
    sheets: out,
    counts: {
      rows: rows.length,
      valid: rows.filter((r) => r.ok && !r.duplicateOf).length,
      bad: rows.filter((r) => !r.ok).length,
      duplicates: rows.filter((r) => r.ok && r.duplicateOf).length,
      problems: out.reduce((n, s) => n + s.problems.filter((p) => p.level === 'error').length, 0),
    },
  };
}

/** A problem as the CLI prints it: 工作表「会议」第5行 C列（会议日期）：日期不存在（“2023-02-30”）. */
export function formatProblem(p: ImportProblem): string {
  return `工作表「${p.sheet}」第${p.row}行 ${p.col || '—'}列（${p.header}）：${p.message}`;
}

export type { ImportProblem, ImportRow, SheetPreview, ImportPreview };
