/**
 * The ReportDocument is resolved once, when it is assembled, so the HTML (PDF) and DOCX renderers
 * only draw: a 抄送 typed with its own 「抄送：」 prefix and a 主送机关 typed with a trailing colon
 * print once in both, measured on the real PDFs (Chromium for HTML, LibreOffice for DOCX).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport } from '@core/report/assemble';
import { getReportSpec } from '@core/report/store';
import { renderReportDocx } from '@core/render/docx';
import type { PdfRenderer } from '@core/render/pdf';
import { sharedPdfRenderer } from '../support/chromium';
import { renderReportHtml } from '@core/render/html';
import type { ReportDocument } from '@rules/report/document';
import { ccText, recipientsText } from '@rules/report/title';
import { shuangtuLedger } from './support';
import { pdfPages } from '../render-html/measure';
import { readPdf, rows } from '../render-docx/measure';
import { convertToPdf } from '../render-docx/soffice';

const OUT = path.resolve(import.meta.dirname, '../../test-output/resolved-text');

let doc: ReportDocument;
let renderer: PdfRenderer;
beforeAll(async () => {
  const ledger = shuangtuLedger();
  try {
    const { spec } = getReportSpec(ledger.ctx.db, 2023);
    // What the clerk typed: the prefix and the colon the renderers also print.
    spec.settings = {
      ...spec.settings,
      cc: ' 抄送：县司法局 ',
      recipients: '县委、县政府：',
      imprint: true,
      issuer: '双土镇党政办公室',
      issueDate: '2024-01-15',
    };
    doc = assembleReport(ledger.ctx.db, 2023, spec).document;
  } finally {
    ledger.cleanup();
  }
  renderer = await sharedPdfRenderer();
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => renderer?.close());

const count = (lines: string[], text: string) => lines.join('\n').split(text).length - 1;

describe('resolved report text', () => {
  it('cleans the typed 抄送 and 主送机关 once, in the document', () => {
    expect(doc.imprint?.cc).toBe('县司法局');
    expect(doc.recipients).toBe('县委、县政府');
    expect(ccText('抄送:县司法局。')).toBe('县司法局');
    expect(ccText('  ')).toBeNull();
    expect(recipientsText('县委、县政府:： ')).toBe('县委、县政府');
  });

  it('the PDF from HTML prints 「抄送：县司法局。」 and 「县委、县政府：」 once', async () => {
    const pdf = path.join(OUT, 'html.pdf');
    fs.writeFileSync(pdf, await renderer.render(renderReportHtml(doc)));
    const lines = pdfPages(pdf).flatMap((p) => p.rows.map((r) => r.text.replace(/\s/g, '')));
    expect(lines).toContain('抄送：县司法局。');
    expect(count(lines, '抄送')).toBe(1);
    expect(lines).toContain('县委、县政府：');
    expect(count(lines, '：：')).toBe(0);
  });

  it('the PDF from DOCX prints 「抄送：县司法局。」 and 「县委、县政府：」 once', async () => {
    const docx = path.join(OUT, 'docx.docx');
    fs.writeFileSync(docx, await renderReportDocx(doc));
    const [pdf] = convertToPdf([docx], OUT);
    const lines = readPdf(pdf).flatMap((p) => rows(p).map((l) => l.compact));
    expect(lines).toContain('抄送：县司法局。');
    expect(count(lines, '抄送')).toBe(1);
    expect(lines).toContain('县委、县政府：');
    expect(count(lines, '：：')).toBe(0);
  });
});
