/**
 * Where each figure sits on the PDF pages, so clicking a number in the preview opens its records.
 * The PDF carries only text, so the figure runs of the assembled document (the very source of the
 * PDF) are found again in the pages' text, in order, each with a few characters of context.
 * Both sides are NFKC-normalized: CJK fonts map some glyphs back to Kangxi radicals (⼟ for 土);
 * radicals NFKC leaves alone (⺠ for 民, ⻛ for 风) match any character.
 * Pure: text items in, boxes in PDF user space (origin bottom-left) out.
 */
import type { ReportDocument } from '../types';

export interface TextItemLike {
  str: string;
  /** [a, b, c, d, e, f]: e, f the baseline origin; d the font size for upright text. */
  transform: number[];
  width: number;
  height: number;
}

interface FigureRun {
  figureId: string;
  text: string;
  /** Text of the same block just before the run. */
  before: string;
}

export interface FigureHit {
  page: number;
  figureId: string;
  /** Box in PDF user space: left, bottom, right, top. */
  rect: [number, number, number, number];
}

const strip = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
/** Stands for one character the PDF's text shows as a radical of the supplement block. */
const ANY = '\uffff';
const pdfText = (s: string) => strip(s).replace(/[\u2e80-\u2eff]/g, ANY);

/** indexOf where ANY in `stream` matches any character of `pattern`. */
function find(stream: string, pattern: string, from: number): number {
  outer: for (let i = Math.max(0, from); i <= stream.length - pattern.length; i++) {
    for (let k = 0; k < pattern.length; k++) {
      const c = stream.charCodeAt(i + k);
      if (c !== 0xffff && c !== pattern.charCodeAt(k)) continue outer;
    }
    return i;
  }
  return -1;
}

export function figureRuns(doc: ReportDocument): FigureRun[] {
  const out: FigureRun[] = [];
  for (const block of doc.body) {
    let before = '';
    for (const run of block.runs) {
      if (run.figureId && strip(run.text)) out.push({ figureId: run.figureId, text: run.text, before });
      before += run.text;
    }
  }
  return out;
}

/** Advance of one character relative to a CJK one (ASCII and half-width forms are half as wide). */
const weight = (ch: string) => (/[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 0.5 : 1);

interface CharRef {
  page: number;
  item: number;
  index: number;
}

function boxOf(item: TextItemLike, from: number, to: number): [number, number, number, number] {
  const chars = [...item.str];
  const total = chars.reduce((s, c) => s + weight(c), 0) || 1;
  const upTo = (n: number) => chars.slice(0, n).reduce((s, c) => s + weight(c), 0);
  const [, , c, d, e, f] = item.transform;
  const size = Math.hypot(c, d) || item.height || 12;
  const x0 = e + (item.width * upTo(from)) / total;
  const x1 = e + (item.width * upTo(to)) / total;
  return [x0, f - 0.22 * size, x1, f + 0.92 * size];
}

/** Characters of footer, title or page number that may sit between the two halves of a broken run. */
const MAX_BREAK = 120;

/**
 * Where `needle` (preceded by `context`) is in `stream` after `from`: whole with its context; else
 * its longest beginning (two characters at least) right after the context, for a run broken by a
 * page break; else whole, anywhere after `from`. The context comes first so a later look-alike
 * (the same words in another paragraph) never wins over the right place.
 */
function locate(stream: string, context: string, needle: string, from: number): { start: number; end: number } | null {
  if (context) {
    const i = find(stream, context + needle, from);
    if (i >= 0) return { start: i + context.length, end: i + context.length + needle.length };
    for (let k = needle.length - 1; k >= 2; k--) {
      const j = find(stream, context + needle.slice(0, k), from);
      if (j >= 0) return { start: j + context.length, end: j + context.length + k };
    }
  }
  const j = find(stream, needle, from);
  return j >= 0 ? { start: j, end: j + needle.length } : null;
}

/** Finds every figure run in the pages' text, in document order; runs not found are left out. */
export function findFigureHits(pages: readonly (readonly TextItemLike[])[], runs: readonly FigureRun[]): FigureHit[] {
  const refs: CharRef[] = [];
  let stream = '';
  pages.forEach((items, page) =>
    items.forEach((it, item) =>
      [...it.str].forEach((ch, index) => {
        const n = pdfText(ch);
        // One character may normalize to several code units (or astral ones): keep refs aligned.
        for (let u = 0; u < n.length; u++) refs.push({ page, item, index });
        stream += n;
      }),
    ),
  );
  const hits: FigureHit[] = [];
  const mark = (figureId: string, start: number, end: number) => {
    // One box per text item the match spans (a run may wrap onto the next line).
    const spans = new Map<string, { page: number; item: number; from: number; to: number }>();
    for (const r of refs.slice(start, end)) {
      const key = `${r.page}:${r.item}`;
      const s = spans.get(key);
      if (s) s.to = r.index + 1;
      else spans.set(key, { page: r.page, item: r.item, from: r.index, to: r.index + 1 });
    }
    for (const s of spans.values()) hits.push({ page: s.page, figureId, rect: boxOf(pages[s.page][s.item], s.from, s.to) });
  };
  let cursor = 0;
  for (const run of runs) {
    const needle = strip(run.text);
    const context = strip(run.before).slice(-6);
    const at = locate(stream, context, needle, cursor);
    if (!at) continue;
    mark(run.figureId, at.start, at.end);
    cursor = at.end;
    // A run broken by a page break: the rest follows the page's footer and the next page's number.
    if (at.end - at.start < needle.length) {
      const rest = find(stream, needle.slice(at.end - at.start), at.end);
      if (rest >= 0 && rest - at.end < MAX_BREAK) {
        mark(run.figureId, rest, rest + needle.length - (at.end - at.start));
        cursor = rest + needle.length - (at.end - at.start);
      }
    }
  }
  return hits;
}
