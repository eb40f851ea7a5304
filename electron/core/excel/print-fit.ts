/**
 * How an exported sheet prints: column widths, how many lines a wrapped cell takes, the row heights
 * that hold them, and whether the printed columns fit one A4 landscape width with the text still
 * ≥ 9 pt. Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves
 * (LibreOffice keeps the default height and lets the text run over the next row; Excel keeps the
 * stored height), so every height is computed here from the text and the column's width.
 *
 * Widths are in Excel's units (characters of the default font's digit). The two programs turn a
 * unit into different lengths: Excel (Calibri 11, 96 dpi) 7 px + 5 px per column, i.e. 5.25 pt
 * per unit + 3.75 pt; LibreOffice 7 pt per unit (measured on its PDF). Lines are counted in the
 * narrower (Excel's), so no program cuts a cell; the fit is judged in the wider (LibreOffice's),
 * so no program prints under 9 pt.
 */
import { textWidth } from './sheet';

/** The cells' font size; the header/footer and the 合计 row use it too. */
export const FONT_PT = 11;
/** No printed text smaller than this. */
const MIN_PRINT_PT = 9;
/** One line of 11-pt CJK text (Noto Sans CJK in LibreOffice: 16 pt; 等线/宋体 in Excel: 14.25). */
const LINE_PT = 16;
/** Space above and below a cell's text. */
const ROW_PAD_PT = 4;

/** A4 landscape, in points, less the side margins (0.4 in each). */
export const MARGIN_IN = { left: 0.4, right: 0.4, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 };
const PRINT_WIDTH_PT = 841.89 - 72 * (MARGIN_IN.left + MARGIN_IN.right);

/** A unit of column width as Excel draws it, and as LibreOffice does (the wider). */
const excelPt = (w: number) => 5.25 * w + 3.75;
const widestPt = (w: number) => 7 * w;
/** Width of one textWidth unit (half a CJK character) of 11-pt text, Latin letters' average included. */
const UNIT_PT = FONT_PT / 2 + 0.25;
/** Inner padding of a cell, both sides together. */
const CELL_PAD_PT = 6;

/** How many textWidth units one line of a column holds. */
const unitsPerLine = (width: number) => Math.max(2, Math.floor((excelPt(width) - CELL_PAD_PT) / UNIT_PT));

/**
 * Lines a wrapped text takes in a column: each paragraph laid out greedily, a CJK character breaking
 * anywhere, a Latin word (letters and digits up to a space) moving whole to the next line unless it
 * is longer than a line.
 */
function lineCount(text: string, width: number): number {
  if (!text) return 1;
  const per = unitsPerLine(width);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let used = 0;
    lines++;
    for (const token of para.match(/[\x21-\x7e]+|[^\x21-\x7e]/g) ?? []) {
      const w = textWidth(token);
      if (used + w <= per) {
        used += w;
      } else if (w <= per) {
        lines++;
        used = token === ' ' ? 0 : w;
      } else {
        // A word longer than a line breaks where the line ends.
        const total = used + w;
        lines += Math.ceil(total / per) - 1;
        used = total % per || per;
      }
    }
  }
  return lines;
}

/** The height (pt) of a row holding these texts in columns of these widths. */
export function rowHeight(texts: readonly string[], widths: readonly number[], min = 0): number {
  let lines = 1;
  texts.forEach((t, i) => {
    // Most cells are one short line: no character is wider than 2 units, so that needs no layout.
    if (!t || (t.length * 2 <= unitsPerLine(widths[i]) && !t.includes('\n'))) return;
    lines = Math.max(lines, lineCount(t, widths[i]));
  });
  return Math.max(min, lines * LINE_PT + ROW_PAD_PT);
}

/** A column's width: its natural one, and the least it may shrink to (by wrapping more) to fit the page. */
export interface ColumnWidth {
  natural: number;
  least: number;
}

/**
 * Widths for the printed columns: natural where they fit, else the wrapping columns shrunk
 * together (each no less than its least) until the page holds them at ≥ 9 pt. `fits` false: even
 * then the text would print under 9 pt, so the sheet prints at 100 % over several pages across.
 */
export function planWidths(cols: readonly ColumnWidth[]): { widths: number[]; fits: boolean } {
  // A little under the limit: the programs round their scale down to whole percents.
  const budget = (PRINT_WIDTH_PT * FONT_PT) / (MIN_PRINT_PT + 0.3);
  const total = (ws: readonly number[]) => ws.reduce((n, w) => n + widestPt(w), 0);
  const natural = cols.map((c) => c.natural);
  if (total(natural) <= budget) return { widths: natural, fits: true };
  const least = cols.map((c) => Math.min(c.natural, c.least));
  if (total(least) > budget) return { widths: least, fits: false };
  // Largest t in [0, 1] with least + t·(natural − least) within the budget (the total is linear in t).
  const t = (budget - total(least)) / (total(natural) - total(least));
  return { widths: cols.map((c, i) => Math.floor((least[i] + t * (c.natural - least[i])) * 10) / 10), fits: true };
}
