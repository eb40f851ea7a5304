/**
 * The CLI's commands over the core API table. Every command goes through callApi, so it gets
 * the same validation and the same Chinese errors as the app. Exit codes: 0 ok, 1 error,
 * 2 report assembled with blocking problems.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { callApi, openContext, type ApiInput, type ApiMethodName, type ApiOutput, type LedgerContext } from '@core/api';
import { formatIssue, LedgerError, toErrorPayload } from '@rules/errors';
import { writeFileAtomic } from '@core/fs/atomic';
import { isLedgerYear } from '@rules/limits';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

type OptionType = 'string' | 'boolean';

/** What a command's run gets: parsed flags and positionals, and helpers that fail with its usage. */
export interface Args {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The string value of --flag, or a VALIDATION error naming it. */
  need(flag: string): string;
  /** The first positional, or a VALIDATION error saying what is missing (缺少…). */
  positional(what: string): string;
  /** --year as a ledger year. */
  year(): number;
}

/**
 * One CLI command. Adding a command is one `registerCommand` call with these four things; the
 * top-level usage lists every registered command's `usage` line, and every command parses its
 * arguments with the same parser (node:util parseArgs, strict).
 */
export interface CommandSpec {
  /** Arguments after the command name, e.g. `--db <台账文件> --year <年度>`. */
  usage: string;
  options?: Record<string, { type: OptionType }>;
  run(args: Args, io: Io): Promise<number>;
}

const commands = new Map<string, CommandSpec>();

export function registerCommand(name: string, spec: CommandSpec): void {
  if (commands.has(name)) throw new Error(`CLI command ${name} is registered twice`);
  commands.set(name, spec);
}

/** Every command, one line each, in registration order. */
export const usage = (): string => `用法：\n${[...commands].map(([name, c]) => `  cli ${name} ${c.usage}`.trimEnd()).join('\n')}`;

function parse(name: string, argv: string[], spec: CommandSpec): Args {
  const line = `用法：cli ${name} ${spec.usage}`.trimEnd();
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: spec.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    throw new LedgerError('VALIDATION', `参数错误：${(err as Error).message}\n${line}`);
  }
  const { values, positionals } = parsed;
  const need = (flag: string): string => {
    const v = values[flag];
    if (typeof v !== 'string' || !v) throw new LedgerError('VALIDATION', `缺少参数 --${flag}\n${line}`);
    return v;
  };
  return {
    values,
    positionals,
    need,
    positional(what) {
      if (!positionals[0]) throw new LedgerError('VALIDATION', `缺少${what}\n${line}`);
      return positionals[0];
    },
    year() {
      const raw = need('year');
      const y = Number(raw);
      if (!isLedgerYear(y)) throw new LedgerError('VALIDATION', `年度“${raw}”不正确，应为四位年份，如2023`);
      return y;
    },
  };
}

/** Opens the ledger named by --db; refuses to create one except for `init`. */
export function withLedger<T>(file: string, create: boolean, fn: (ctx: LedgerContext) => Promise<T>): Promise<T> {
  if (!create && !fs.existsSync(file)) throw new LedgerError('NOT_FOUND', `台账文件不存在：${file}（可先用 init 创建）`);
  const ctx = openContext(file);
  return fn(ctx).finally(() => ctx.close());
}

/** Calls one API method, typed like the screens' `call`, turning an error result back into a throw. */
export async function call<K extends ApiMethodName>(ctx: LedgerContext, name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const r = await callApi(ctx, name, input);
  if (!r.ok) throw new LedgerError(r.error.code, r.error.message, r.error.issues);
  return r.value as ApiOutput<K>;
}

registerCommand('init', {
  usage: '--db <台账文件>',
  options: { db: { type: 'string' } },
  async run(a, io) {
    const file = a.need('db');
    await withLedger(file, true, async () => undefined);
    io.out(`已创建台账：${path.resolve(file)}`);
    return 0;
  },
});

registerCommand('import', {
  usage: '--db <台账文件> <交换文件.json>',
  options: { db: { type: 'string' } },
  async run(a, io) {
    const file = a.need('db');
    const input = a.positional('要导入的交换文件');
    if (!fs.existsSync(input)) throw new LedgerError('NOT_FOUND', `交换文件不存在：${input}`);
    const text = fs.readFileSync(input, 'utf8');
    const existed = fs.existsSync(file);
    let r: { records: number };
    try {
      r = await withLedger(file, true, (ctx) => call(ctx, 'exchange.import', { text }));
    } catch (err) {
      // A refused import leaves no trace: not even the empty ledger it had to create.
      if (!existed) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
      throw err;
    }
    io.out(`已导入${r.records}条记录`);
    return 0;
  },
});

registerCommand('export', {
  usage: '--db <台账文件> --out <交换文件.json>',
  options: { db: { type: 'string' }, out: { type: 'string' } },
  async run(a, io) {
    const file = a.need('db');
    const out = a.need('out');
    const text = await withLedger(file, false, (ctx) => call(ctx, 'exchange.export', {}));
    writeFileAtomic(out, text);
    io.out(`已导出到：${path.resolve(out)}`);
    return 0;
  },
});

registerCommand('stats', {
  usage: '--db <台账文件> --year <年度>',
  options: { db: { type: 'string' }, year: { type: 'string' } },
  async run(a, io) {
    const file = a.need('db');
    const year = a.year();
    const counts = await withLedger(file, false, (ctx) => call(ctx, 'ledger.stats', { year }));
    io.out(JSON.stringify({ year, counts }, null, 2));
    return 0;
  },
});

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? commands.get(name) : undefined;
  if (!cmd) {
    io.err(name ? `未知命令：${name}\n${usage()}` : usage());
    return 1;
  }
  try {
    return await cmd.run(parse(name, rest, cmd), io);
  } catch (err) {
    const e = toErrorPayload(err);
    io.err(`错误：${e.message}`);
    for (const i of e.issues) io.err(`  ${formatIssue(i)}`);
    return 1;
  }
}
