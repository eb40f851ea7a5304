/**
 * The DOM of one editable line of report text (a contentEditable element): plain text nodes
 * between non-editable chips — a figure placeholder shown as “党委会议次数：11次”, an automatic word
 * shown as what it stands for. Renders segments into it and reads segments back out of it.
 */
import type { Segment } from '../types';
import { splitTokens, tokenText, TOKEN_HELP, type Token } from '@rules/report/tokens';
import type { ChipLabel } from '../figure-labels';

export interface InlineLabels {
  chip(seg: Segment, index: number): ChipLabel;
  token(t: Token): string;
}

/** The segment behind each figure chip (chips are not editable, so the object stays theirs). */
const chipSegments = new WeakMap<Element, Segment>();

const el = (tag: string, cls: string, text?: string) => {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

export function tokenChip(t: Token, label: string): HTMLElement {
  const chip = el('span', 'token-chip', label);
  chip.contentEditable = 'false';
  chip.dataset.token = t;
  chip.title = `自动文字：${TOKEN_HELP[t]}`;
  return chip;
}

function fillFigureChip(chip: HTMLElement, label: ChipLabel): void {
  chip.replaceChildren(
    el('span', 'fig-chip-name', label.name),
    el('span', 'fig-chip-sep', '：'),
    el('span', 'fig-chip-value', label.value),
  );
  for (const f of label.flags) chip.append(el('span', f === '手填' ? 'fig-chip-flag manual' : 'fig-chip-flag', f));
  chip.classList.toggle('is-manual', label.manual);
  chip.classList.toggle('is-pending', label.pending);
  chip.classList.toggle('is-unknown', label.unknown);
  chip.title = `${label.name}：${label.value}${label.flags.length ? `（${label.flags.join('，')}）` : ''}——点击设置或查看台账记录`;
}

export function figureChip(seg: Segment, label: ChipLabel): HTMLElement {
  const chip = el('span', 'fig-chip');
  chip.contentEditable = 'false';
  chip.setAttribute('role', 'button');
  chip.dataset.kind = seg.type;
  if (seg.type === 'figure') chip.dataset.figureId = seg.figureId;
  chipSegments.set(chip, seg);
  fillFigureChip(chip, label);
  return chip;
}

/** Replaces the element's content with the segments. */
export function renderInline(root: HTMLElement, segments: readonly Segment[], labels: InlineLabels): void {
  const nodes: Node[] = [];
  segments.forEach((seg, i) => {
    if (seg.type !== 'text') return void nodes.push(figureChip(seg, labels.chip(seg, i)));
    for (const p of splitTokens(seg.text))
      nodes.push(p.type === 'text' ? document.createTextNode(p.text) : tokenChip(p.token, labels.token(p.token)));
  });
  root.replaceChildren(...nodes);
}

/** Updates every chip's words in place (values changed), leaving the caret and the text alone. */
export function refreshChips(root: HTMLElement, labels: InlineLabels): void {
  const { segments, chipIndex } = readInline(root);
  for (const [chip, i] of chipIndex) fillFigureChip(chip as HTMLElement, labels.chip(segments[i], i));
  for (const t of root.querySelectorAll<HTMLElement>('.token-chip')) t.textContent = labels.token(t.dataset.token as Token);
}

/** Segments back out of the DOM: text (tokens written as {年度}) between figure chips; line breaks dropped. */
export function readInline(root: HTMLElement): { segments: Segment[]; chipIndex: Map<Element, number> } {
  const segments: Segment[] = [];
  const chipIndex = new Map<Element, number>();
  let text = '';
  const flush = () => {
    if (text) segments.push({ type: 'text', text });
    text = '';
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += (child.nodeValue ?? '').replace(/\u00a0/g, ' ').replace(/[\r\n]+/g, '');
      else if (child instanceof HTMLElement) {
        const seg = chipSegments.get(child);
        if (seg) {
          flush();
          chipIndex.set(child, segments.length);
          segments.push(seg);
        } else if (child.dataset.token) text += tokenText(child.dataset.token as Token);
        else if (child.tagName !== 'BR') walk(child);
      }
    }
  };
  walk(root);
  flush();
  return { segments, chipIndex };
}

/** Inserts a node where the caret was (a range inside root), else at the end; the caret goes after it. */
export function insertNode(root: HTMLElement, node: Node, range: Range | null): void {
  const r = range && root.contains(range.commonAncestorContainer) ? range : null;
  if (r) {
    r.deleteContents();
    r.insertNode(node);
  } else root.append(node);
  const after = document.createRange();
  after.setStartAfter(node);
  after.collapse(true);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(after);
}
