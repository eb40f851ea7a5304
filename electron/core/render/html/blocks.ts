/** 主体 markup: title, 主送机关 and body blocks made of runs. */
import type { Block, FontRole, ReportDocument, Run } from '@rules/report/document';
import { esc } from './escape';
import { estimateLines } from './geometry';

const HEADING_FONT: Record<1 | 2 | 3 | 4, FontRole> = { 1: 'hei', 2: 'kai', 3: 'fang', 4: 'fang' };

/** A run keeps its own face only where it differs from the block's; figures carry their id for linking back. */
function runHtml(run: Run, blockFont: FontRole): string {
  const attrs: string[] = [];
  if (run.font && run.font !== blockFont) attrs.push(`class="f-${run.font}"`);
  if (run.figureId) attrs.push(`data-figure-id="${esc(run.figureId)}"`);
  const text = esc(run.text);
  return attrs.length ? `<span ${attrs.join(' ')}>${text}</span>` : text;
}

const idAttr = (anchor: string | undefined): string => (anchor ? ` id="${esc(anchor)}"` : '');

function blockHtml(block: Block, extraClass = ''): string {
  const cls = extraClass ? ` ${extraClass}` : '';
  if (block.type === 'paragraph') {
    return `<p class="indent${cls}"${idAttr(block.anchor)}>${block.runs.map((r) => runHtml(r, 'fang')).join('')}</p>`;
  }
  const font = HEADING_FONT[block.level];
  const tag = `h${block.level + 1}`;
  return `<${tag} class="indent f-${font}${cls}"${idAttr(block.anchor)}>${block.runs.map((r) => runHtml(r, font)).join('')}</${tag}>`;
}

export function titleHtml(doc: ReportDocument): string {
  if (doc.title.length === 0) return '';
  return `<h1 class="title">${doc.title.map((line) => `<span>${esc(line)}</span>`).join('')}</h1>`;
}

/** Flush left, wrapped lines flush left, full-width colon after the last organ (7.3.2). */
export function recipientsHtml(doc: ReportDocument): string {
  if (!doc.recipients) return '';
  return `<p class="recipients">${esc(doc.recipients)}：</p>`;
}

/**
 * Keeps the 署名 from standing alone: the end of the body moves with the closing group.
 * Chromium only finds such a break inside the last block or at a block boundary, never inside
 * the paragraph before it, and gives up on chains of break avoidance (measured in signature.test):
 *  - a last paragraph of 4+ lines keeps its last two lines (widows 2);
 *  - one of 2–3 lines moves whole (with widows 2 Chromium would move only one line);
 *  - a heading right before a short paragraph moves with it;
 *  - a single line after a paragraph moves alone: 特此报告 makes the second line of text.
 */
export function bodyHtml(doc: ReportDocument): string {
  const body = doc.body;
  const last = body.length - 1;
  if (last < 0) return '';
  const lines = estimateLines(body[last].runs.map((r) => r.text).join(''));
  const html = body.map((b, i) => blockHtml(b, i === last && lines >= 4 ? 'keep-tail' : ''));
  if (lines < 4 && last > 0 && body[last - 1].type === 'heading') {
    html.splice(last - 1, 2, `<div class="keep-whole">${html[last - 1]}${html[last]}</div>`);
  } else if (lines === 2 || lines === 3) {
    html[last] = blockHtml(body[last], 'keep-whole');
  }
  return html.join('\n');
}
