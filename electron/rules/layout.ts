/**
 * GB/T 9704-2012 page geometry and type sizes, shared by the HTML and DOCX renderers
 * so the two outputs cannot drift apart. See docs/layout.md (GB/T 9704-2012).
 */

const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;
export const TWIPS_PER_PT = 20;

export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;
export const mmToTwips = (mm: number): number => Math.round(mmToPt(mm) * TWIPS_PER_PT);

export const PAGE = { widthMm: 210, heightMm: 297 } as const;

/** 天头 37, 订口 28; bottom and right follow from the 156 × 225 版心. */
export const MARGIN = { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 } as const;

export const TYPE_AREA = { widthMm: 156, heightMm: 225 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 225 mm / 22 lines ≈ 28.97 pt; Word keeps whole twips, and only 579 fits 22 lines. */
export const LINE_PITCH_TWIPS = 579;
export const LINE_PITCH_PT = LINE_PITCH_TWIPS / TWIPS_PER_PT;
/** 156 mm / 28 ≈ 15.79 pt. */
export const CHAR_PITCH_PT = mmToPt(TYPE_AREA.widthMm) / CHARS_PER_LINE;

/** Chinese size names in points. */
const SIZE_PT = { er: 22, san: 16, si: 14 } as const;

export const BODY_PT = SIZE_PT.san;
export const TITLE_PT = SIZE_PT.er;
export const PAGE_NUMBER_PT = SIZE_PT.si;
/** The page number's dashes sit 7 mm below the bottom of the 版心. */
export const PAGE_NUMBER_OFFSET_MM = 7;

/** Room left for each round seal (乡镇政府印章 4.2 cm). */
export const SEAL_MM = 42;

export const RED = '#E60012';

/**
 * Where the 版记 goes (GB/T 9704 7.4, 7.5): it ends the report on an even page, the back of the last
 * sheet. 'shared' — at the foot of the last page of text, when that page is even; 'alone' — on a page
 * of its own, the next even page, after `blankPages` blank pages (0 or 1) when the text ends on an even
 * page without room for it; that page and the blank one carry no page number. The HTML pages decide
 * (IMPRINT_FIT_SCRIPT measures them) and the DOCX follows.
 */
export interface ImprintPlacement {
  placement: 'shared' | 'alone';
  blankPages: number;
}

/** Font chains: first choice on the clerk's PC, then what Windows ships, then what Linux test machines have. */
export const FONT_CHAIN = {
  fang: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', '华文仿宋', 'Noto Serif CJK SC', 'serif'],
  kai: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', '华文楷体', 'Noto Serif CJK SC', 'serif'],
  hei: ['黑体', 'SimHei', 'Microsoft YaHei', '微软雅黑', 'Noto Sans CJK SC', 'sans-serif'],
  song: ['宋体', 'SimSun', 'Noto Serif CJK SC', 'serif'],
  xbs: [
    '方正小标宋简体',
    'FZXiaoBiaoSong-B05S',
    '方正小标宋_GBK',
    '华文中宋',
    'STZhongsong',
    '宋体',
    'SimSun',
    'Noto Serif CJK SC',
    'serif',
  ],
} as const;

/** The face a DOCX names for East-Asian text (Word resolves one name; the chain lives in fontTable altName). */
export const DOCX_FONT = {
  fang: '仿宋_GB2312',
  kai: '楷体_GB2312',
  hei: '黑体',
  song: '宋体',
  xbs: '方正小标宋简体',
  latin: 'Times New Roman',
} as const;
