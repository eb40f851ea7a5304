/** CLI commands of the printed registers (`register … --kind <kind> --out <file.pdf|file.html>`) and the year's 档案袋 (`dossier … --out <file.zip>`). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LedgerError } from '@rules/errors';
import type { DossierResult } from '@core/dossier/write';
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

registerCommand('dossier', async (argv, io) => {
  let v;
  try {
    v = parseArgs({ args: argv, options: { db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } }, strict: true }).values;
  } catch (err) {
    throw new LedgerError('VALIDATION', `参数错误：${(err as Error).message}`);
  }
  const year = needYear(v.year);
  const out = path.resolve(need(v.out, '--out'));
  const r = await withLedger(need(v.db, '--db'), false, (ctx) => call<DossierResult>(ctx, 'dossier.export', { year, out }));
  io.out(`已生成：${out}（${r.records}条记录，${r.evidence}个证据文件，${r.lacking}条记录缺少材料）`);
  for (const x of r.leftOut) io.err(`未放入：${x.kind}“${x.record}”的附件“${x.name}”——${x.problem}`);
  return r.leftOut.length ? 2 : 0;
});
