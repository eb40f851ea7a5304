/**
 * The single inline <style> of the report: GB/T 9704 page, grid and typefaces. Everything is in
 * classes (no style attributes), so a strict CSP only needs to allow this one stylesheet.
 */
import { BODY_PT, FONT_CHAIN, MARGIN, PAGE_NUMBER_OFFSET_MM, PAGE_NUMBER_PT, RED, TITLE_PT, TYPE_AREA } from '@rules/layout';
import type { FontRole } from '@rules/report/document';
import { CHAR_PX, HALF_LEADING_PX, LETTER_SPACING_PX, LINE_PX, MARK_LINE_HEIGHT, RULE_MM, type BannerGeometry } from './geometry';

const GENERIC = new Set(['serif', 'sans-serif']);
export const fontStack = (role: FontRole): string => FONT_CHAIN[role].map((f) => (GENERIC.has(f) ? f : `"${f}"`)).join(', ');

const px = (n: number): string => `${+n.toFixed(4)}px`;
const P = px(LINE_PX);
const CH = px(CHAR_PX);

/** “— N —” in 4号宋体, its top 7 mm below the 版心, one character in from the outer edge. */
function pageNumber(side: 'right' | 'left'): string {
  return `@page :${side} { @${side === 'right' ? 'bottom-right' : 'bottom-left'} {
    content: "— " counter(page) " —"; font-family: ${fontStack('song')}; font-size: ${PAGE_NUMBER_PT}pt;
    line-height: 1; vertical-align: top; padding-top: ${PAGE_NUMBER_OFFSET_MM}mm; text-align: ${side};
    padding-${side}: 1em; color: #000; } }`;
}

function bannerCss(g: BannerGeometry): string {
  return `
.banner { position: relative; height: ${px(g.lines * LINE_PX)}; }
.mark { position: absolute; left: 0; right: 0; top: ${px(g.markTopPx)}; display: flex; justify-content: center;
  align-items: center; color: ${RED}; font-family: ${fontStack('xbs')}; font-size: ${g.markPt}pt;
  line-height: ${MARK_LINE_HEIGHT}; letter-spacing: 0; white-space: nowrap; }
.mark-organs { display: grid; }
.mark-organs > div { text-align: justify; text-align-last: justify; }
.mark-suffix { margin-left: 0.5em; }
.docno-line { position: absolute; left: 0; right: 0; top: ${px(g.firstSignerLine * LINE_PX)}; display: flex;
  align-items: flex-end; justify-content: space-between; padding: 0 ${CH}; white-space: nowrap; }
.docno-line.centered { justify-content: center; }
.signers { display: grid; grid-template-columns: auto auto auto; grid-auto-rows: ${P}; column-gap: ${CH}; }
.signers > .label { grid-row: 1; grid-column: 1; }
.signers > :nth-child(even) { grid-column: 2; }
.signers > :nth-child(odd):not(.label) { grid-column: 3; }
.rule { position: absolute; left: 0; right: 0; top: ${px(g.ruleTopPx)}; border-top: ${RULE_MM}mm solid ${RED}; }`;
}

/**
 * Rules that need a reason:
 * - .doc is lifted by half the leading so the characters of line 1 start at the top of the 版心
 *   (天头 37 mm is measured to the text); pagination still uses the exact @page box.
 * - Chromium clips printed content to the page area, so the 22 pt title aligns its glyph tops
 *   with the body's rather than centring on the line, which would clip it on line 1.
 * - text-spacing-trim: space-all keeps each full-width punctuation mark one grid cell wide;
 *   Chromium's default halves adjacent pairs such as ）。 and breaks the 28-character grid.
 * - The 版记 undoes the lift so its last rule can reach the bottom of the 版心.
 * - Named page `imprint` (a 版记 on a page of its own and the blank page before it) has no page
 *   number (7.5); IMPRINT_FIT_SCRIPT sets it, since only the paginated layout knows.
 */
export function reportCss(banner: BannerGeometry | null): string {
  return `
@page { size: A4; margin: ${MARGIN.topMm}mm ${MARGIN.rightMm}mm ${MARGIN.bottomMm}mm ${MARGIN.leftMm}mm; }
${pageNumber('right')}
${pageNumber('left')}
@page imprint { @bottom-right { content: none; } @bottom-left { content: none; } }
html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
body { margin: 0; background: #fff; }
@media screen { .doc { width: ${TYPE_AREA.widthMm}mm; } }
.doc { position: relative; top: ${px(-HALF_LEADING_PX)}; color: #000;
  font-family: ${fontStack('fang')}; font-size: ${BODY_PT}pt; line-height: ${P}; letter-spacing: ${px(LETTER_SPACING_PX)};
  text-align: justify; line-break: strict; word-break: normal; overflow-wrap: break-word;
  text-spacing-trim: space-all; text-autospace: no-autospace; font-kerning: none; orphans: 1; widows: 1; }
:where(.doc) :where(h1, h2, h3, h4, h5, p, section, header, footer) {
  margin: 0; padding: 0; font-size: inherit; font-weight: normal; }
.indent { text-indent: ${px(2 * CHAR_PX)}; }
.f-fang { font-family: ${fontStack('fang')}; }
.f-kai { font-family: ${fontStack('kai')}; }
.f-hei { font-family: ${fontStack('hei')}; }
.f-song { font-family: ${fontStack('song')}; }
.f-xbs { font-family: ${fontStack('xbs')}; }
.title { font-family: ${fontStack('xbs')}; font-size: ${TITLE_PT}pt; letter-spacing: 0; text-align: center;
  position: relative; top: ${(TITLE_PT - BODY_PT) / 2}pt; }
.title > span { display: block; }
.recipients { margin-top: ${P}; }
.keep-tail { widows: 2; break-before: avoid; }
.keep-whole { break-inside: avoid; }
.end { break-inside: avoid; break-before: avoid; }
.sig { white-space: nowrap; }
.sig-sealed { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: ${px(4 * LINE_PX)}; }
.sig-sealed > div, .sig-single > div { display: flex; flex-direction: column; align-items: center; padding-top: ${px(2 * LINE_PX)}; }
.sig-sealed > .right { grid-column: 2; }
.sig-single { display: flex; justify-content: flex-end; padding-right: ${px(4 * CHAR_PX)}; height: ${px(4 * LINE_PX)}; }
.sig-single > div { display: grid; justify-items: center; align-items: start; }
.sig-single .name { width: 0; display: flex; justify-content: center; }
.sig-unsealed { margin-top: ${P}; display: flex; justify-content: flex-end; padding-right: ${px(2 * CHAR_PX)}; }
.sig-unsealed > div { display: grid; justify-items: start; }
.sig-unsealed .date { margin-left: ${px(2 * CHAR_PX)}; }
.note { padding-left: ${px(2 * CHAR_PX)}; }
.imprint { position: relative; top: ${px(HALF_LEADING_PX)}; font-size: 14pt; letter-spacing: 0; break-inside: avoid; }
.imprint-alone, .blank-page { page: imprint; break-before: page; }
.blank-page { height: 1px; }
.imprint > div { padding: 0 1em; border-top: 0.25mm solid #000; }
.imprint > div:first-child { border-top-width: 0.35mm; }
.imprint > div:last-child { border-bottom: 0.35mm solid #000; }
.imprint .cc { padding-left: 4em; text-indent: -3em; }
.imprint .issue { display: flex; justify-content: space-between; }
${banner ? bannerCss(banner) : ''}`;
}
