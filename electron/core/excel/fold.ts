/**
 * How the import compares what a clerk typed with what the kinds declare: headers, sheet names
 * and enumerated values are folded (NFKC turns full-width letters, digits and brackets into
 * half-width; blanks and case are ignored) before any comparison.
 */
import { KINDS, type FieldDef, type KindDef } from '@rules/kinds';

export const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();

/** Words a clerk's sheet name adds around the kind's label: 2023年会议台账, 矛盾纠纷登记表 (a year, not the digits of 12345). */
const SHEET_NOISE =
  /((?<!\d)(?:19|20)\d{2}(?!\d)年?度?|台账|登记表|登记簿|统计表|一览表|汇总表|记录表|明细表|记录|明细|年份|年度|工作|情况|表)/g;

const foldSheetName = (name: string): string => fold(name).replace(SHEET_NOISE, '');

const kindNames = (k: KindDef) => [k.label, ...(k.aliases ?? [])].map(foldSheetName);

/** The kind a sheet name names, or undefined: exact first, then a name that contains a label. */
export function kindForSheetName(name: string): KindDef | undefined {
  const n = foldSheetName(name);
  if (!n) return undefined;
  const exact = KINDS.find((k) => kindNames(k).includes(n));
  if (exact) return exact;
  // The longest contained name wins, so 行政执法人员 is 执法人员, not 行政执法.
  let best: { kind: KindDef; len: number } | undefined;
  for (const k of KINDS) {
    for (const label of kindNames(k)) {
      if (label.length >= 2 && n.includes(label) && (!best || label.length > best.len)) best = { kind: k, len: label.length };
    }
  }
  return best?.kind;
}

/** Header text → field of the kind: the label, then the declared synonyms; managed fields never. */
export function fieldForHeader(kind: KindDef, header: string, taken: ReadonlySet<string> = new Set()): FieldDef | undefined {
  // A trailing unit is dropped: the common ones, or any unit the kind's own fields declare (本, 条, 块…).
  const units = new Set(kind.fields.flatMap((f) => (f.unit ? [fold(f.unit)] : [])));
  const h = fold(header)
    .replace(/[*＊]/g, '')
    .replace(/[(（]([^)）]*)[)）]$/, (m, inner: string) => (/[人元个件张次份学时]|必填/.test(m) || units.has(inner) ? '' : m));
  if (!h) return undefined;
  const free = kind.fields.filter((f) => !taken.has(f.key));
  return free.find((f) => fold(f.label) === h) ?? free.find((f) => (f.aliases ?? []).some((a) => fold(a) === h));
}

/** Levenshtein distance on code points, for naming the closest allowed value. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** The allowed value nearest to what was typed, when one is near enough to be a slip. */
export function closest(value: string, options: readonly string[]): string | undefined {
  const v = fold(value);
  let best: { o: string; d: number } | undefined;
  for (const o of options) {
    const fo = fold(o);
    const d = fo.includes(v) || v.includes(fo) ? 0.5 : distance(v, fo);
    if (!best || d < best.d) best = { o, d };
  }
  return best && best.d <= Math.max(1, Math.ceil([...v].length / 2)) ? best.o : undefined;
}
