/** CLI commands of the printed registers: `register --kind <kind> --out <file.pdf|file.html>`. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LedgerError } from '@rules/errors';
import { call, needYear, registerCommand, withLedger } from './run';

const need = (v: string | undefined, flag: string) => {
  if (!v) throw new LedgerError('VALIDATION', `缺少参数 ${flag}`);
  return v;
};

registerCommand('register', async (argv, io) => {
  let v;
  try {
    v = parseArgs({ args: argv, options: { db: { type: 'string' }, year: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' } }, strict: true }).values;
  } catch (err) {
    throw new LedgerError('VALIDATION', `参数错误：${(err as Error).message}`);
  }
  const year = needYear(v.year);
  const kind = need(v.kind, '--kind');
  const out = path.resolve(need(v.out, '--out'));
  const r = await withLedger(need(v.db, '--db'), false, (ctx) => call<{ records: number }>(ctx, 'register.export', { kind, year, out }));
  io.out(`已生成：${out}（${r.records}条记录）`);
  return 0;
});
