/**
 * `cli self-test`: the installed app's `--self-test` from the command line — the ledger's checks,
 * then the sample year's report printed to PDF by headless Chromium in a temp folder. Exit 0 only
 * when every check passes.
 */
import path from 'node:path';
import { CLI_HOST } from '@core/diagnostics/collect';
import { runSelfTest, selfTestText } from '@core/diagnostics/self-test';
import { htmlToPdf } from '@core/render/pdf';
import { registerCommand } from './run';

/** The 2023 双土镇 ledger the tests use: a full year, so the sample report has every section. */
const DEFAULT_SAMPLE = path.resolve(__dirname, '../../test/fixtures/shuangtu-2023.json');

registerCommand('self-test', {
  usage: '--db <台账文件> [--sample <交换文件.json>] [--temp <临时文件夹>]',
  options: { db: { type: 'string' }, sample: { type: 'string' }, temp: { type: 'string' } },
  async run(a, io) {
    const r = await runSelfTest({
      ledgerFile: path.resolve(a.need('db')),
      sampleFile: typeof a.values.sample === 'string' ? a.values.sample : DEFAULT_SAMPLE,
      tempRoot: typeof a.values.temp === 'string' ? a.values.temp : undefined,
      printPdf: (html) => htmlToPdf(html),
      host: CLI_HOST,
    });
    (r.ok ? io.out : io.err)(selfTestText(r).trimEnd());
    return r.ok ? 0 : 1;
  },
});
