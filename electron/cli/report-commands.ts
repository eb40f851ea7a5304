/** CLI commands of the yearly report: `figures` and `report --out <file.html|.pdf|.docx>`. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LedgerError } from '@rules/errors';
import { exportReport } from '@core/report/export';
import { hasBlocking } from '@core/report/checks';
import { call, needYear, registerCommand, withLedger } from './run';
import type { FigureResult } from '@core/figures/compute';

const args = (argv: string[]) => {
  try {
    return parseArgs({ args: argv, options: { db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } }, strict: true }).values;
  } catch (err) {
    throw new LedgerError('VALIDATION', `参数错误：${(err as Error).message}`);
  }
};
const need = (v: string | undefined, flag: string) => {
  if (!v) throw new LedgerError('VALIDATION', `缺少参数 ${flag}`);
  return v;
};

registerCommand('figures', async (argv, io) => {
  const v = args(argv);
  const year = needYear(v.year);
  const figures = await withLedger(need(v.db, '--db'), false, (ctx) => call<FigureResult[]>(ctx, 'figures.list', { year }));
  io.out(JSON.stringify(figures.map(({ id, name, value, unit, display, recordCount, ok, problem }) => ({ id, name, value, unit, display, recordCount, ...(ok ? {} : { problem }) })), null, 2));
  return 0;
});

registerCommand('report', async (argv, io) => {
  const v = args(argv);
  const year = needYear(v.year);
  const out = need(v.out, '--out');
  const report = await withLedger(need(v.db, '--db'), false, (ctx) => exportReport(ctx, year, out));
  io.out(`已生成：${path.resolve(out)}`);
  for (const p of report.problems) io.err(`${p.severity === 'blocking' ? '必须修改' : '提示'}：${p.message}`);
  return hasBlocking(report.problems) ? 2 : 0;
});
