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
import { decodeExchangeBytes, MAX_EXCHANGE_BYTES } from '@core/ledger/exchange';
import { holdFileFor } from '@core/db/hold';

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

/** Reads an exchange file as the app does: a regular file, at most 512 MB, strict UTF-8. */
function readExchangeFile(input: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(input);
  } catch {
    throw new LedgerError('NOT_FOUND', `交换文件不存在：${input}`);
  }
  // /dev/zero, a FIFO or a folder would be read forever or not at all.
  if (!st.isFile()) throw new LedgerError('BAD_FILE', `“${input}”不是普通文件，不能导入`);
  if (st.size > MAX_EXCHANGE_BYTES) throw new LedgerError('BAD_FILE', `交换文件过大（${Math.ceil(st.size / 1024 / 1024)} MB），最大为512 MB`);
  const bytes = fs.readFileSync(input);
  if (bytes.length > MAX_EXCHANGE_BYTES) throw new LedgerError('BAD_FILE', '交换文件过大，最大为512 MB');
  return decodeExchangeBytes(bytes);
}

/** Creates an empty file at `file` if nothing is there; returns its identity then, else null. */
function createNew(file: string): { dev: number; ino: number } | null {
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
function removeIfStillOurs(ctx: LedgerContext, created: { dev: number; ino: number }): void {
  let release: (() => void) | null = null;
  try {
    release = ctx.exclusive('清理');
    const st = fs.statSync(ctx.file);
    if (st.dev !== created.dev || st.ino !== created.ino) return;
    const tables = (ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const rows = tables
      .map((t) => (ctx.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n)
      .reduce((a, b) => a + b, 0);
    if (rows > 0) return;
    ctx.db.close();
    for (const f of [ctx.file, `${ctx.file}-wal`, `${ctx.file}-shm`, `${ctx.file}-journal`, holdFileFor(ctx.file)]) fs.rmSync(f, { force: true });
  } catch {
    /* someone else has it: leave it */
  } finally {
    release?.();
  }
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
    const text = readExchangeFile(input);
    // Created here (exclusively) or not ours: a refused import removes only a ledger this process made.
    const created = createNew(file);
    const ctx = openContext(file);
    let r: { records: number };
    try {
      r = await call<{ records: number }>(ctx, 'exchange.import', { text });
    } catch (err) {
      if (created) removeIfStillOurs(ctx, created);
      throw err;
    } finally {
      ctx.close();
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
