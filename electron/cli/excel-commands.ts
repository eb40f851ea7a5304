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
import { formatProblem, type CommitResult } from '@core/excel';
import { call, createNew, registerCommand, registerFormat, removeIfStillOurs, withLedger, type Args, type Io } from './run';

const KIND_HELP = `类型：${KINDS.map((k) => `${k.id}（${k.label}）`).join('、')}`;

function kindOf(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const k = typeof value === 'string' ? (getKind(value) ?? KINDS.find((x) => x.label === value)) : undefined;
  if (!k) throw new LedgerError('VALIDATION', `未知的台账类型：${String(value)}\n${KIND_HELP}`);
  return k.id;
}

async function importXlsx(a: Args, io: Io): Promise<number> {
  const file = a.need('db');
  const input = a.positional('要导入的工作簿');
  if (!fs.existsSync(input)) throw new LedgerError('NOT_FOUND', `工作簿不存在：${input}`);
  const kind = kindOf(a.values.kind);
  const year = a.values.year === undefined ? undefined : a.year();
  const skipBad = a.values['skip-bad'] === true;
  const dataBase64 = fs.readFileSync(input).toString('base64');
  // Created here (exclusively) or not ours: a refused import removes only a ledger this process made.
  const created = createNew(file);
  const ctx = openContext(file);
  let r: CommitResult;
  try {
    r = (await call(ctx, 'excel.import', { dataBase64, kind, year, allOrNothing: !skipBad })) as CommitResult;
  } catch (err) {
    if (created) removeIfStillOurs(ctx, created);
    if (err instanceof LedgerError && err.issues.length && err.issues.every((i) => i.message.startsWith('工作表「'))) {
      for (const i of err.issues) io.err(i.message);
      io.err(`${err.message}（可加 --skip-bad 只导入没有错误的行）`);
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
  const r = await withLedger(file, false, (ctx) =>
    kind ? call(ctx, 'excel.exportKind', { kind, year, sortBy: 'date', sortDir: 'asc' }) : call(ctx, 'excel.exportYear', { year }),
  );
  writeFileAtomic(out, Buffer.from(r.dataBase64, 'base64'));
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
    const { templateWorkbook } = await import('@core/excel');
    // With a ledger, its 村（社区） become the drop-down of those columns.
    const settings = a.values.db ? await withLedger(a.need('db'), false, (ctx) => call(ctx, 'settings.get', {})) : undefined;
    writeFileAtomic(out, await templateWorkbook(kind ? getKind(kind) : undefined, settings?.villages, settings?.townType));
    io.out(`已生成模板：${path.resolve(out)}`);
    return 0;
  },
});
