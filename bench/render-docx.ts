/**
 * DOCX export benchmark: renderReportDocx for the seven-page sample report (build the docx model,
 * serialise and zip), median of repeated runs after one warm-up. Target < 500 ms.
 *
 * Run alone with `npm run bench -- render-docx`.
 */
import { renderReportDocx } from '@core/render/docx';
import { longDocument, sampleDocument } from '../test/support/sample-document';
import { timeMedian, type BenchRow } from './row';

export const TARGET_MS = 500;
const RUNS = 15;

export async function run(): Promise<BenchRow[]> {
  const sample = sampleDocument();
  const long = longDocument();
  await renderReportDocx(sample); // warm-up: module init, JIT
  const sampleMs = await timeMedian(RUNS, () => renderReportDocx(sample));
  const longMs = await timeMedian(RUNS, () => renderReportDocx(long));
  const bytes = (await renderReportDocx(sample)).length;
  return [
    { name: 'render-docx sampleDocument()', ms: sampleMs, targetMs: TARGET_MS, note: `${Math.round(bytes / 1024)} KiB` },
    { name: 'render-docx longDocument()', ms: longMs, targetMs: TARGET_MS },
  ];
}
