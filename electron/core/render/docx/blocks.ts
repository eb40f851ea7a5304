/**
 * 主体 paragraphs: title, 主送机关, body blocks, 特此报告 and 附注. Every paragraph is one or more whole
 * 579-twip lines (exact spacing), so the page keeps 22 lines; “blank lines” of GB/T 9704 are empty
 * grid-line paragraphs, which is also what a clerk editing the file expects to find.
 */
import { Paragraph } from 'docx';
import type { Block, ReportDocument } from '@rules/report/document';
import { blockRuns, textRuns } from './runs';
import { HEADING_FONT, HEADING_STYLE, STYLE } from './styles';

/** An empty line of the grid. */
export function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ style: STYLE.normal, keepNext: keepNext || undefined, children: [] });
}

export function blankLines(n: number, keepNext = false): Paragraph[] {
  return Array.from({ length: n }, () => blankLine(keepNext));
}

/** 标题: 2号小标宋, centred, the clerk's line breaks kept, one grid line per title line. */
function titleParagraph(lines: readonly string[]): Paragraph | null {
  const kept = lines.map((l) => l.trim()).filter(Boolean);
  if (!kept.length) return null;
  return new Paragraph({
    style: STYLE.title,
    children: kept.flatMap((line, i) => textRuns(i > 0 ? `\n${line}` : line)),
  });
}

/** 主送机关: flush left, full-width colon after the last organ. */
function recipientsParagraph(recipients: string): Paragraph | null {
  if (!recipients) return null;
  return new Paragraph({ style: STYLE.recipients, children: textRuns(`${recipients}：`) });
}

function blockParagraph(block: Block): Paragraph {
  if (block.type === 'heading') {
    return new Paragraph({
      style: HEADING_STYLE[block.level],
      children: blockRuns(block.runs, HEADING_FONT[block.level]),
    });
  }
  // A paragraph opening with a 'kai' run is a run-in level-2 heading: the run keeps its 楷体 character
  // style inside the body paragraph, the rest is 仿宋.
  return new Paragraph({ style: STYLE.body, children: blockRuns(block.runs, 'fang') });
}

/** 特此报告 as its own indented paragraph, kept with the signature that follows. */
function closingParagraph(closing: string): Paragraph | null {
  if (!closing.trim()) return null;
  return new Paragraph({ style: STYLE.body, keepNext: true, children: textRuns(closing.trim()) });
}

/** 附注: two characters in, on the line after the 成文日期. */
export function noteParagraph(note: string | null): Paragraph | null {
  if (!note?.trim()) return null;
  return new Paragraph({ style: STYLE.body, children: textRuns(note.trim()) });
}

/** Title, one blank line, 主送, body, 特此报告. */
export function mainParagraphs(doc: ReportDocument): Paragraph[] {
  const out: Paragraph[] = [];
  const title = titleParagraph(doc.title);
  const recipients = recipientsParagraph(doc.recipients);
  if (title) out.push(title);
  if (recipients) {
    if (title) out.push(blankLine(true));
    out.push(recipients);
  } else if (title) {
    out.push(blankLine(true));
  }
  out.push(...doc.body.map(blockParagraph));
  const closing = closingParagraph(doc.closing);
  if (closing) out.push(closing);
  return out;
}
