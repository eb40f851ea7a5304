/**
 * The harness's printing browser warmed at start (warmPrinter, as npm run web and the benches
 * start it): started before any page asks for a PDF, with one document printed in every font role
 * of the report and the registers; off by default, so a harness that prints nothing starts no
 * browser. Uses the worker's shared Chromium through a renderer that records what it prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FONT_CHAIN } from '@rules/layout';
import { fontStack } from '@core/render/html/styles';
import type { PdfRenderer } from '@core/render/pdf';
import { startHarness, type Harness } from '../../electron/harness/server';
import { sharedPdfRenderer } from '../support/chromium';

let dir: string;
const started: Harness[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-warm-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
});
afterAll(async () => {
  for (const h of started) await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A shared-browser renderer whose prints are recorded (HTML in, PDF bytes out). */
function recordingRenderer() {
  const printed: { html: string; pdf: Buffer }[] = [];
  const renderers: PdfRenderer[] = [];
  const start = vi.fn(async (): Promise<PdfRenderer> => {
    const r = await sharedPdfRenderer();
    renderers.push(r);
    const render = r.render.bind(r);
    r.render = async (html: string) => {
      const pdf = await render(html);
      printed.push({ html, pdf });
      return pdf;
    };
    return r;
  });
  return { start, printed, renderers };
}

async function harness(name: string, warmPrinter: boolean | undefined, start: () => Promise<PdfRenderer>): Promise<Harness> {
  const h = await startHarness({ dbFile: path.join(dir, `${name}.db`), rendererDir: dir, startRenderer: start, warmPrinter });
  started.push(h);
  return h;
}

describe('warmPrinter', () => {
  it('starts the printing browser with the harness and prints a page in every font role before any PDF is asked for', async () => {
    const { start, printed, renderers } = recordingRenderer();
    const h = await harness('warm', true, start);
    expect(start).toHaveBeenCalledTimes(1);
    await h.printerWarm;
    // One warm-up document on each page the printer prints on.
    expect(printed).toHaveLength(renderers[0].pages);
    for (const { html, pdf } of printed) {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      for (const role of Object.keys(FONT_CHAIN) as (keyof typeof FONT_CHAIN)[]) expect(html).toContain(fontStack(role));
    }
  });

  it('leaves the browser unstarted by default, until a PDF is asked for', async () => {
    const { start, printed } = recordingRenderer();
    const h = await harness('cold', undefined, start);
    // startHarness asks for the warm-up before it resolves; nothing was asked.
    expect(start).not.toHaveBeenCalled();
    const r = await fetch(`${h.url}host/reportPdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-harness-token': h.token },
      body: JSON.stringify({ year: 2023 }),
    });
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(start).toHaveBeenCalledTimes(1);
    expect(printed.map((p) => p.html.includes('关于2023年法治政府建设情况的报告'))).toEqual([true]);
  });
});
