/**
 * Reads `pdftotext -bbox-layout` output into pages of text lines with their boxes in millimetres,
 * so the DOCX tests can check GB/T 9704 geometry on LibreOffice's PDF. Deliberately small and
 * separate from the HTML renderer's helper.
 */
import { execFileSync } from 'node:child_process';

const PT_TO_MM = 25.4 / 72;

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface TextLine extends Box {
  /** Words joined by single spaces, as pdftotext split them. */
  text: string;
  /** Words joined without spaces (CJK text comes out one word per character when spaced on a grid). */
  compact: string;
  words: (Box & { text: string })[];
}

export interface PdfPage {
  number: number;
  widthMm: number;
  heightMm: number;
  lines: TextLine[];
}

const attr = (tag: string, name: string): number => {
  const m = new RegExp(`${name}="([-0-9.]+)"`).exec(tag);
  return m ? Number(m[1]) : NaN;
};

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const boxOf = (tag: string): Box => ({
  xMin: attr(tag, 'xMin') * PT_TO_MM,
  yMin: attr(tag, 'yMin') * PT_TO_MM,
  xMax: attr(tag, 'xMax') * PT_TO_MM,
  yMax: attr(tag, 'yMax') * PT_TO_MM,
});

/** Parses the XHTML that `pdftotext -bbox-layout` writes. */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  const pageRe = /<page\b([^>]*)>([\s\S]*?)<\/page>/g;
  for (let pm = pageRe.exec(xhtml); pm; pm = pageRe.exec(xhtml)) {
    const lines: TextLine[] = [];
    const lineRe = /<line\b([^>]*)>([\s\S]*?)<\/line>/g;
    for (let lm = lineRe.exec(pm[2]); lm; lm = lineRe.exec(pm[2])) {
      const words: TextLine['words'] = [];
      const wordRe = /<word\b([^>]*)>([\s\S]*?)<\/word>/g;
      for (let wm = wordRe.exec(lm[2]); wm; wm = wordRe.exec(lm[2])) {
        words.push({ ...boxOf(wm[1]), text: decode(wm[2]) });
      }
      lines.push({
        ...boxOf(lm[1]),
        words,
        text: words.map((w) => w.text).join(' '),
        compact: words.map((w) => w.text).join(''),
      });
    }
    pages.push({
      number: pages.length + 1,
      widthMm: attr(pm[1], 'width') * PT_TO_MM,
      heightMm: attr(pm[1], 'height') * PT_TO_MM,
      lines,
    });
  }
  return pages;
}

export function readPdf(pdfPath: string): PdfPage[] {
  const out = execFileSync('pdftotext', ['-bbox-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return parseBboxLayout(out);
}

/**
 * Text rows of a page: pdftotext may cut one visual line into several <line>s (a font change, wide
 * grid gaps), so lines whose vertical centres lie within `toleranceMm` are merged, left to right.
 */
export function rows(page: PdfPage, toleranceMm = 2): TextLine[] {
  const sorted = [...page.lines].sort((a, b) => (a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2);
  const out: TextLine[] = [];
  for (const line of sorted) {
    const c = (line.yMin + line.yMax) / 2;
    const last = out[out.length - 1];
    if (last && Math.abs((last.yMin + last.yMax) / 2 - c) <= toleranceMm) {
      const words = [...last.words, ...line.words].sort((a, b) => a.xMin - b.xMin);
      out[out.length - 1] = {
        xMin: Math.min(last.xMin, line.xMin),
        xMax: Math.max(last.xMax, line.xMax),
        yMin: Math.min(last.yMin, line.yMin),
        yMax: Math.max(last.yMax, line.yMax),
        words,
        text: words.map((w) => w.text).join(' '),
        compact: words.map((w) => w.text).join(''),
      };
    } else {
      out.push(line);
    }
  }
  return out;
}

/** Number of characters in a row, counting a run of ASCII as half a character per letter. */
export function charCount(line: TextLine): number {
  let n = 0;
  for (const ch of line.compact) n += (ch.codePointAt(0) ?? 0) < 0x2e80 && !/[—“”‘’…]/.test(ch) ? 0.5 : 1;
  return n;
}

/** Page-number rows: “— N —” (pdftotext may drop or keep the spaces). */
export const PAGE_NUMBER_RE = /^[—–-]\s*(\d+)\s*[—–-]$/;

export function pageNumberRow(page: PdfPage): { n: number; line: TextLine } | null {
  for (const line of rows(page)) {
    const m = PAGE_NUMBER_RE.exec(line.compact);
    if (m) return { n: Number(m[1]), line };
  }
  return null;
}

/** Rows inside a vertical band, e.g. the 版心 (page numbers excluded). */
export function rowsWithin(page: PdfPage, topMm: number, bottomMm: number): TextLine[] {
  return rows(page).filter((l) => (l.yMin + l.yMax) / 2 >= topMm && (l.yMin + l.yMax) / 2 <= bottomMm);
}
