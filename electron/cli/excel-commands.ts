/**
 * CLI for Excel (docs/excel.md): `import` and `export` pick xlsx by the file's extension (JSON
 * stays as it was), and `template`. A refused import prints every problem on stderr, one a line,
 * as 工作表「<sheet>」第<row>行 <col>列（<header>）：<message>, and leaves the ledger untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getKind, KINDS } from '@rules/kinds';
import { LedgerError } from '@rules/errors';
import { writeFileAtomic } from '@core/fs/atomic';
import { formatProblem, type CommitResult } from '@core/excel';
import { call, getCommand, needYear, registerCommand, withLedger, type Io } from './run';

const USAGE = `用法：
  cli import --db <台账文件> <工作簿.xlsx> [--kind <类型>] [--year <年度>] [--skip-bad]
  cli export --db <台账文件> --year <年度> --out <工作簿.xlsx> [--kind <类型>]
  cli template --out <模板.xlsx> [--kind <类型>]
类型：${KINDS.map((k) => `${k.id}（${k.label}）`).join('、')}`;

const isXlsx = (p: string | undefined) => !!p && /\.xlsx$/i.test(p);

function parse(args: string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new LedgerError('VALIDATION', `参数错误：${(err as Error).message}\n${USAGE}`);
  }
}

function need(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || !value) throw new LedgerError('VALIDATION', `缺少参数 ${flag}\n${USAGE}`);
  return value;
}

function kindOf(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const k = typeof value === 'string' ? (getKind(value) ?? KINDS.find((x) => x.label === value)) : undefined;
  if (!k) throw new LedgerError('VALIDATION', `未知的台账类型：${String(value)}\n${USAGE}`);
  return k.id;
}

async function importXlsx(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { db: { type: 'string' }, kind: { type: 'string' }, year: { type: 'string' }, 'skip-bad': { type: 'boolean' } });
  const file = need(values.db, '--db');
  const input = positionals[0];
  if (!fs.existsSync(input)) throw new LedgerError('NOT_FOUND', `工作簿不存在：${input}`);
  const kind = kindOf(values.kind);
  const year = values.year === undefined ? undefined : needYear(values.year);
  const skipBad = values['skip-bad'] === true;
  const dataBase64 = fs.readFileSync(input).toString('base64');
  const existed = fs.existsSync(file);
  let r: CommitResult;
  try {
    r = await withLedger(file, true, (ctx) => call<CommitResult>(ctx, 'excel.import', { dataBase64, kind, year, allOrNothing: !skipBad }));
  } catch (err) {
    if (!existed) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    if (err instanceof LedgerError && err.issues.length && err.issues.every((i) => i.message.startsWith('工作表「'))) {
      for (const i of err.issues) io.err(i.message);
      io.err(`${err.message}（可加 --skip-bad 只导入没有错误的行）`);
      return 1;
    }
    throw err;
  }
  for (const p of r.problems) io.err(p.level === 'warning' ? formatProblem({ ...p, message: `提示：${p.message}` }) : formatProblem(p));
  const parts = [`已导入${r.added}条记录`];
  if (r.bad) parts.push(`有错误未导入${r.bad}行`);
  parts.push(`疑似重复已跳过${r.duplicates}行`);
  io.out(parts.join('；'));
  for (const [k, n] of Object.entries(r.byKind)) io.out(`  ${getKind(k)?.label ?? k}：${n}条`);
  return 0;
}

async function exportXlsx(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, kind: { type: 'string' } });
  const file = need(values.db, '--db');
  const out = need(values.out, '--out');
  const year = needYear(values.year);
  const kind = kindOf(values.kind);
  const r = await withLedger(file, false, (ctx) =>
    kind
      ? call<{ dataBase64: string; records: number }>(ctx, 'excel.exportKind', { kind, year, sortBy: 'date', sortDir: 'asc' })
      : call<{ dataBase64: string; records: number }>(ctx, 'excel.exportYear', { year }),
  );
  writeFileAtomic(out, Buffer.from(r.dataBase64, 'base64'));
  io.out(`已导出${r.records}条记录到：${path.resolve(out)}`);
  return 0;
}

const jsonImport = getCommand('import');
const jsonExport = getCommand('export');

registerCommand('import', (args, io) => {
  const input = parseArgs({ args, options: { db: { type: 'string' }, kind: { type: 'string' }, year: { type: 'string' }, 'skip-bad': { type: 'boolean' } }, allowPositionals: true, strict: false }).positionals[0];
  return isXlsx(input) ? importXlsx(args, io) : jsonImport!(args, io);
});

registerCommand('export', (args, io) => {
  const out = parseArgs({ args, options: { db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, kind: { type: 'string' } }, allowPositionals: true, strict: false }).values.out;
  return isXlsx(typeof out === 'string' ? out : undefined) ? exportXlsx(args, io) : jsonExport!(args, io);
});

registerCommand('template', async (args, io) => {
  const { values } = parse(args, { out: { type: 'string' }, kind: { type: 'string' } });
  const out = need(values.out, '--out');
  if (!isXlsx(out)) throw new LedgerError('VALIDATION', `模板文件名应以 .xlsx 结尾：${out}`);
  const kind = kindOf(values.kind);
  const { templateWorkbook } = await import('@core/excel');
  writeFileAtomic(out, await templateWorkbook(kind ? getKind(kind) : undefined));
  io.out(`已生成模板：${path.resolve(out)}`);
  return 0;
});
