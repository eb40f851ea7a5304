/** CLI commands of the printed registers (`register … --kind <kind> --out <file.pdf|file.html>`) and the year's 档案袋 (`dossier … --out <file.zip>`). */
import path from 'node:path';
import { call, registerCommand, withLedger } from './run';

registerCommand('register', {
  usage: '--db <台账文件> --year <年度> --kind <台账类型> --out <登记簿.pdf|.html>',
  options: { db: { type: 'string' }, year: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' } },
  async run(a, io) {
    const year = a.year();
    const kind = a.need('kind');
    const out = path.resolve(a.need('out'));
    const r = await withLedger(a.need('db'), false, (ctx) => call(ctx, 'register.export', { kind, year, out }));
    io.out(`已生成：${out}（${r.records}条记录）`);
    return 0;
  },
});

registerCommand('dossier', {
  usage: '--db <台账文件> --year <年度> --out <档案袋.zip> [--draft-report]（报告未定稿时仍导出，索引标注“未定稿”）',
  options: { db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, 'draft-report': { type: 'boolean' } },
  async run(a, io) {
    const year = a.year();
    const out = path.resolve(a.need('out'));
    const draftReport = a.values['draft-report'] === true;
    const r = await withLedger(a.need('db'), false, (ctx) => call(ctx, 'dossier.export', { year, out, draftReport }));
    if (r.reportDraft.length) io.err(`年度报告未定稿，已在索引中标注：${r.reportDraft.join('；')}`);
    io.out(`已生成：${out}（${r.records}条记录，${r.evidence}个证据文件，${r.lacking}条记录缺少材料）`);
    for (const x of r.leftOut) io.err(`未放入：${x.kind}“${x.record}”的附件“${x.name}”——${x.problem}`);
    return r.leftOut.length ? 2 : 0;
  },
});
