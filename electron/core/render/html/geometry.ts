/**
 * GB/T 9704 geometry in CSS pixels for Chromium, derived from the shared layout constants.
 * Chromium lays text out in 1/64 px units and snaps baselines to whole pixels, so every
 * length here is chosen to keep 22 lines and 28 characters inside the 版心 after rounding.
 */
import { BODY_PT, CHARS_PER_LINE, LINES_PER_PAGE, TYPE_AREA } from '@rules/layout';

const PX_PER_MM = 96 / 25.4;
const PX_PER_PT = 96 / 72;
const mmPx = (mm: number): number => mm * PX_PER_MM;
const ptPx = (pt: number): number => pt * PX_PER_PT;

/** 225 mm / 22, rounded down to Chromium's 1/64 px so 22 line boxes never exceed the page area. */
export const LINE_PX = Math.floor((mmPx(TYPE_AREA.heightMm) / LINES_PER_PAGE) * 64) / 64;

/** 156 mm / 28: one 字 of the grid. */
export const CHAR_PX = mmPx(TYPE_AREA.widthMm) / CHARS_PER_LINE;

/**
 * 16 pt characters are wider than the 15.79 pt grid pitch, so they are condensed by letter-spacing.
 * Rounded down to 1/100 px: 28 characters then fit with ~0.1 px to spare and justification spreads the rest.
 */
export const LETTER_SPACING_PX = Math.floor((CHAR_PX - ptPx(BODY_PT)) * 100) / 100;

/**
 * Half the leading of a body line. The whole text column is lifted by this much so the glyphs of
 * line 1 start at the top of the 版心 (天头 37 mm is measured to the characters, as on paper),
 * while the line boxes, and therefore pagination, keep the exact @page geometry.
 */
export const HALF_LEADING_PX = (LINE_PX - ptPx(BODY_PT)) / 2;

/** The 发文机关标志 never grows beyond 小初 (36 pt); long joint names shrink it to fit the 版心. */
const MARK_MAX_PT = 36;
export const MARK_LINE_HEIGHT = 1.2;
/** Top edge of the 标志 below the top of the 版心 (GB/T 9704 7.2.4). */
const MARK_TOP_MM = 35;
/** Red rule below the 发文字号 line (7.2.7). */
const RULE_GAP_MM = 4;
export const RULE_MM = 0.5;

/** Width of a string in 字: CJK and full-width forms count 1, Latin letters and digits about 0.55. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 && !/[—…‘’“”]/.test(ch) ? 0.55 : 1;
  return w;
}

/** Lines an indented paragraph takes on the 28-character grid; never more than it really takes. */
export const estimateLines = (text: string): number => Math.ceil((2 + widthInChars(text)) / CHARS_PER_LINE);

export interface BannerGeometry {
  markPt: number;
  /** Top of the 标志's first line box, in the lifted text column. */
  markTopPx: number;
  /** Grid line (0-based) of the first 签发人 line; the 发文字号 shares the last one. */
  firstSignerLine: number;
  /** Grid line of the 发文字号 and the last 签发人 line. */
  numberLine: number;
  ruleTopPx: number;
  /** Whole grid lines taken by the 版头: the title starts on this line. */
  lines: number;
}

/**
 * Places the 红头 on the body line grid: 标志 top 35 mm down, 字号 two lines below it, the rule
 * 4 mm under the 字号 and the title two lines under the rule, each rounded to a whole grid line
 * so page 1 stays on the same grid as every other page.
 */
export function bannerGeometry(organs: string[], suffix: string, signerLines: number): BannerGeometry {
  const longest = Math.max(1, ...organs.map(widthInChars));
  // Half a character of air between the names and the 文件 suffix, and one body character
  // kept free at each side so a long joint 标志 does not run edge to edge.
  const span = longest + (suffix ? widthInChars(suffix) + 0.5 : 0);
  const room = mmPx(TYPE_AREA.widthMm) - 2 * CHAR_PX;
  const markPt = Math.min(MARK_MAX_PT, Math.floor((room / span / PX_PER_PT) * 10) / 10);
  const markPx = ptPx(markPt);
  const rows = Math.max(1, organs.length);
  const markGlyphTopPx = mmPx(MARK_TOP_MM) + HALF_LEADING_PX;
  const markTopPx = markGlyphTopPx - ((MARK_LINE_HEIGHT - 1) * markPx) / 2;
  const markBottomPx = markGlyphTopPx + (rows - 1) * MARK_LINE_HEIGHT * markPx + markPx;
  const firstSignerLine = Math.round((markBottomPx - HALF_LEADING_PX) / LINE_PX) + 2;
  const numberLine = firstSignerLine + Math.max(1, signerLines) - 1;
  const ruleTopPx = numberLine * LINE_PX + HALF_LEADING_PX + ptPx(BODY_PT) + mmPx(RULE_GAP_MM);
  return { markPt, markTopPx, firstSignerLine, numberLine, ruleTopPx, lines: numberLine + 3 };
}
