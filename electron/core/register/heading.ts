/**
 * Column headings that wrap between words, never inside one: 「研究法治/议题」, not 「研究法治议/题」.
 * The heading is cut into units at word boundaries (ICU's dictionary segmenter, which Node and
 * Chromium both carry), brackets kept with what they enclose and one-character words kept with a
 * neighbour (会前学法 → 会前|学法); the HTML joins the units with <wbr> under
 * `word-break: keep-all`, so Chromium may break only there.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const OPENING = /^[（(《「“]+$/;
const CLOSING = /^[）)》」”、，。：；]+$/;

/** Display width of a text in em (CJK and full-width 1, the rest about ½). */
export const emWidth = (t: string): number => Array.from(t).reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0);

export function headingUnits(text: string): string[] {
  const units: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(text)) {
    if (OPENING.test(segment)) pending += segment;
    else if (CLOSING.test(segment) && units.length) units[units.length - 1] += segment;
    else {
      units.push(pending + segment);
      pending = '';
    }
  }
  if (pending) units.push(pending);
  // A one-character word joins the word before it (or after it, when first): 纪要号, 会前|学法.
  const out: string[] = [];
  for (const u of units) {
    if (out.length && (Array.from(u).length === 1 || Array.from(out[out.length - 1]).length === 1)) out[out.length - 1] += u;
    else out.push(u);
  }
  return out;
}

/** Width in em of the heading's widest line when it is broken once, at the unit boundary that balances the two lines. */
export function twoLineWidth(units: readonly string[]): number {
  let best = emWidth(units.join(''));
  for (let k = 1; k < units.length; k++) {
    best = Math.min(best, Math.max(emWidth(units.slice(0, k).join('')), emWidth(units.slice(k).join(''))));
  }
  return best;
}
