/**
 * Report runs → docx TextRuns. Font roles become character styles; text is cleaned of characters
 * XML 1.0 cannot carry (docx escapes <, & and quotes itself, but would write control characters as-is
 * and Word would refuse the file). Line feeds inside a run become line breaks, tabs become tabs.
 */
import { Tab, TextRun } from 'docx';
import type { FontRole, Run } from '@rules/report/document';
import { CHAR_STYLE } from './styles';
import { cleanText } from './xml';

interface RunFormat {
  /** Character style for a typeface role; omitted = the paragraph style's face. */
  font?: FontRole;
  color?: string;
  /** Half-points. */
  size?: number;
  /** Character width scale in percent (w:w). */
  scale?: number;
}

/** One piece of text as TextRuns: a line feed becomes a line break, a tab a w:tab. */
export function textRuns(text: string, format: RunFormat = {}): TextRun[] {
  const cleaned = cleanText(text);
  if (!cleaned) return [];
  const lines = cleaned.split('\n');
  return lines.map(
    (line, i) =>
      new TextRun({
        children: line.split('\t').flatMap((part, j) => (j > 0 ? [new Tab(), ...(part ? [part] : [])] : part ? [part] : [])),
        break: i > 0 ? 1 : undefined,
        style: format.font ? CHAR_STYLE[format.font] : undefined,
        color: format.color,
        size: format.size,
        sizeComplexScript: format.size,
        scale: format.scale,
      }),
  );
}

/**
 * A block's runs. `base` is the block's own face: a run naming the same face needs no character style,
 * so a heading's text inherits the heading style and stays editable as one style in Word.
 */
export function blockRuns(runs: readonly Run[], base: FontRole = 'fang'): TextRun[] {
  return runs.flatMap((r) => textRuns(r.text, { font: r.font && r.font !== base ? r.font : undefined }));
}
