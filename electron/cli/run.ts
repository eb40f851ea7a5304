/**
 * The CLI's commands over the core API table. Every command goes through callApi, so it gets
 * the same validation and the same Chinese errors as the app. Exit codes: 0 ok, 1 error,
 * 2 report assembled with blocking problems.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { callApi, openContext, type LedgerContext } from '@core/api';
import { formatIssue, LedgerError, toErrorPayload } from '@rules/errors';
import { writeFileAtomic } from '@core/fs/atomic';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Command = (args: string[], io: Io) => Promise<number>;

const USAGE = `用法：
  cli init --db <台账文件>
  cli import --db <台账文件> <交换文件.json>
  cli export --db <台账文件> --out <交换文件.json>
  cli stats --db <台账文件> --year <年度>`;

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

export function needYear(value: string | boolean | undefined): number {
  const y = Number(need(value, '--year'));
  if (!Number.isInteger(y) || y < 1949 || y > 2100) throw new LedgerError('VALIDATION', `年度“${String(value)}”不正确，应为四位年份，如2023`);
  return y;
}

/** Opens the ledger named by --db; refuses to create one except for `init`. */
export function withLedger<T>(file: string, create: boolean, fn: (ctx: LedgerContext) => Promise<T>): Promise<T> {
  if (!create && !fs.existsSync(file)) throw new LedgerError('NOT_FOUND', `台账文件不存在：${file}（可先用 init 创建）`);
  const ctx = openContext(file);
  return fn(ctx).finally(() => ctx.close());
}

/** Calls one API method and unwraps its result, turning an error result back into a throw. */
export async function call<T = unknown>(ctx: LedgerContext, name: string, payload: unknown): Promise<T> {
  const r = await callApi(ctx, name, payload);
  if (!r.ok) throw new LedgerError(r.error.code, r.error.message, r.error.issues);
  return r.value as T;
}

const commands: Record<string, Command> = {
  async init(args, io) {
    const { values } = parse(args, { db: { type: 'string' } });
    const file = need(values.db, '--db');
    await withLedger(file, true, async () => undefined);
    io.out(`已创建台账：${path.resolve(file)}`);
    return 0;
  },
  async import(args, io) {
    const { values, positionals } = parse(args, { db: { type: 'string' } });
    const file = need(values.db, '--db');
    const input = positionals[0];
    if (!input) throw new LedgerError('VALIDATION', `缺少要导入的交换文件\n${USAGE}`);
    if (!fs.existsSync(input)) throw new LedgerError('NOT_FOUND', `交换文件不存在：${input}`);
    const text = fs.readFileSync(input, 'utf8');
    const existed = fs.existsSync(file);
    let r: { records: number };
    try {
      r = await withLedger(file, true, (ctx) => call<{ records: number }>(ctx, 'exchange.import', { text }));
    } catch (err) {
      // A refused import leaves no trace: not even the empty ledger it had to create.
      if (!existed) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
      throw err;
    }
    io.out(`已导入${r.records}条记录`);
    return 0;
  },
  async export(args, io) {
    const { values } = parse(args, { db: { type: 'string' }, out: { type: 'string' } });
    const file = need(values.db, '--db');
    const out = need(values.out, '--out');
    const text = await withLedger(file, false, (ctx) => call<string>(ctx, 'exchange.export', {}));
    writeFileAtomic(out, text);
    io.out(`已导出到：${path.resolve(out)}`);
    return 0;
  },
  async stats(args, io) {
    const { values } = parse(args, { db: { type: 'string' }, year: { type: 'string' } });
    const file = need(values.db, '--db');
    const year = needYear(values.year);
    const counts = await withLedger(file, false, (ctx) => call(ctx, 'ledger.stats', { year }));
    io.out(JSON.stringify({ year, counts }, null, 2));
    return 0;
  },
};

export function registerCommand(name: string, cmd: Command): void {
  commands[name] = cmd;
}

/** A registered command, so another file can extend it (excel-commands.ts wraps import/export by extension). */
export function getCommand(name: string): Command | undefined {
  return commands[name];
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    io.err(name ? `未知命令：${name}\n${USAGE}` : USAGE);
    return 1;
  }
  try {
    return await cmd(rest, io);
  } catch (err) {
    const e = toErrorPayload(err);
    io.err(`错误：${e.message}`);
    for (const i of e.issues) io.err(`  ${formatIssue(i)}`);
    return 1;
  }
}
