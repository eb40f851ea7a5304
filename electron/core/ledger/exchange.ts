/**
 * The exchange format (docs/exchange-format.md): the whole ledger as one JSON file.
 * Export is deterministic (sorted keys, fixed order, no export timestamp). Import checks the
 * entire file first and then replaces the ledger in one transaction, or writes nothing.
 */
import fs from 'node:fs';
import type { Db } from '../db/open';
import { LedgerError, type Issue } from '@rules/errors';
import { getKind, kindForLevel, KINDS } from '@rules/kinds';
import { isLedgerYear, MAX_EXCHANGE_BYTES, textProblem } from '@rules/limits';
import { perPercent, type StageReport } from '../stages';
import { validateRecord, isRealDate, clip } from '@rules/kinds/validate';
import { reportSpecSchema } from '@rules/report/spec';
import { getSettings } from './settings';
import { checkSettings, EMPTY_SETTINGS, type Settings } from '@rules/settings';
import { parseDocNumber } from '@rules/doc-number';
import { fromRow, insertRecord, type LedgerRecord } from './records';
import { checkCustomFigure } from '@rules/figures/schema';
import type { FigureDef } from '@rules/figures/types';
import { listCustomFigures } from './custom-figures';

export const EXCHANGE_FORMAT = 'fazhi-ledger-exchange';
export const EXCHANGE_VERSION = 1;

export interface ExchangeFile {
  format: typeof EXCHANGE_FORMAT;
  version: number;
  settings: Settings;
  numberSequences: { prefix: string; year: number; last: number }[];
  records: Omit<LedgerRecord, 'date' | 'year'>[];
  reports: { year: number; updatedAt: string; data: unknown }[];
  /** Figures the clerk defined (自定义指标), by id. */
  customFigures: FigureDef[];
}

/** JSON with object keys sorted at every level, so equal ledgers give equal bytes. */
export function stableStringify(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          : v,
      2,
    ) + '\n'
  );
}

const kindOrder = new Map(KINDS.map((k, i) => [k.id, i]));
/** Code-unit order, independent of the machine's locale (localeCompare is not). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The keys a record may carry in the file; anything else is reported. */
const RECORD_KEYS = new Set(['id', 'kind', 'data', 'createdAt', 'updatedAt', 'deletedAt']);

export function exportLedger(db: Db): string {
  const records = (db.prepare('SELECT * FROM records').all() as Parameters<typeof fromRow>[0][])
    .map(fromRow)
    .sort(
      (a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)! || cmp(a.date, b.date) || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id),
    )
    .map(({ date: _d, year: _y, ...r }) => r);
  const file: ExchangeFile = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    settings: getSettings(db),
    numberSequences: db
      .prepare('SELECT prefix, year, last FROM doc_number_seq ORDER BY prefix, year')
      .all() as ExchangeFile['numberSequences'],
    records,
    reports: (
      db.prepare('SELECT year, updated_at, data FROM reports ORDER BY year').all() as { year: number; updated_at: string; data: string }[]
    ).map((r) => ({ year: r.year, updatedAt: r.updated_at, data: JSON.parse(r.data) as unknown })),
    customFigures: listCustomFigures(db),
  };
  return stableStringify(file);
}

const ISO_TS = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
/** A UTC timestamp as the app writes it, and a real instant: no 2023-99-99T99:99:99Z. */
function isRealTimestamp(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = ISO_TS.exec(v);
  return !!m && isRealDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60;
}
/** Ids the app can later find, edit and delete: short, printable. */
export const MAX_ID_LENGTH = 100;
/** Deeper than any exchange file (a report outline nests a few levels); past it, a crafted file. */
const MAX_JSON_DEPTH = 40;

/** Nesting depth of parsed JSON, without recursion (so a hostile file cannot overflow the stack). */
function tooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (d >= limit) return true;
    for (const c of Array.isArray(v) ? v : Object.values(v as object)) if (c && typeof c === 'object') stack.push([c, d + 1]);
  }
  return false;
}
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const TIMESTAMP_KEYS = [
  ['createdAt', '创建时间'],
  ['updatedAt', '修改时间'],
] as const;

/** Checks a parsed exchange file completely; returns the records ready to insert and every problem found. */
export function checkExchange(raw: unknown): { file: ExchangeFile; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!isObj(raw) || raw.format !== EXCHANGE_FORMAT) {
    throw new LedgerError('BAD_FILE', `不是法治台账交换文件（format 应为“${EXCHANGE_FORMAT}”）`);
  }
  if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version > EXCHANGE_VERSION) {
    throw new LedgerError('BAD_FILE', `交换文件版本${String(raw.version)}高于本程序支持的版本${EXCHANGE_VERSION}，请升级程序`);
  }
  if (raw.version !== EXCHANGE_VERSION) {
    throw new LedgerError('BAD_FILE', `交换文件版本“${String(raw.version)}”不正确（应为${EXCHANGE_VERSION}）`);
  }
  if (raw.settings !== undefined && !isObj(raw.settings)) issues.push({ kind: '设置', field: 'settings', message: 'settings 应为对象' });
  const s = checkSettings(raw.settings);
  issues.push(...s.issues);
  const villages = s.settings?.villages ?? [];
  const townType = s.settings?.townType ?? EMPTY_SETTINGS.townType;

  if (raw.numberSequences !== undefined && !Array.isArray(raw.numberSequences)) {
    issues.push({ kind: '编号序列', field: 'numberSequences', message: 'numberSequences 应为列表' });
  }
  const seqs = Array.isArray(raw.numberSequences) ? raw.numberSequences : [];
  const seqKeys = new Set<string>();
  seqs.forEach((q: unknown, i) => {
    const inRange = (v: unknown, lo: number, hi: number) => Number.isSafeInteger(v) && (v as number) >= lo && (v as number) <= hi;
    if (
      !isObj(q) ||
      typeof q.prefix !== 'string' ||
      [...q.prefix].length > 50 ||
      textProblem(q.prefix) ||
      !isLedgerYear(q.year) ||
      !inRange(q.last, 0, 1_000_000_000)
    ) {
      issues.push({ kind: '编号序列', row: i + 1, message: '编号序列格式不正确' });
    } else if (seqKeys.has(`${q.prefix}|${String(q.year)}`)) {
      issues.push({ kind: '编号序列', row: i + 1, message: `编号序列重复：${clip(q.prefix)}〔${String(q.year)}〕` });
    } else seqKeys.add(`${q.prefix}|${String(q.year)}`);
  });

  if (!Array.isArray(raw.records)) throw new LedgerError('BAD_FILE', '交换文件缺少 records 列表');
  const ids = new Set<string>();
  const numbers = new Map<string, number>();
  const records: ExchangeFile['records'] = [];
  raw.records.forEach((r: unknown, i) => {
    const row = i + 1;
    const add = (message: string, field?: string, fieldLabel?: string, kind?: string) =>
      issues.push({
        row,
        recordId: isObj(r) && typeof r.id === 'string' ? clip(r.id, MAX_ID_LENGTH) : undefined,
        kind,
        field,
        fieldLabel,
        message,
      });
    if (!isObj(r)) return add('记录格式不正确');
    const kind = typeof r.kind === 'string' ? getKind(r.kind) : undefined;
    if (!kind) return add(`未知的台账类型“${clip(r.kind)}”`, 'kind', '类型');
    for (const key of Object.keys(r)) if (!RECORD_KEYS.has(key)) add(`“${clip(key)}”不是记录的属性`, clip(key), clip(key), kind.label);
    if (!isObj(r.data)) add('缺少字段内容（data 应为对象）', 'data', '字段内容', kind.label);
    const idProblem =
      typeof r.id !== 'string' || !r.id
        ? '缺少记录编号'
        : r.id.length > MAX_ID_LENGTH
          ? `记录编号不能超过${MAX_ID_LENGTH}个字符`
          : textProblem(r.id);
    if (idProblem) add(idProblem === '缺少记录编号' ? idProblem : `记录编号${idProblem}`, 'id', '记录编号', kind.label);
    else if (ids.has(r.id as string)) add(`记录编号重复：${clip(r.id)}`, 'id', '记录编号', kind.label);
    else ids.add(r.id as string);
    for (const [key, lbl] of TIMESTAMP_KEYS) {
      if (!isRealTimestamp(r[key])) add('时间格式不正确', key, lbl, kind.label);
    }
    if (r.deletedAt !== null && r.deletedAt !== undefined && !isRealTimestamp(r.deletedAt)) {
      add('删除时间格式不正确', 'deletedAt', '删除时间', kind.label);
    }
    // A file's level options become its own 乡镇类型's wording (an older file may hold 镇 wording for a 乡).
    const v = validateRecord(kindForLevel(kind, townType), isObj(r.data) ? r.data : {}, { villages, allowManaged: true });
    const more = v.issues.length ? v.issues : (kind.checkStored?.(v.data) ?? []);
    for (const x of more) issues.push({ ...x, row, recordId: idProblem ? undefined : (r.id as string) });
    const numberField = kind.numbering?.field;
    const number = numberField ? v.data[numberField] : undefined;
    if (numberField && typeof number === 'string') {
      const numberLabel = kind.fields.find((f) => f.key === numberField)?.label ?? numberField;
      const prev = numbers.get(number);
      if (prev) add(`${numberLabel}${number}与第${prev}条重复`, numberField, numberLabel, kind.label);
      else numbers.set(number, row);
    }
    const dateOk = typeof v.data[kind.dateField] === 'string' && isRealDate(v.data[kind.dateField] as string);
    if (!more.length && dateOk && !idProblem) {
      records.push({
        id: r.id as string,
        kind: kind.id,
        data: v.data,
        createdAt: r.createdAt as string,
        updatedAt: r.updatedAt as string,
        deletedAt: (r.deletedAt as string | null) ?? null,
      });
    }
  });

  if (raw.reports !== undefined && !Array.isArray(raw.reports)) {
    issues.push({ kind: '年度报告', field: 'reports', message: 'reports 应为列表' });
  }
  const reports = Array.isArray(raw.reports) ? raw.reports : [];
  const reportYears = new Set<number>();
  reports.forEach((rep: unknown, i) => {
    if (!isObj(rep) || !isLedgerYear(rep.year) || !isRealTimestamp(rep.updatedAt) || !isObj(rep.data)) {
      issues.push({ kind: '年度报告', row: i + 1, message: '年度报告格式不正确' });
    } else if (!reportSpecSchema.safeParse(rep.data).success) {
      // The app refuses such a report at every later read (「报告内容格式不正确」), so it never gets in.
      const first = reportSpecSchema.safeParse(rep.data).error!.issues[0];
      issues.push({
        kind: '年度报告',
        row: i + 1,
        field: clip(first.path.join('.'), 60),
        message: `${String(rep.year)}年度报告内容格式不正确（${clip(first.message, 60)}）`,
      });
    } else if (reportYears.has(rep.year as number)) {
      issues.push({ kind: '年度报告', row: i + 1, message: `${String(rep.year)}年度报告重复` });
    } else reportYears.add(rep.year as number);
  });

  if (raw.customFigures !== undefined && !Array.isArray(raw.customFigures)) {
    issues.push({ kind: '自定义指标', field: 'customFigures', message: 'customFigures 应为列表' });
  }
  const customFigures: FigureDef[] = [];
  const figureIds = new Set<string>();
  (Array.isArray(raw.customFigures) ? raw.customFigures : []).forEach((d: unknown, i) => {
    const row = i + 1;
    const { def, issues: bad } = checkCustomFigure(d);
    for (const x of bad) issues.push({ ...x, kind: '自定义指标', row, recordId: isObj(d) && typeof d.id === 'string' ? d.id : undefined });
    if (!def) return;
    // Built-in ids never start with custom., so only the file's own ids can clash.
    if (figureIds.has(def.id))
      issues.push({ kind: '自定义指标', row, recordId: def.id, field: 'id', fieldLabel: '编号', message: `自定义指标编号重复：${def.id}` });
    else {
      figureIds.add(def.id);
      customFigures.push(def);
    }
  });

  return {
    file: {
      format: EXCHANGE_FORMAT,
      version: EXCHANGE_VERSION,
      settings: s.settings ?? EMPTY_SETTINGS,
      numberSequences: seqs as ExchangeFile['numberSequences'],
      records,
      reports: reports as ExchangeFile['reports'],
      customFigures: customFigures.sort((a, b) => cmp(a.id, b.id)),
    },
    issues,
  };
}

export function parseExchange(text: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new LedgerError('BAD_FILE', `交换文件不是有效的 JSON：${clip((err as Error).message, 80)}`);
  }
  if (tooDeep(raw, MAX_JSON_DEPTH)) throw new LedgerError('BAD_FILE', `交换文件的嵌套层次超过${MAX_JSON_DEPTH}层，不是本程序导出的文件`);
  return raw;
}

/** Decodes a file's bytes as UTF-8, refusing invalid sequences instead of turning them into U+FFFD. */
export function decodeExchangeBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new LedgerError('BAD_FILE', '交换文件不是有效的 UTF-8 文本（可能被其他程序改动或另存为其他编码），未导入任何数据');
  }
}

/** Reads an exchange file as the app and the CLI take it: a regular file, at most 512 MB, strict UTF-8. */
export function readExchangeFile(input: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(input);
  } catch {
    throw new LedgerError('NOT_FOUND', `交换文件不存在：${input}`);
  }
  // /dev/zero, a FIFO or a folder would be read forever or not at all.
  if (!st.isFile()) throw new LedgerError('BAD_FILE', `“${input}”不是普通文件，不能导入`);
  if (st.size > MAX_EXCHANGE_BYTES)
    throw new LedgerError('BAD_FILE', `交换文件过大（${Math.ceil(st.size / 1024 / 1024)} MB），最大为512 MB`);
  const bytes = fs.readFileSync(input);
  if (bytes.length > MAX_EXCHANGE_BYTES) throw new LedgerError('BAD_FILE', '交换文件过大，最大为512 MB');
  return decodeExchangeBytes(bytes);
}

/** Replaces the whole ledger with the file's contents; nothing is written when anything is wrong. */
export function importLedger(db: Db, text: string, progress?: StageReport): { records: number } {
  progress?.({ stage: 'check' });
  return writeExchange(db, checkedExchange(text), progress);
}

/** The file, parsed and checked completely, or the refusal with every problem. */
export function checkedExchange(text: string): ExchangeFile {
  const { file, issues } = checkExchange(parseExchange(text));
  if (issues.length) throw new LedgerError('VALIDATION', `交换文件有${issues.length}处错误，未导入任何数据`, issues);
  return file;
}

/** Replaces the whole ledger with a checked file, in one transaction. */
export function writeExchange(db: Db, file: ExchangeFile, progress?: StageReport): { records: number } {
  const total = file.records.length;
  const written = progress && perPercent(total, progress);
  db.transaction(() => {
    for (const t of ['attachments', 'records', 'doc_number_seq', 'reports', 'report_outputs', 'custom_figures'])
      db.prepare(`DELETE FROM ${t}`).run();
    db.prepare("DELETE FROM settings WHERE key = 'org'").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('org', ?)").run(JSON.stringify(file.settings));
    const seq = db.prepare('INSERT INTO doc_number_seq (prefix, year, last) VALUES (?, ?, ?)');
    for (const q of file.numberSequences) seq.run(q.prefix, q.year, q.last);
    for (const r of file.records) {
      const date = r.data[getKind(r.kind)!.dateField] as string;
      insertRecord(db, { ...r, date, year: Number(date.slice(0, 4)) });
      written?.(1);
    }
    // A file whose sequences lag behind its own numbers must still never hand a number out twice.
    const raise = db.prepare(
      'INSERT INTO doc_number_seq (prefix, year, last) VALUES (?, ?, ?) ON CONFLICT (prefix, year) DO UPDATE SET last = max(last, excluded.last)',
    );
    for (const r of file.records) {
      const field = getKind(r.kind)?.numbering?.field;
      const n = field ? parseDocNumber(r.data[field]) : null;
      if (n) raise.run(n.code, n.year, n.seq);
    }
    const rep = db.prepare('INSERT INTO reports (year, data, updated_at) VALUES (?, ?, ?)');
    for (const r of file.reports) rep.run(r.year, JSON.stringify(r.data), r.updatedAt);
    const fig = db.prepare('INSERT INTO custom_figures (id, data, updated_at) VALUES (?, ?, ?)');
    const now = new Date().toISOString();
    for (const f of file.customFigures) fig.run(f.id, JSON.stringify(f), now);
  }).immediate();
  return { records: total };
}
