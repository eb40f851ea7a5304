/**
 * Every kind's register as printed (all kinds in one print, each from a page of its own; one kind
 * also alone, to show it lays out the same), measured on its first page: the table is closed on both sides
 * (the vertical rules found in the rendered pixels, pdftoppm), and no heading is broken inside a
 * word of one or two characters (the heading lines read back with pdftotext -bbox-layout), as
 * 「研究法治议/题」 was. Records: each kind's hand-written samples and generated every-field ones.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord } from '@core/ledger/records';
import { renderRegister } from '@core/register/export';
import { buildRegister } from '@core/register/model';
import { KINDS } from '@rules/kinds';
import { pdfPages, requireTool, type Page, type Word } from '../render-html/measure';
import { sharedPdfRenderer } from '../support/chromium';
import { SAMPLES, sampleRecord, tempLedger, type TempLedger } from '../support/ledger';

const PAGE_W_MM = 297;
const MARGIN_MM = 12;
const DPI = 100;

let L: TempLedger;
let pdf: string;
/** The page (1-based) of the combined print where each kind's register begins. */
const firstPageOf = new Map<string, number>();
let pages: Page[];

/** What a page shows but its own register: the page numbers in the margin count the whole print. */
const withoutFolio = (page: Page) =>
  page.rows.filter((r) => !/^第\d+页/.test(r.text)).map((r) => ({ text: r.text, baseline: r.baseline, xMin: r.xMin }));

beforeAll(async () => {
  requireTool('pdftoppm', 'poppler-utils');
  L = tempLedger();
  const villages = ['石桥村', '河坝村'];
  for (const k of KINDS) {
    SAMPLES[k.id].forEach((_, v) => createRecord(L.ctx.db, k.id, sampleRecord(k.id, v)));
    for (let v = 0; v < 3; v++) createRecord(L.ctx.db, k.id, sampleRecord(k.id, v, { everyField: { villages } }));
  }
  // Each kind's register as the PDF export hands it to the printer, then all of them in one print
  // (a Chromium print costs far more than a page of it): the registers share one stylesheet, and a
  // forced break before each makes its pages as they are alone (checked below on one kind).
  const htmls: string[] = [];
  for (const k of KINDS) {
    await renderRegister(L.ctx, { kind: k.id, year: 2023 }, 'pdf', async (html) => {
      htmls.push(html);
      return new Uint8Array();
    });
  }
  const bodyOf = (html: string) => html.slice(html.indexOf('<body>') + '<body>'.length, html.lastIndexOf('</body>'));
  const css = new Set(htmls.map((h) => /<style>[\s\S]*<\/style>/.exec(h)![0]));
  expect(css.size, 'the registers share one stylesheet').toBe(1);
  const combined = htmls[0]
    .replace('</style>', 'section + section { break-before: page; }</style>')
    .replace(bodyOf(htmls[0]), () => htmls.map((h) => `<section>${bodyOf(h)}</section>`).join('\n'));
  const renderer = await sharedPdfRenderer();
  try {
    pdf = path.join(L.dir, 'registers.pdf');
    fs.writeFileSync(pdf, await renderer.render(combined));
    pages = pdfPages(pdf);
    for (const k of KINDS) {
      const title = buildRegister(L.ctx.db, { kind: k.id, year: 2023 }).title;
      const at = pages.findIndex((p) => p.rows.some((r) => r.text.replace(/\s/g, '') === title.replace(/\s/g, '')));
      expect(at, `${title} in the combined print`).toBeGreaterThanOrEqual(0);
      firstPageOf.set(k.id, at + 1);
    }
    // The kind with the most columns, printed alone, lays out its first page as in the combined print.
    const columns = (kind: string) => buildRegister(L.ctx.db, { kind, year: 2023 }).columns.length;
    const widest = KINDS.reduce((a, b) => (columns(b.id) > columns(a.id) ? b : a));
    const alone = path.join(L.dir, `${widest.id}.pdf`);
    fs.writeFileSync(alone, (await renderRegister(L.ctx, { kind: widest.id, year: 2023 }, 'pdf', (html) => renderer.render(html))).bytes);
    expect(withoutFolio(pdfPages(alone)[0]), `${widest.id}: page 1 alone vs in the combined print`).toEqual(
      withoutFolio(pages[firstPageOf.get(widest.id)! - 1]),
    );
    expect(verticalRules(alone, 1), `${widest.id}: rules alone vs combined`).toEqual(verticalRules(pdf, firstPageOf.get(widest.id)!));
  } finally {
    await renderer.close();
  }
});

afterAll(() => L?.cleanup());

/** x (mm) of the vertical rules on a page: pixel columns dark over most of the table's height. */
function verticalRules(file: string, page: number): number[] {
  const key = `${file}#${page}`;
  if (!rulesOf.has(key)) rulesOf.set(key, measureRules(file, page));
  return rulesOf.get(key)!;
}
const rulesOf = new Map<string, number[]>();

function measureRules(file: string, page: number): number[] {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(DPI), '-f', String(page), '-l', String(page), file]);
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  const [w, h, off] = [Number(head[1]), Number(head[2]), head[0].length];
  const dark = new Array<number>(w).fill(0);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (pgm[off + y * w + x] < 160) dark[x]++;
  // The rules run the table's full height; text never fills a pixel column that far.
  const longest = Math.max(...dark);
  const xs = dark.flatMap((n, x) => (n > longest * 0.8 ? [(x * 25.4) / DPI] : []));
  return xs.filter((x, i) => i === 0 || x - xs[i - 1] > 1);
}

/** Offsets where a line of the heading may not end: inside a word of one or two characters. */
function forbiddenBreaks(heading: string): Set<number> {
  const out = new Set<number>();
  for (const { segment, index } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(heading)) {
    const n = Array.from(segment).length;
    if (n <= 2 && /\p{L}/u.test(segment)) for (let i = 1; i < n; i++) out.add(index + i);
  }
  return out;
}

describe.each(KINDS.map((k) => [k.label, k.id] as const))('%s register, page 1', (_label, kind) => {
  it('has its table ruled on the left and the right edge of the type area', () => {
    const rules = verticalRules(pdf, firstPageOf.get(kind)!);
    const model = buildRegister(L.ctx.db, { kind, year: 2023 });
    // One rule left of each column (序号 included), one closing the table.
    expect(rules.length, `rules at ${rules.map((x) => x.toFixed(1)).join(', ')}`).toBe(model.columns.length + 2);
    expect(rules[0]).toBeCloseTo(MARGIN_MM, 0);
    expect(rules[rules.length - 1]).toBeGreaterThan(PAGE_W_MM - MARGIN_MM - 1);
    expect(rules[rules.length - 1]).toBeLessThan(PAGE_W_MM - MARGIN_MM + 0.5);
  });

  it('breaks no heading inside a word of two characters or fewer', () => {
    const page = pages[firstPageOf.get(kind)! - 1];
    const words: Word[] = page.rows.flatMap((r) => r.words);
    const scope = words.find((w) => /^共\d+条/.test(w.text))!;
    // poppler's boxes for Chromium's Type 3 faces overlap the next line: compare tops, not whole boxes.
    const firstRow = words.find((w) => w.text === '1' && w.yMin > scope.yMin + 2)!;
    const head = words.filter((w) => w.yMin > scope.yMin + 2 && w.yMin < firstRow.yMin - 1);
    const rules = verticalRules(pdf, firstPageOf.get(kind)!);
    const model = buildRegister(L.ctx.db, { kind, year: 2023 });
    ['序号', ...model.columns.map((c) => c.heading)].forEach((heading, j) => {
      const mid = (w: Word) => (w.xMin + w.xMax) / 2;
      const lines = head
        .filter((w) => mid(w) > rules[j] && mid(w) < rules[j + 1])
        .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
        .map((w) => w.text);
      expect(lines.join(''), `column ${j + 1}`).toBe(heading);
      const forbidden = forbiddenBreaks(heading);
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += line.length;
        expect(forbidden.has(at), `「${lines.join('/')}」 breaks inside a short word`).toBe(false);
      }
    });
  });
});
