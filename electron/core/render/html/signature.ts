/**
 * The closing group: 特此报告, 署名 (sealed or unsealed, GB/T 9704 7.3.5) and 附注, then the 版记.
 * The group never breaks and never starts a page without the last two lines of the body, so the
 * 署名 cannot stand alone on a page (7.3.5.5 is met by moving lines, not by 此页无正文).
 */
import type { ReportDocument } from '@rules/report/document';
import { esc } from './escape';
import { imprintHtml } from './imprint';

type Signature = ReportDocument['signature'];

const span = (cls: string, text: string): string => `<span class="${cls}">${esc(text)}</span>`;

/**
 * Sealed: each organ gets a 4-line cell (≈ the 42 mm seal) whose name sits on line 3, just below
 * the seal's centre, so the seal top touches the text above (“一行之内”). One organ: name centred
 * over the date, date four characters in from the right. Joint: organs side by side (一左一右),
 * two per row, the date under the last one.
 */
function sealedHtml(sig: Signature): string {
  if (sig.organs.length <= 1) {
    const name = sig.organs[0] ? span('name', sig.organs[0]) : '';
    return `<div class="sig sig-single"><div>${name}${span('date', sig.date)}</div></div>`;
  }
  const cells = sig.organs.map((organ, i) => {
    const last = i === sig.organs.length - 1;
    const cls = last && i % 2 === 0 ? ' class="right"' : '';
    return `<div${cls}>${span('name', organ)}${last ? span('date', sig.date) : ''}</div>`;
  });
  return `<div class="sig sig-sealed">${cells.join('')}</div>`;
}

/** Unsealed (7.3.5.2): one blank line, organs stacked two characters in from the right, date two characters further in. */
function unsealedHtml(sig: Signature): string {
  return `<div class="sig sig-unsealed"><div>${sig.organs.map((o) => span('name', o)).join('')}${span('date', sig.date)}</div></div>`;
}

export function endHtml(doc: ReportDocument): string {
  const closing = doc.closing.trim() ? `<p class="indent">${esc(doc.closing)}</p>` : '';
  const sig = doc.signature;
  const signature = sig.organs.length || sig.date ? (sig.layout === 'sealed' ? sealedHtml(sig) : unsealedHtml(sig)) : '';
  const note = doc.note ? `<p class="note">${esc(doc.note)}</p>` : '';
  // The 版记 follows the group, not inside it: it may have to move to a page of its own (imprint.ts).
  return `<section class="end">${closing}${signature}${note}</section>${imprintHtml(doc.imprint)}`;
}
