/**
 * Validates one record against its kind definition and returns the normalised data or every
 * problem, each naming the field in Chinese. Empty values are dropped so stored JSON stays minimal
 * and exports stay deterministic.
 */
import type { Issue } from '../errors';
import type { FieldDef, KindDef, RecordData, Rule } from './types';
import { isEmpty, isLedgerYear, textProblem, tooLong } from '../limits';
import { isOption } from './level-options';

interface ValidateOptions {
  /** The settings' 村/社区 list; when empty any short text is accepted. */
  villages?: readonly string[];
  /** Managed fields (lifecycle, numbers) may only be written by the app itself. */
  allowManaged?: boolean;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date per call: a backup's check runs this for every one of its records. */
export function isRealDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isLedgerYear(y) || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]);
}

/** A value from outside, fit to quote in a message: at most `max` characters, controls shown as �. */
export function clip(v: unknown, max = 40): string {
  const s = typeof v === 'string' ? v : String(v);
  const chars = [...s.slice(0, max * 2 + 2)].slice(0, max + 1);
  const shown = chars
    .slice(0, max)
    .join('')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu, '\ufffd');
  return chars.length > max ? `${shown}…` : shown;
}

/** Numbers typed as text: plain decimals only, never "0x10" (which Number() reads as 16), "1e3" or "Infinity". */
const DECIMAL_TEXT = /^-?\d{1,15}(\.\d+)?$/;
/** Numbers come as numbers, or as plain decimal text from a form or a spreadsheet. */
function toNumber(v: unknown, pattern: RegExp): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return pattern.test(s) ? Number(s) : NaN;
}
/** Counts above this are typing errors (and past 2^53 they are not exact): no field needs more. */
const DEFAULT_INT_MAX = 1_000_000_000;

/** Checks one value; returns the normalised value or a Chinese message (the choice fields say it as the clerk leaves them). */
export function checkValue(f: FieldDef, v: unknown, opts: ValidateOptions): { value?: unknown; error?: string } {
  switch (f.type) {
    case 'text':
    case 'textarea': {
      if (typeof v !== 'string') return { error: '应为文字' };
      const s = v.trim();
      const long = tooLong(f, s);
      if (long) return { error: long };
      if (f.type === 'text' && /[\r\n]/.test(s)) return { error: '不能换行' };
      const bad = textProblem(s, true);
      if (bad) return { error: bad };
      return { value: s };
    }
    case 'date': {
      if (typeof v !== 'string') return { error: '应为日期（如2023-03-15）' };
      const s = v.trim();
      if (!DATE_RE.test(s)) return { error: `日期格式应为“年-月-日”，如2023-03-15（现为“${clip(s, 20)}”）` };
      if (!isRealDate(s)) return { error: `日期不存在（${s}）` };
      return { value: s };
    }
    case 'int': {
      const n = toNumber(v, DECIMAL_TEXT);
      if (typeof n !== 'number' || !Number.isFinite(n)) return { error: '应为数字' };
      if (!Number.isInteger(n)) return { error: '应为整数' };
      const min = f.min ?? 0;
      if (n < min) return { error: min === 0 ? '不能为负数' : `不能小于${min}` };
      const max = f.max ?? DEFAULT_INT_MAX;
      if (n > max) return { error: `不能大于${max}` };
      return { value: n };
    }
    case 'money': {
      const n = toNumber(v, DECIMAL_TEXT);
      if (typeof n !== 'number' || !Number.isFinite(n)) return { error: '应为金额（元）' };
      if (n < 0) return { error: '金额不能为负数' };
      if (n > 1e11) return { error: '金额过大' };
      if (Math.round(n * 100) !== Number((n * 100).toFixed(6))) return { error: '金额最多保留两位小数（分）' };
      return { value: n };
    }
    case 'enum': {
      // Another level's spelling is taken as the ledger's own (kindForLevel's aliases); against a
      // definition not worded for a level, any level's spelling of a level option stands as given.
      const option =
        typeof v !== 'string'
          ? undefined
          : f.options?.includes(v)
            ? v
            : (f.optionAliases?.[v] ?? (f.options?.some((o) => isOption(o, v)) ? v : undefined));
      if (option === undefined) return { error: `“${clip(v)}”不是可选值（可选：${f.options?.join('、')}）` };
      return { value: option };
    }
    case 'village': {
      if (typeof v !== 'string') return { error: '应为村（社区）名称' };
      const s = v.trim();
      const bad = textProblem(s);
      if (bad) return { error: bad };
      if (opts.villages?.length && !opts.villages.includes(s)) return { error: `“${clip(s)}”不在设置的村（社区）名单中` };
      if ([...s].length > 50) return { error: '不能超过50个字' };
      return { value: s };
    }
    case 'bool':
      if (typeof v !== 'boolean') return { error: '应为“是”或“否”' };
      return { value: v };
    case 'tags': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return { error: '应为文字列表' };
      const items = [...new Set(v.map((x: string) => x.trim()).filter(Boolean))];
      if (items.length > 200) return { error: '最多200项' };
      if (items.some((x) => [...x].length > 50)) return { error: '每项不能超过50个字' };
      for (const x of items) {
        const bad = textProblem(x);
        if (bad) return { error: bad };
      }
      return { value: items };
    }
  }
}

const fieldMaps = new WeakMap<KindDef, Map<string, FieldDef>>();
/** A kind's fields by key, built once per kind: a backup's check validates every one of its records. */
function fieldMap(kind: KindDef): Map<string, FieldDef> {
  let m = fieldMaps.get(kind);
  if (!m) fieldMaps.set(kind, (m = new Map(kind.fields.map((f) => [f.key, f]))));
  return m;
}

export function validateRecord(kind: KindDef, data: RecordData, opts: ValidateOptions = {}): { data: RecordData; issues: Issue[] } {
  const issues: Issue[] = [];
  const out: RecordData = {};
  const fields = fieldMap(kind);
  const issue = (f: FieldDef | undefined, key: string, message: string) =>
    issues.push({ kind: kind.label, field: key, fieldLabel: f?.label ?? key, message });
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { data: out, issues: [{ kind: kind.label, message: '记录格式不正确（应为字段与值的对照）' }] };
  }

  for (const key of Object.keys(data)) {
    if (!fields.has(key)) issue(undefined, clip(key), `“${clip(key)}”不是${kind.label}的字段`);
  }
  for (const f of kind.fields) {
    const v = data[f.key];
    if (isEmpty(v)) {
      if (f.required) issue(f, f.key, '必填');
      continue;
    }
    if (f.managed && !opts.allowManaged) continue;
    const r = checkValue(f, v, opts);
    if (r.error) issue(f, f.key, r.error);
    // A list of blanks normalises to nothing: treat it as empty, like a blank text.
    else if (isEmpty(r.value)) {
      if (f.required) issue(f, f.key, '必填');
    } else out[f.key] = r.value;
  }

  // Cross-field rules run even when some fields are wrong, so one pass reports every problem;
  // a rule is skipped when a field it reads already has its own error.
  const bad = new Set(issues.length ? issues.map((i) => i.field) : undefined);
  const ruleFields = (rule: Rule): string[] =>
    rule.type === 'lte' ? [...rule.left, rule.right] : rule.type === 'dateOrder' ? [rule.from, rule.to] : [rule.field, rule.when];
  for (const rule of kind.rules ?? []) {
    if (ruleFields(rule).some((k) => bad.has(k))) continue;
    if (rule.type === 'lte') {
      const parts = rule.left.map((k) => out[k]).filter((x): x is number => typeof x === 'number');
      const right = out[rule.right];
      if (parts.length && typeof right === 'number') {
        const sum = parts.reduce((a, b) => a + b, 0);
        if (sum > right) {
          const labels = rule.left.map((k) => fields.get(k)?.label ?? k).join('+');
          issue(fields.get(rule.left[0]), rule.left[0], `${labels}（${sum}）不能大于${fields.get(rule.right)?.label}（${right}）`);
        }
      }
    } else if (rule.type === 'dateOrder') {
      const a = out[rule.from];
      const b = out[rule.to];
      if (typeof a === 'string' && typeof b === 'string' && b < a) {
        issue(fields.get(rule.to), rule.to, `不能早于${fields.get(rule.from)?.label}（${a}）`);
      }
    } else if (rule.type === 'requiredIf') {
      const w = out[rule.when];
      if (w !== undefined && rule.values.some((v) => isOption(v, w)) && isEmpty(out[rule.field])) {
        const when = fields.get(rule.when)?.label ?? rule.when;
        issue(fields.get(rule.field), rule.field, `${when}为“${w === true ? '是' : String(w)}”时必填`);
      }
    }
  }
  return { data: out, issues };
}
