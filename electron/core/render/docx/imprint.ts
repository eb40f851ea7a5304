/**
 * 版记 (GB/T 9704 7.4): 抄送 and 印发机关/印发日期 in 4号仿宋 between rules as wide as the 版心 — thick
 * (0.35 mm) first and last, thin (0.25 mm) between — with the last rule on the bottom edge of the 版心
 * of the last page. A flowing paragraph cannot know where the page ends, so the 版记 is a table floated
 * to the bottom of the text area (tblpYSpec="bottom"); body text wraps above it. It is anchored on the
 * document's last paragraph so it lands on the last page.
 */
import {
  AlignmentType,
  OverlapType,
  Paragraph,
  RelativeVerticalPosition,
  TableAnchorType,
  TabStopType,
  VerticalAlignTable,
  type Table,
} from 'docx';
import type { ReportDocument } from '@rules/report/document';
import { LINE, MARGIN_TWIPS, SMALL_CHAR_TWIPS, TEXT_WIDTH, textEm } from './metrics';
import { textRuns } from './runs';
import { STYLE } from './styles';
import { layoutTable, rule, type RowSpec } from './table';

/** Rule weights in eighths of a point: 1 pt ≈ 0.35 mm, 0.75 pt ≈ 0.26 mm. */
const IMPRINT_RULE = { thick: 8, thin: 6 } as const;

type Imprint = NonNullable<ReportDocument['imprint']>;

const C = SMALL_CHAR_TWIPS;

/** 抄送 ends with a full stop; 印发日期 is followed by 印发. */
function imprintTexts(imprint: Imprint): { cc: string | null; issuer: string; issued: string } {
  return {
    cc: imprint.cc ? `抄送：${imprint.cc}。` : null,
    issuer: imprint.issuer,
    issued: imprint.issueDate ? `${imprint.issueDate}印发` : '',
  };
}

/** One full-width 版记 line (or several, for a long 抄送), vertically centred in its row. */
const imprintRow = (height: number, paragraph: Paragraph): RowSpec => ({
  height,
  cells: [{ width: TEXT_WIDTH, verticalAlign: VerticalAlignTable.CENTER, children: [paragraph] }],
});

function imprintRows(imprint: Imprint): RowSpec[] {
  const t = imprintTexts(imprint);
  const rows: RowSpec[] = [];
  if (t.cc) {
    // One character in on each side; wrapped lines align with the first organ after “抄送：”.
    const label = 3 * C;
    const perLine = Math.max(1, Math.floor((TEXT_WIDTH - 2 * C - label) / C));
    const lines = Math.max(1, Math.ceil((textEm(t.cc) - 3) / perLine));
    rows.push(
      imprintRow(
        lines * LINE,
        new Paragraph({ style: STYLE.imprint, indent: { left: C + label, hanging: label, right: C }, children: textRuns(t.cc) }),
      ),
    );
  }
  rows.push(
    imprintRow(
      LINE,
      new Paragraph({
        style: STYLE.imprint,
        alignment: AlignmentType.LEFT,
        indent: { left: C, firstLine: 0 },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - C }],
        children: textRuns(`${t.issuer}\t${t.issued}`),
      }),
    ),
  );
  // Rules: thick above the first element and below the last, thin between.
  return rows.map((row, i) => ({
    ...row,
    cells: row.cells.map((cell) => ({
      ...cell,
      top: rule(i === 0 ? IMPRINT_RULE.thick : IMPRINT_RULE.thin),
      bottom: i === rows.length - 1 ? rule(IMPRINT_RULE.thick) : undefined,
    })),
  }));
}

export function imprintTable(imprint: ReportDocument['imprint']): Table | null {
  if (!imprint) return null;
  return layoutTable(imprintRows(imprint), {
    // Page-relative horizontally: LibreOffice keeps a full-width margin-anchored float inline.
    horizontalAnchor: TableAnchorType.PAGE,
    absoluteHorizontalPosition: MARGIN_TWIPS.left,
    verticalAnchor: TableAnchorType.MARGIN,
    relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    overlap: OverlapType.NEVER,
    topFromText: 0,
    bottomFromText: 0,
    leftFromText: 0,
    rightFromText: 0,
  });
}
