/**
 * The 双土镇 2023 fixture through the whole pipeline: ledger → assembly → DOCX. Every figure of the
 * sample is in document.xml, and LibreOffice's PDF of it keeps 22 lines a page; with the condensed
 * grid (28 characters a line in LibreOffice) its page count equals the Chromium PDF's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleYear } from '@core/report/assemble';
import { renderReportDocx } from '@core/render/docx';
import { renderReportHtml } from '@core/render/html';
import { htmlToPdf } from '@core/render/pdf';
import type { ReportDocument } from '@rules/report/document';
import { shuangtuLedger } from '../report/support';
import { loadDocx, paragraphs } from './docx-parts';
import { pageNumberRow, readPdf, rowsWithin } from './measure';
import { convertToPdf, OUTPUT_DIR, pageCount, previewPages } from './soffice';

let doc: ReportDocument;
let env: ReturnType<typeof shuangtuLedger>;
beforeAll(() => {
  env = shuangtuLedger();
  doc = assembleYear(env.ctx.db, 2023).document;
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
});
afterAll(() => env.cleanup());

describe('the 双土镇 2023 report as DOCX', () => {
  it('carries every figure of the sample in document.xml', async () => {
    const parts = await loadDocx(await renderReportDocx(doc));
    const text = paragraphs(parts.document)
      .map((p) => p.text)
      .join('\n');
    for (const phrase of [
      '召开党委会议11次',
      '应急演练60余次',
      '1200余人次',
      '罚单906张',
      '罚款6.177万元',
      '矛盾纠纷406起',
      '调解成功率99%',
      '政府信息25条',
      '全年未制定行政规范性文件',
      '参考率、合格率均达到100%',
      '1250余人次',
      '40余人次',
      '覆盖全镇11个村（社区）',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('lays 22 lines on every full page in LibreOffice, numbers every page, and matches the Chromium page count when condensed', async () => {
    const grid = path.join(OUTPUT_DIR, 'fixture-grid.docx');
    const condensed = path.join(OUTPUT_DIR, 'fixture-condensed.docx');
    fs.writeFileSync(grid, await renderReportDocx(doc));
    fs.writeFileSync(condensed, await renderReportDocx(doc, { charGrid: 'condensed' }));
    const [gridPdf, condensedPdf] = convertToPdf([grid, condensed], OUTPUT_DIR);
    const pages = readPdf(gridPdf);
    const body = (i: number) => rowsWithin(pages[i], 37, 262);
    for (let i = 1; i < pages.length - 1; i++) {
      // A page may end up to two lines early where a heading or 特此报告 is kept with what follows it.
      const next = body(i + 1)[0]?.compact ?? '';
      const kept = /^[一二三四五六七八九十]+、/.test(next) || next === '特此报告';
      if (kept) expect(body(i).length, `page ${i + 1}`).toBeGreaterThanOrEqual(20);
      else expect(body(i), `page ${i + 1}`).toHaveLength(22);
    }
    pages.forEach((page, i) => expect(pageNumberRow(page)?.n).toBe(i + 1));
    const chromium = path.join(OUTPUT_DIR, 'fixture-chromium.pdf');
    fs.writeFileSync(chromium, await htmlToPdf(renderReportHtml(doc)));
    expect(pageCount(condensedPdf)).toBe(pageCount(chromium));
    previewPages(gridPdf, [1, pages.length]);
  });
});
