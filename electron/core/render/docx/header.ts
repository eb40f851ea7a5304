/**
 * 版头 (GB/T 9704 7.2) as one borderless table of exact-height rows, so its height is the same in
 * Word, WPS and LibreOffice and 'blank' mode (for pre-printed 红头 paper) leaves exactly the room the
 * 'red' mode fills. The rows, top to bottom:
 *   1. space down to the 发文机关标志 (top edge 35 mm below the top of the 版心);
 *   2. the 标志: organ names in red 小标宋, stacked for a joint issue with the suffix (文件) to their
 *      right, centred on them;
 *   3. two blank lines;
 *   4. 发文字号 — centred, or for an 上行文 one character in from the left with the 签发人 one character in
 *      from the right (two names a line, wrapped names aligned on the first), 字号 on the last line;
 *   5. the red rule, 4 mm below the 字号;
 *   6. two blank lines, after which the title starts.
 */
import { AlignmentType, LineRuleType, Paragraph, VerticalAlignTable, type Table } from 'docx';
import type { ReportDocument } from '@rules/report/document';
import { RED, TWIPS_PER_PT, mmToTwips } from '@rules/layout';
import { GRID_CHAR_TWIPS, LINE, TEXT_WIDTH, textEm } from './metrics';
import { textRuns } from './runs';
import { STYLE } from './styles';
import { layoutTable, rule, type RowSpec } from './table';

type Header = ReportDocument['header'];

const RED_HEX = RED.replace('#', '');
/** 发文机关标志 size limits (practice: 30–42 pt 小标宋; GB/T 9704 leaves it free). */
const MARK_MAX_PT = 42;
const MARK_MIN_PT = 26;
/** Line height of stacked organ names, in em. */
const MARK_LINE_EM = 1.3;
/** Red rule: 1 pt ≈ 0.35 mm (eighths of a point). */
const RED_RULE_SIZE = 8;
const U = GRID_CHAR_TWIPS;

interface MarkGeometry {
  /** Font size in points. */
  sizePt: number;
  /** Horizontal scale (w:w) in percent when even the minimum size is too wide. */
  scale: number;
  /** Exact line height of one organ line, twips. */
  lineTwips: number;
  /** Width of the organ block, twips (the suffix column follows it). */
  organWidth: number;
  /** Gap between organs and suffix, twips. */
  gap: number;
  suffixWidth: number;
  stacked: boolean;
}

/** Size the 标志 to fill the 版心 width without overflowing it. */
function markGeometry(header: Header): MarkGeometry {
  const organs = header.organs.map((o) => o.trim()).filter(Boolean);
  const suffix = header.suffix.trim();
  const stacked = organs.length > 1;
  const organEm = stacked ? Math.max(...organs.map(textEm)) : textEm(organs[0] ?? '') + textEm(suffix);
  const suffixEm = stacked && suffix ? textEm(suffix) : 0;
  const gapEm = stacked && suffix ? 0.5 : 0;
  const totalEm = Math.max(1, organEm + gapEm + suffixEm);
  // Keep half a character clear of the 版心 edges on both sides.
  const availPt = TEXT_WIDTH / TWIPS_PER_PT - 1 * 16;
  const fitPt = Math.floor(availPt / totalEm);
  const sizePt = Math.max(MARK_MIN_PT, Math.min(MARK_MAX_PT, fitPt));
  const scale = fitPt < MARK_MIN_PT ? Math.floor((100 * availPt) / (MARK_MIN_PT * totalEm)) : 100;
  const em = sizePt * TWIPS_PER_PT * (scale / 100);
  return {
    sizePt,
    scale,
    lineTwips: Math.round(sizePt * MARK_LINE_EM * TWIPS_PER_PT),
    organWidth: Math.round(organEm * em),
    gap: Math.round(gapEm * em),
    suffixWidth: Math.round(suffixEm * em),
    stacked,
  };
}

const exact = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function empty(lineTwips = LINE): Paragraph {
  return new Paragraph({ style: STYLE.headerLine, spacing: exact(lineTwips), children: [] });
}

/** Paragraphs of the 签发人 block and its width; names two per line in 楷体. */
function signerLines(signers: string[], cellWidth: number, show: boolean): Paragraph[] {
  const pairs: string[][] = [];
  for (let i = 0; i < signers.length; i += 2) pairs.push(signers.slice(i, i + 2));
  const label = '签发人：';
  const lines = pairs.map((p) => p.join('　'));
  const blockWidth = (textEm(label) + Math.max(...lines.map(textEm))) * U;
  const left = Math.max(0, Math.round(cellWidth - U - blockWidth));
  return lines.map(
    (names, i) =>
      new Paragraph({
        style: STYLE.headerLine,
        alignment: AlignmentType.LEFT,
        indent: { left: i === 0 ? left : left + Math.round(textEm(label) * U), firstLine: 0 },
        children: show ? [...(i === 0 ? textRuns(label) : []), ...textRuns(names, { font: 'kai' })] : [],
      }),
  );
}

function headerRows(header: Header): RowSpec[] {
  const show = header.mode === 'red';
  const organs = header.organs.map((o) => o.trim()).filter(Boolean);
  const suffix = header.suffix.trim();
  const signers = header.signers.map((s) => s.trim()).filter(Boolean);
  const docNumber = header.docNumber.trim();
  const g = markGeometry(header);
  const W = TEXT_WIDTH;
  const markRun = (text: string) =>
    textRuns(show ? text : '', { font: 'xbs', color: RED_HEX, size: g.sizePt * 2, scale: g.scale === 100 ? undefined : g.scale });

  // Row 2 — 标志. Columns: [pad + organs | gap + suffix]; the whole mark is centred in the 版心.
  const markWidth = g.organWidth + g.gap + g.suffixWidth;
  const pad = Math.max(0, Math.round((W - markWidth) / 2));
  const organCol = g.stacked && g.suffixWidth ? pad + g.organWidth : W;
  const markLines = g.stacked ? organs.length : 1;
  const markHeight = markLines * g.lineTwips;
  const organParagraphs = g.stacked
    ? organs.map(
        (o) =>
          new Paragraph({
            style: STYLE.headerLine,
            spacing: exact(g.lineTwips),
            // 分散对齐: every organ line as wide as the longest, as on printed 红头.
            alignment: g.suffixWidth ? AlignmentType.DISTRIBUTE : AlignmentType.CENTER,
            indent: g.suffixWidth ? { left: pad, firstLine: 0 } : { firstLine: 0 },
            children: markRun(o),
          }),
      )
    : [
        new Paragraph({
          style: STYLE.headerLine,
          spacing: exact(g.lineTwips),
          alignment: AlignmentType.CENTER,
          children: markRun(`${organs[0] ?? ''}${suffix}`),
        }),
      ];

  // Row 4 — 字号 (+ 签发人).
  const signLines = Math.max(1, Math.ceil(signers.length / 2));
  const numberParagraph = (centred: boolean) =>
    new Paragraph({
      style: STYLE.headerLine,
      alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
      indent: centred ? { firstLine: 0 } : { left: Math.round(U), firstLine: 0 },
      children: textRuns(show ? docNumber : ''),
    });

  // The 标志's top edge 35 mm below the top of the 版心: the glyphs sit low in their exact-height line,
  // about 0.15 em below its top.
  const top = mmToTwips(35) - Math.round(0.15 * g.sizePt * TWIPS_PER_PT);
  const gapAfterMark = 2 * LINE;
  const numberRow = signLines * LINE;
  // 4 mm below the 字号: its glyphs end about 1 mm above the bottom of their line.
  const ruleGap = mmToTwips(3);
  const afterRule = 2 * LINE;

  const full = (height: number, children: Paragraph[] = [empty()]): RowSpec => ({
    height,
    cells: [{ width: W, children }],
  });

  const markRow: RowSpec =
    g.stacked && g.suffixWidth
      ? {
          height: markHeight,
          cells: [
            { width: organCol, children: organParagraphs },
            {
              width: W - organCol,
              // Centred on the organ lines.
              children: [
                new Paragraph({
                  style: STYLE.headerLine,
                  spacing: exact(Math.round((markHeight - g.lineTwips) / 2)),
                  children: [],
                }),
                new Paragraph({
                  style: STYLE.headerLine,
                  spacing: exact(g.lineTwips),
                  alignment: AlignmentType.LEFT,
                  indent: { left: g.gap, firstLine: 0 },
                  children: markRun(suffix),
                }),
              ],
            },
          ],
        }
      : full(markHeight, organParagraphs);

  const numberCells: RowSpec =
    signers.length > 0
      ? {
          height: numberRow,
          cells: [
            { width: Math.round(W / 2), verticalAlign: VerticalAlignTable.BOTTOM, children: [numberParagraph(false)] },
            { width: W - Math.round(W / 2), children: signerLines(signers, W - Math.round(W / 2), show) },
          ],
        }
      : full(numberRow, [numberParagraph(true)]);

  return [
    full(top),
    markRow,
    full(gapAfterMark),
    numberCells,
    {
      height: ruleGap,
      cells: [{ width: W, children: [empty(ruleGap)], bottom: show ? rule(RED_RULE_SIZE, RED_HEX) : undefined }],
    },
    full(afterRule),
  ];
}

/**
 * The 版头 table, or null for mode 'none'. Its rows keep GB/T 9704's distances rather than whole grid
 * lines, so on page 1 the lines below it sit off the page grid by a fraction (Word stacks exact lines;
 * LibreOffice snaps the next grid-bound line back onto the grid).
 */
export function headerTable(header: Header): Table | null {
  if (header.mode === 'none') return null;
  return layoutTable(headerRows(header));
}
