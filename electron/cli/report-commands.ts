/** CLI commands of the yearly report: `figures` and `report --out <file.html|.pdf|.docx>`. */
import path from 'node:path';
import { exportReport } from '@core/report/export';
import { hasBlocking } from '@core/report/checks';
import { call, registerCommand, withLedger } from './run';

registerCommand('figures', {
  usage: '--db <台账文件> --year <年度>',
  options: { db: { type: 'string' }, year: { type: 'string' } },
  async run(a, io) {
    const year = a.year();
    const figures = await withLedger(a.need('db'), false, (ctx) => call(ctx, 'figures.list', { year }));
    io.out(
      JSON.stringify(
        figures.map(({ id, name, value, unit, display, recordCount, ok, problem }) => ({
          id,
          name,
          value,
          unit,
          display,
          recordCount,
          ...(ok ? {} : { problem }),
        })),
        null,
        2,
      ),
    );
    return 0;
  },
});

registerCommand('report', {
  usage: '--db <台账文件> --year <年度> --out <报告.html|.pdf|.docx>',
  options: { db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
  async run(a, io) {
    const year = a.year();
    const out = a.need('out');
    const report = await withLedger(a.need('db'), false, (ctx) => exportReport(ctx, year, out));
    io.out(`已生成：${path.resolve(out)}`);
    for (const p of report.problems) io.err(`${p.severity === 'blocking' ? '必须修改' : '提示'}：${p.message}`);
    return hasBlocking(report.problems) ? 2 : 0;
  },
});
