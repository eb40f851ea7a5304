/**
 * CLI for Excel (docs/excel.md): `import` and `export` take xlsx by the file's extension (JSON
 * stays as it was), and `template`. A refused import prints every problem on stderr, one a line,
 * as 工作表「<sheet>」第<row>行 <col>列（<header>）：<message>, and leaves the ledger untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getKind, KINDS } from '@rules/kinds';
import { LedgerError } from '@rules/errors';
import { writeFileAtomic } from '@core/fs/atomic';
import { openContext } from '@core/api';
import { exportKindFile, exportYearFile, formatProblem, templateWorkbook, type CommitResult } from '@core/excel';
import { call, createNew, registerCommand, registerFormat, removeIfStillOurs, withLedger, type Args, type Io } from './run';

const KIND_HELP = `类型：${KINDS.map((k) => `${k.id}（${k.label}）`).join('、')}`;

function kindOf(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const k = typeof value === 'string' ? (getKind(value) ?? KINDS.find((x) => x.label === value)) : undefined;
  if (!k) throw new LedgerError('VALIDATION', `未知的台账类型：${String(value)}\n${KIND_HELP}`);
  return k.id;
}

function headerRowOf(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_048_576)
    throw new LedgerError('VALIDATION', `表头行号“${String(value)}”不正确，应为工作表中的行号，如3`);
  return n;
}

/** `--set 字段=值`, the field by its Chinese label or id: one known to the kind given, else to any kind. */
function setsOf(items: string[], kind: string | undefined): Record<string, string> | undefined {
  if (!items.length) return undefined;
  const fields = (kind ? [getKind(kind)!] : KINDS).flatMap((k) => k.fields.filter((f) => !f.managed));
  const out: Record<string, string> = {};
  for (const item of items) {
    const at = item.indexOf('=');
    const name = at > 0 ? item.slice(0, at).trim() : '';
    if (!name) throw new LedgerError('VALIDATION', `--set 应写成“字段=值”，如 --set 会议类型=党委会议（收到“${item}”）`);
    if (!fields.some((f) => f.key === name || f.label === name || f.aliases?.includes(name))) {
      const where = kind ? `“${getKind(kind)!.label}”的字段（可填：${fields.map((f) => f.label).join('、')}）` : '任何台账的字段';
      throw new LedgerError('VALIDATION', `--set 的“${name}”不是${where}`);
    }
    out[name] = item.slice(at + 1).trim();
  }
  return out;
}

async function importXlsx(a: Args, io: Io): Promise<number> {
  const file = a.need('db');
  const input = a.positional('要导入的工作簿');
  if (!fs.existsSync(input)) throw new LedgerError('NOT_FOUND', `工作簿不存在：${input}`);
  const kind = kindOf(a.values.kind);
  const year = a.values.year === undefined ? undefined : a.year();
  const skipBad = a.values['skip-bad'] === true;
  const headerRow = headerRowOf(a.values['header-row']);
  const set = setsOf(a.lists.set ?? (typeof a.values.set === 'string' ? [a.values.set] : []), kind);
  // With a year, a row of another year is a decision the clerk makes, not one the CLI makes for them.
  const otherYears = a.values['other-years'] === true ? 'include' : year ? 'refuse' : 'include';
  const dataBase64 = fs.readFileSync(input).toString('base64');
  // Created here (exclusively) or not ours: a refused import removes only a ledger this process made.
  const created = createNew(file);
  const ctx = openContext(file);
  let r: CommitResult;
  try {
    r = (await call(ctx, 'excel.import', { dataBase64, kind, year, headerRow, set, otherYears, allOrNothing: !skipBad })) as CommitResult;
  } catch (err) {
    if (created) removeIfStillOurs(ctx, created);
    if (err instanceof LedgerError && err.issues.length && err.issues.every((i) => i.message.startsWith('工作表「'))) {
      for (const i of err.issues) io.err(i.message);
      const otherYear = /不在\d{4}年度/.test(err.message);
      io.err(`${err.message}（${otherYear ? `可加 --other-years 把这些行记入各自的年度` : '可加 --skip-bad 只导入没有错误的行'}）`);
      return 1;
    }
    // A refusal of the whole workbook names it: the clerk may be importing several.
    if (err instanceof LedgerError && err.code !== 'INTERNAL')
      throw new LedgerError(err.code, `“${path.basename(input)}”：${err.message}`, err.issues);
    throw err;
  } finally {
    ctx.close();
  }
  for (const p of r.problems) io.err(p.level === 'warning' ? formatProblem({ ...p, message: `提示：${p.message}` }) : formatProblem(p));
  const parts = [`已导入${r.added}条记录`];
  if (r.bad) parts.push(`有错误未导入${r.bad}行`);
  if (r.otherYear) parts.push(`其他年度未导入${r.otherYear}行`);
  parts.push(`疑似重复已跳过${r.duplicates}行`);
  io.out(parts.join('；'));
  for (const [k, n] of Object.entries(r.byKind)) io.out(`  ${getKind(k)?.label ?? k}：${n}条`);
  return 0;
}

async function exportXlsx(a: Args, io: Io): Promise<number> {
  const file = a.need('db');
  const out = a.need('out');
  const year = a.year();
  const kind = kindOf(a.values.kind);
  // Streamed straight into a temp file beside `out`, then renamed: no workbook-sized buffer.
  const r = await withLedger(file, false, (ctx) =>
    kind ? exportKindFile(ctx.db, { kind, year, sortBy: 'date', sortDir: 'asc' }, out) : exportYearFile(ctx.db, year, out),
  );
  io.out(`已导出${r.records}条记录到：${path.resolve(out)}`);
  return 0;
}

registerFormat('.xlsx', { import: importXlsx, export: exportXlsx });

registerCommand('template', {
  usage: '--out <模板.xlsx> [--kind <类型>] [--db <台账文件>]',
  options: { out: { type: 'string' }, kind: { type: 'string' }, db: { type: 'string' } },
  async run(a, io) {
    const out = a.need('out');
    if (!/\.xlsx$/i.test(out)) throw new LedgerError('VALIDATION', `模板文件名应以 .xlsx 结尾：${out}`);
    const kind = kindOf(a.values.kind);
    // With a ledger, its 村（社区） become the drop-down of those columns.
    const settings = a.values.db ? await withLedger(a.need('db'), false, (ctx) => call(ctx, 'settings.get', {})) : undefined;
    writeFileAtomic(out, await templateWorkbook(kind ? getKind(kind) : undefined, settings?.villages, settings?.townType));
    io.out(`已生成模板：${path.resolve(out)}`);
    return 0;
  },
});
