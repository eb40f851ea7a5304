/**
 * Borderless layout tables: fixed widths, no cell margins, exact row heights. Used for the 版头 and
 * the 版记, where Word, WPS and LibreOffice must agree to the twip on what goes where.
 */
import {
  BorderStyle,
  HeightRule,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableFloatOptions,
  type Paragraph,
} from 'docx';

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** A solid rule; size in eighths of a point (Word allows 2, 4, 6, 8, 12, 18, 24 …). */
export const rule = (size: number, color = '000000'): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color, space: 0 });

interface CellSpec {
  children: Paragraph[];
  width: number;
  verticalAlign?: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable];
  top?: IBorderOptions;
  bottom?: IBorderOptions;
}

export interface RowSpec {
  height: number;
  cells: CellSpec[];
}

/**
 * A table whose grid is the union of every row's cell boundaries, so rows can split the width
 * differently; each cell spans the grid columns between its edges.
 */
export function layoutTable(rows: RowSpec[], float?: ITableFloatOptions): Table {
  const edges = new Set<number>([0]);
  for (const row of rows) {
    let x = 0;
    for (const cell of row.cells) edges.add((x += cell.width));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const columnWidths = sorted.slice(1).map((e, i) => e - sorted[i]);
  const width = sorted[sorted.length - 1];
  const spans = rows.map((row) => {
    let x = 0;
    return row.cells.map((cell) => {
      const from = sorted.indexOf(x);
      x += cell.width;
      return sorted.indexOf(x) - from;
    });
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    float,
    rows: rows.map(
      (row, r) =>
        new TableRow({
          height: { value: row.height, rule: HeightRule.EXACT },
          cantSplit: true,
          children: row.cells.map(
            (cell, c) =>
              new TableCell({
                width: { size: cell.width, type: WidthType.DXA },
                columnSpan: spans[r][c] > 1 ? spans[r][c] : undefined,
                verticalAlign: cell.verticalAlign ?? VerticalAlignTable.TOP,
                margins: { top: 0, bottom: 0, left: 0, right: 0 },
                borders: {
                  top: cell.top ?? NO_BORDER,
                  bottom: cell.bottom ?? NO_BORDER,
                  left: NO_BORDER,
                  right: NO_BORDER,
                },
                children: cell.children,
              }),
          ),
        }),
    ),
  });
}
