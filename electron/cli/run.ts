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
import { readExchangeFile } from '@core/ledger/exchange';
import { holdFileFor } from '@core/db/hold';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

type OptionType = 'string' | 'boolean';

/** What a command's run gets: parsed flags and positionals, and helpers that fail with its usage. */
export interface Args {
  values: Record<string, string | boolean | undefined>;
  /** The values of an option declared `multiple`, in the order given. */
  lists: Record<string, string[]>;
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
interface CommandSpec {
  /** Arguments after the command name, e.g. `--db <台账文件> --year <年度>`. */
  usage: string;
  options?: Record<string, { type: OptionType; multiple?: boolean }>;
  run(args: Args, io: Io): Promise<number>;
}

const commands = new Map<string, CommandSpec>();

export function registerCommand(name: string, spec: CommandSpec): void {
  if (commands.has(name)) throw new Error(`CLI command ${name} is registered twice`);
  commands.set(name, spec);
}

/** Every command, one line each, in registration order. */
const usage = (): string => `用法：\n${[...commands].map(([name, c]) => `  cli ${name} ${c.usage}`.trimEnd()).join('\n')}`;

function parse(name: string, argv: string[], spec: CommandSpec): Args {
  const line = `用法：cli ${name} ${spec.usage}`.trimEnd();
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: spec.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    throw new LedgerError('VALIDATION', `参数错误：${(err as Error).message}\n${line}`);
  }
  const values: Record<string, string | boolean | undefined> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(parsed.values)) {
    if (Array.isArray(v)) lists[k] = v.map(String);
    else values[k] = v;
  }
  const { positionals } = parsed;
  const need = (flag: string): string => {
    const v = values[flag];
    if (typeof v !== 'string' || !v) throw new LedgerError('VALIDATION', `缺少参数 --${flag}\n${line}`);
    return v;
  };
  return {
    values,
    lists,
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

/** Creates an empty file at `file` if nothing is there; returns its identity then, else null. */
export function createNew(file: string): { dev: number; ino: number } | null {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const fd = fs.openSync(file, 'wx');
    try {
      const st = fs.fstatSync(fd);
      return { dev: st.dev, ino: st.ino };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * After a refused import into a ledger this process created: removes it only while it is still
 * that file, nobody else has it open (another process may be importing into the same path), and
 * it holds nothing at all. Anything else is left as it is.
 */
export function removeIfStillOurs(ctx: LedgerContext, created: { dev: number; ino: number }): void {
  let release: (() => void) | null = null;
  try {
    release = ctx.exclusive('清理');
    const st = fs.statSync(ctx.file);
    if (st.dev !== created.dev || st.ino !== created.ino) return;
    const tables = (
      ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    ).map((t) => t.name);
    const rows = tables
      .map((t) => (ctx.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n)
      .reduce((a, b) => a + b, 0);
    if (rows > 0) return;
    ctx.db.close();
    for (const f of [ctx.file, `${ctx.file}-wal`, `${ctx.file}-shm`, `${ctx.file}-journal`, holdFileFor(ctx.file)])
      fs.rmSync(f, { force: true });
  } catch {
    /* someone else has it: leave it */
  } finally {
    release?.();
  }
}

/**
 * Other file formats for `import` and `export`, chosen by the file's extension (excel-commands.ts
 * adds .xlsx); anything else is the JSON exchange file.
 */
type FormatRun = (args: Args, io: Io) => Promise<number>;
const importFormats = new Map<string, FormatRun>();
const exportFormats = new Map<string, FormatRun>();
export function registerFormat(ext: string, handlers: { import: FormatRun; export: FormatRun }): void {
  importFormats.set(ext, handlers.import);
  exportFormats.set(ext, handlers.export);
}
const formatOf = (map: Map<string, FormatRun>, file: string | boolean | undefined) =>
  typeof file === 'string' ? map.get(path.extname(file).toLowerCase()) : undefined;

registerCommand('import', {
  usage:
    '--db <台账文件> <交换文件.json | 工作簿.xlsx> [--kind <类型>] [--year <年度>] [--header-row <行号>] [--set <字段>=<值> …] [--other-years] [--skip-bad]',
  options: {
    db: { type: 'string' },
    kind: { type: 'string' },
    year: { type: 'string' },
    'skip-bad': { type: 'boolean' },
    'header-row': { type: 'string' },
    set: { type: 'string', multiple: true },
    'other-years': { type: 'boolean' },
  },
  async run(a, io) {
    const file = a.need('db');
    const input = a.positional('要导入的交换文件（.json）或工作簿（.xlsx）');
    const other = formatOf(importFormats, input);
    if (other) return other(a, io);
    const xlsxOnly = ['header-row', 'set', 'other-years'].filter((o) => a.values[o] !== undefined || a.lists[o]);
    if (xlsxOnly.length) throw new LedgerError('VALIDATION', `${xlsxOnly.map((o) => `--${o}`).join('、')}只用于导入Excel工作簿（.xlsx）`);
    const text = readExchangeFile(input);
    // Created here (exclusively) or not ours: a refused import removes only a ledger this process made.
    const created = createNew(file);
    const ctx = openContext(file);
    let r: { records: number };
    try {
      r = await call(ctx, 'exchange.import', { text });
    } catch (err) {
      if (created) removeIfStillOurs(ctx, created);
      throw err;
    } finally {
      ctx.close();
    }
    io.out(`已导入${r.records}条记录`);
    return 0;
  },
});

registerCommand('export', {
  usage: '--db <台账文件> --out <交换文件.json>  |  --db <台账文件> --year <年度> --out <工作簿.xlsx> [--kind <类型>]',
  options: { db: { type: 'string' }, out: { type: 'string' }, year: { type: 'string' }, kind: { type: 'string' } },
  async run(a, io) {
    const file = a.need('db');
    const out = a.need('out');
    const other = formatOf(exportFormats, out);
    if (other) return other(a, io);
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
