/**
 * DOCX geometry in twips, derived from the shared GB/T 9704 constants in ../layout.ts.
 * Everything vertical is a whole number of 579-twip grid lines so Word (exact spacing, no snapping)
 * and LibreOffice (snaps to the docGrid) put every line in the same place.
 */
import {
  BODY_PT,
  CHAR_PITCH_PT,
  LINE_PITCH_TWIPS,
  MARGIN,
  PAGE,
  PAGE_NUMBER_OFFSET_MM,
  PAGE_NUMBER_PT,
  SEAL_MM,
  TITLE_PT,
  TWIPS_PER_PT,
  mmToTwips,
} from '@rules/layout';

export const PAGE_TWIPS = { width: mmToTwips(PAGE.widthMm), height: mmToTwips(PAGE.heightMm) } as const;

export const MARGIN_TWIPS = {
  top: mmToTwips(MARGIN.topMm),
  bottom: mmToTwips(MARGIN.bottomMm),
  left: mmToTwips(MARGIN.leftMm),
  right: mmToTwips(MARGIN.rightMm),
} as const;

/** Width of the 版心 in twips (8845). */
export const TEXT_WIDTH = PAGE_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right;

export const LINE = LINE_PITCH_TWIPS;

/** Font sizes in half-points (w:sz). */
export const HALF_POINTS = {
  body: BODY_PT * 2,
  title: TITLE_PT * 2,
  small: PAGE_NUMBER_PT * 2,
} as const;

/**
 * docGrid charSpace: (grid character pitch − Normal font size) × 4096, in points.
 * 28 characters of 15.79 pt on a 16 pt Normal → −848.
 */
export const GRID_CHAR_SPACE = Math.round((CHAR_PITCH_PT - BODY_PT) * 4096);

/** One body character (3号) in twips for indents: LibreOffice ignores w:firstLineChars, so twips go beside it. */
export const BODY_CHAR_TWIPS = BODY_PT * TWIPS_PER_PT;
/** One character as Word lays it on the 28-per-line grid; used to place signatures. */
export const GRID_CHAR_TWIPS = CHAR_PITCH_PT * TWIPS_PER_PT;
/** One 4号 character (版记, page number indents). */
export const SMALL_CHAR_TWIPS = PAGE_NUMBER_PT * TWIPS_PER_PT;

export const SEAL_TWIPS = mmToTwips(SEAL_MM);

/**
 * Footer distance (page bottom edge → bottom of the footer paragraph's line). The page-number paragraph
 * is FOOTER_LINE_TWIPS high with exact spacing and the text sits at the bottom of an exact line, so the
 * 一字线's middle is about 0.57 em (of 14 pt) above the line's bottom — measured on LibreOffice's PDF,
 * where the dashes then land 7 mm below the 版心 (test/render-docx/pdf.test.ts holds it to ±1.5 mm).
 */
export const FOOTER_LINE_TWIPS = 400;
const DASH_ABOVE_LINE_BOTTOM_TWIPS = Math.round(0.57 * PAGE_NUMBER_PT * TWIPS_PER_PT);
export const FOOTER_DISTANCE_TWIPS = MARGIN_TWIPS.bottom - mmToTwips(PAGE_NUMBER_OFFSET_MM) - DASH_ABOVE_LINE_BOTTOM_TWIPS;

/** Header distance; there is no header, Word still wants a value. */
export const HEADER_DISTANCE_TWIPS = mmToTwips(15);

/** True for characters Word sets full-width with hint="eastAsia": CJK, full-width forms, “”‘’—…. */
function isWide(cp: number): boolean {
  return cp >= 0x2e80 || (cp >= 0x2014 && cp <= 0x2026);
}

/**
 * Rough advance of a string in em: full-width = 1, everything else (digits, Latin) = 0.5.
 * Good to a fraction of a character for organ names and dates, which is all the signature layout needs.
 */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += isWide(ch.codePointAt(0) ?? 0) ? 1 : 0.5;
  return em;
}
