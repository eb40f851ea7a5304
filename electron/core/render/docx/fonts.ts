/**
 * Font slots for each GB/T 9704 typeface role. CJK glyphs are resolved through w:eastAsia, so every
 * role uses the object form with hint="eastAsia" (dolanmiu/docx#549: a plain font name leaves CJK runs in Word's fallback); Latin text and digits stay in
 * Times New Roman except for page numbers, which GB/T 9704 wants in 宋体.
 */
import type { IFontAttributesProperties } from 'docx';
import type { FontRole } from '@rules/report/document';
import { DOCX_FONT } from '@rules/layout';
import { escapeXml as xmlAttr } from './xml';

export function roleFont(role: FontRole): IFontAttributesProperties {
  return {
    ascii: DOCX_FONT.latin,
    hAnsi: DOCX_FONT.latin,
    cs: DOCX_FONT.latin,
    eastAsia: DOCX_FONT[role],
    hint: 'eastAsia',
  };
}

/** Page numbers: 4号半角宋体 digits with 一字线, all slots 宋体. */
export const PAGE_NUMBER_FONT: IFontAttributesProperties = {
  ascii: DOCX_FONT.song,
  hAnsi: DOCX_FONT.song,
  cs: DOCX_FONT.song,
  eastAsia: DOCX_FONT.song,
  hint: 'eastAsia',
};

/**
 * Second choice Word may try when the first face is missing (w:altName, ISO/IEC 29500 §17.8.3.1;
 * whether Word honours it is unverified). These are the faces Windows actually ships.
 */
const ALT_NAME: Record<string, string> = {
  [DOCX_FONT.fang]: '仿宋',
  [DOCX_FONT.kai]: '楷体',
  [DOCX_FONT.hei]: 'SimHei',
  [DOCX_FONT.song]: 'SimSun',
  [DOCX_FONT.xbs]: '华文中宋',
};

/**
 * word/fontTable.xml listing the faces the document names, with GB2312 charset and an altName.
 * docx writes an empty table; this replaces it through Packer's overrides.
 */
export function fontTableXml(): string {
  const cjk = [DOCX_FONT.fang, DOCX_FONT.kai, DOCX_FONT.hei, DOCX_FONT.song, DOCX_FONT.xbs];
  const fonts = [
    `<w:font w:name="${DOCX_FONT.latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
    ...cjk.map((name) => {
      const alt = ALT_NAME[name];
      // What Word itself writes for these faces: the GB2312 faces are fixed-pitch "modern", 宋体 and 小标宋 variable.
      const fixed = name !== DOCX_FONT.song && name !== DOCX_FONT.xbs;
      return (
        `<w:font w:name="${xmlAttr(name)}">` +
        (alt ? `<w:altName w:val="${xmlAttr(alt)}"/>` : '') +
        `<w:charset w:val="86"/><w:family w:val="${fixed ? 'modern' : 'auto'}"/>` +
        `<w:pitch w:val="${fixed ? 'fixed' : 'variable'}"/></w:font>`
      );
    }),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}
