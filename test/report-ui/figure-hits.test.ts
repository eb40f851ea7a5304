/**
 * Clickable figures in the preview: every figure run of the assembled 双土镇 report is found in
 * the text of the PDF Chromium prints (read back with pdf.js, as the preview does), with its box
 * on the glyphs; and the matching copes with radical glyphs (⼟, ⺠), runs broken by a page break,
 * and the same words appearing twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleYear } from '@core/report/assemble';
import { importLedger } from '@core/ledger/exchange';
import { renderReportHtml } from '@core/render/html';
import { htmlToPdf } from '@core/render/pdf';
import { mmToPt, MARGIN, PAGE } from '@rules/layout';
import { getReportSpec, saveReportSpec } from '@core/report/store';
import { figureRuns, findFigureHits, type TextItemLike } from '../../src/app/report/preview/figure-hits';
import { tempLedger, type TempLedger } from '../support/ledger';

// pdf.js 6 expects Promise.withResolvers (Chromium has it; Node 20 does not).
const P = Promise as unknown as { withResolvers?: () => unknown };
P.withResolvers ??= () => {
  let resolve!: (v: unknown) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};

const item = (str: string, x: number, y: number, size = 16): TextItemLike => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width: [...str].length * size,
  height: size,
});

describe('findFigureHits (text items)', () => {
  it('finds a run after its context, not an earlier look-alike', () => {
    const pages = [[item('召开会议4次，学习4次。', 100, 700)]];
    const [second] = findFigureHits(pages, [{ figureId: 'b', text: '4次', before: '召开会议4次，学习' }]);
    const [first] = findFigureHits(pages, [{ figureId: 'a', text: '4次', before: '召开会议' }]);
    expect(second.rect[0]).toBeGreaterThan(first.rect[0] + 3 * 16);
  });

  it('reads radical glyphs as the ideographs they stand for', () => {
    const pages = [
      [item('双', 0, 0), item('⼟', 16, 0), item('镇共开展演练60余次', 32, 0), item('⼈⺠调解', 0, 20), item('406起', 64, 20)],
    ];
    const runs = [
      { figureId: 'drill', text: '60余次', before: '双土镇共开展演练' },
      { figureId: 'dispute', text: '406起', before: '人民调解' },
    ];
    expect(findFigureHits(pages, runs).map((h) => h.figureId)).toEqual(['drill', 'dispute']);
  });

  it('marks both halves of a run broken by a page break', () => {
    const pages = [
      [item('— 1 —', 300, 50), item('2023年全年未制定行政规范性文', 80, 100)],
      [item('— 2 —', 300, 50), item('件。', 80, 700)],
    ];
    const hits = findFigureHits(pages, [{ figureId: 'doc', text: '全年未制定行政规范性文件', before: '2023年' }]);
    expect(hits.map((h) => h.page)).toEqual([0, 1]);
  });

  it('keeps a broken run where its context is, even when the same words come whole later', () => {
    const pages = [
      [item('2023年全年未制定行政规范性文', 80, 100)],
      [item('件。全年召开党委会议11次；全年未制定行政规范性文件。', 80, 700)],
    ];
    const runs = [
      { figureId: 'doc', text: '全年未制定行政规范性文件', before: '2023年' },
      { figureId: 'party', text: '11次', before: '全年召开党委会议' },
      { figureId: 'doc', text: '全年未制定行政规范性文件', before: '全年召开党委会议11次；' },
    ];
    expect(findFigureHits(pages, runs).map((h) => `${h.figureId}@${h.page}`)).toEqual(['doc@0', 'doc@1', 'party@1', 'doc@1']);
  });
});

describe('findFigureHits (the printed report)', () => {
  let ledger: TempLedger;
  let pages: TextItemLike[][];
  let runs: ReturnType<typeof figureRuns>;

  beforeAll(async () => {
    ledger = tempLedger({ settings: null });
    importLedger(ledger.ctx.db, fs.readFileSync(path.resolve(__dirname, '../fixtures/shuangtu-2023.json'), 'utf8'));
    // The default outline plus a paragraph that repeats words of an earlier figure (the e2e's).
    const spec = getReportSpec(ledger.ctx.db, 2023).spec;
    spec.sections[0].children![3].paragraphs.push({
      id: 'ours',
      segments: [
        { type: 'text', text: '全年共召开党委会议' },
        { type: 'figure', figureId: 'meeting.party.count' },
        { type: 'text', text: '；' },
        { type: 'figure', figureId: 'normativeDoc.enacted', zeroText: '全年未制定行政规范性文件' },
        { type: 'text', text: '。' },
      ],
    });
    saveReportSpec(ledger.ctx.db, 2023, spec);
    const report = assembleYear(ledger.ctx.db, 2023);
    runs = figureRuns(report.document);
    const pdf = await htmlToPdf(renderReportHtml(report.document));
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useWorkerFetch: false, useWasm: false }).promise;
    pages = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.filter((x): x is typeof x & TextItemLike => 'str' in x));
    }
    await doc.loadingTask.destroy();
  });
  afterAll(() => ledger?.cleanup());

  it('finds every figure of the report, each inside the 版心 of its page', () => {
    const hits = findFigureHits(pages, runs);
    expect(runs.length).toBeGreaterThan(15);
    // Every run at least once: hits come in run order, so count them per figure.
    const count = (list: { figureId: string }[]) =>
      list.reduce((m, x) => m.set(x.figureId, (m.get(x.figureId) ?? 0) + 1), new Map<string, number>());
    const byRun = count(runs);
    const byHit = count(hits);
    for (const [id, n] of byRun) expect(byHit.get(id) ?? 0, id).toBeGreaterThanOrEqual(n);
    const left = mmToPt(MARGIN.leftMm) - 1;
    const right = mmToPt(PAGE.widthMm - MARGIN.rightMm) + 1;
    const bottom = mmToPt(MARGIN.bottomMm) - 8;
    const top = mmToPt(PAGE.heightMm - MARGIN.topMm) + 8;
    for (const h of hits) {
      const [x0, y0, x1, y1] = h.rect;
      expect(x0).toBeGreaterThanOrEqual(left);
      expect(x1).toBeLessThanOrEqual(right);
      expect(x1 - x0).toBeGreaterThan(5);
      expect(y0).toBeGreaterThanOrEqual(bottom);
      expect(y1).toBeLessThanOrEqual(top);
    }
  });
});
