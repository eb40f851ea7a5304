/**
 * Measures a PDF the way a ruler would: `pdftotext -bbox-layout` (poppler-utils) gives every word's
 * box; this parses it into pages → rows of words in millimetres. Renderer-agnostic, so the DOCX
 * (LibreOffice) tests can reuse it. A missing tool fails loudly: a layout test must never pass by skipping.
 */
import { execFileSync } from 'node:child_process';

export const MM_PER_PT = 25.4 / 72;

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Word extends Box {
  text: string;
  /** Estimated baseline, see `baselineOf`. */
  baseline: number;
}
/** Words sharing one baseline, left to right, whatever blocks pdftotext put them in. */
export interface Row extends Word {
  words: Word[];
}
export interface Page {
  number: number;
  widthMm: number;
  heightMm: number;
  rows: Row[];
}

/** Throws a clear error when a command-line tool the tests depend on is missing. */
export function requireTool(cmd: string, pkg: string): void {
  try {
    execFileSync(cmd, ['-v'], { stdio: 'pipe' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${cmd} not found: install ${pkg} (e.g. apt-get install ${pkg}); layout tests cannot run without it`, { cause: err });
    }
  }
}

/**
 * poppler places a word's box at baseline − ascent·size … baseline − descent·size. Fonts without
 * metrics (Chromium/Skia embeds CJK faces as Type 3) get poppler's defaults 0.95 / −0.35, hence
 * the ratio; pass another one for PDFs whose fonts carry real ascent/descent.
 */
export const DEFAULT_ASCENT_RATIO = 0.95 / 1.3;

const attr = (tag: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(tag)![1]);
const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export function parseBboxLayout(xhtml: string, ascentRatio = DEFAULT_ASCENT_RATIO): Page[] {
  const pages: Page[] = [];
  const pageRe = /<page ([^>]*)>([\s\S]*?)<\/page>/g;
  for (let m = pageRe.exec(xhtml); m; m = pageRe.exec(xhtml)) {
    const words: Word[] = [];
    const wordRe = /<word ([^>]*)>([\s\S]*?)<\/word>/g;
    for (let w = wordRe.exec(m[2]); w; w = wordRe.exec(m[2])) {
      const [xMin, yMin, xMax, yMax] = ['xMin', 'yMin', 'xMax', 'yMax'].map((n) => attr(w![1], n) * MM_PER_PT);
      words.push({ xMin, yMin, xMax, yMax, text: unescape(w[2]), baseline: yMin + (yMax - yMin) * ascentRatio });
    }
    pages.push({
      number: pages.length + 1,
      widthMm: attr(m[1], 'width') * MM_PER_PT,
      heightMm: attr(m[1], 'height') * MM_PER_PT,
      rows: groupRows(words),
    });
  }
  return pages;
}

const isWide = (ch: string | undefined): boolean => !!ch && ch.codePointAt(0)! > 0x2e7f;

/** Joins words the way they read: no space between two CJK characters, one space otherwise. */
export function joinWords(words: Word[]): string {
  return words.reduce((acc, w) => (acc && !(isWide(acc.at(-1)) && isWide(w.text[0])) ? `${acc} ${w.text}` : acc + w.text), '');
}

/** Groups words whose baselines lie within `tolMm` into rows, top to bottom. */
export function groupRows(words: Word[], tolMm = 1): Row[] {
  const sorted = [...words].sort((a, b) => a.baseline - b.baseline);
  const groups: Word[][] = [];
  for (const w of sorted) {
    const g = groups.at(-1);
    if (g && Math.abs(g[0].baseline - w.baseline) <= tolMm) g.push(w);
    else groups.push([w]);
  }
  return groups.map((g) => {
    const ws = g.sort((a, b) => a.xMin - b.xMin);
    return {
      words: ws,
      text: joinWords(ws),
      xMin: Math.min(...ws.map((w) => w.xMin)),
      xMax: Math.max(...ws.map((w) => w.xMax)),
      yMin: Math.min(...ws.map((w) => w.yMin)),
      yMax: Math.max(...ws.map((w) => w.yMax)),
      baseline: ws.reduce((s, w) => s + w.baseline, 0) / ws.length,
    };
  });
}

export function pdfPages(pdfPath: string, ascentRatio?: number): Page[] {
  requireTool('pdftotext', 'poppler-utils');
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return parseBboxLayout(xhtml, ascentRatio);
}

/** Characters of a row as a reader counts them (spaces pdftotext inserted for wide gaps do not count). */
export const charCount = (text: string): number => [...text.replace(/\s/g, '')].length;
export const allWide = (text: string): boolean => [...text.replace(/\s/g, '')].every((c) => isWide(c));
