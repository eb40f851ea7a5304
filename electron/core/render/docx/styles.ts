/**
 * Word styles for the report: docDefaults and Normal carry 3号仿宋 on the 579-twip grid; headings are
 * styles based on the built-in Heading 1–4 (so Word's navigation pane and LibreOffice's navigator list
 * them by outline level), restyled to GB/T 9704: 黑体 / 楷体 / 仿宋, 16 pt, not bold, black, no extra spacing.
 * Each typeface role also has a character style, used for run-level font changes such as run-in headings.
 */
import { AlignmentType, LineRuleType, type IFontAttributesProperties, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { FontRole } from '@rules/report/document';
import { PAGE_NUMBER_FONT, roleFont } from './fonts';
import { BODY_CHAR_TWIPS, FOOTER_LINE_TWIPS, HALF_POINTS, LINE } from './metrics';
import { escapeXml as xmlAttr } from './xml';

export const STYLE = {
  /** Raw XML too (externalStylesXml), for w:widowControl. */
  normal: 'Normal',
  body: 'GwBody',
  /** Written as raw XML (externalStylesXml): needs w:snapToGrid, which docx has no option for. */
  title: 'GwTitle',
  /** 版头 lines, also raw XML for w:snapToGrid. */
  headerLine: 'GwHeaderLine',
  recipients: 'GwRecipients',
  /** 署名 and 版记 lines, raw XML for w:snapToGrid. */
  signature: 'GwSignature',
  imprint: 'GwImprint',
  pageNumber: 'GwPageNumber',
} as const;

type HeadingLevel = 1 | 2 | 3 | 4;

/** Our heading styles, each based on Word's built-in Heading N. */
export const HEADING_STYLE: Record<HeadingLevel, string> = {
  1: 'GwHeading1',
  2: 'GwHeading2',
  3: 'GwHeading3',
  4: 'GwHeading4',
};

export const HEADING_FONT: Record<HeadingLevel, FontRole> = { 1: 'hei', 2: 'kai', 3: 'fang', 4: 'fang' };

const HEADING_NAME: Record<HeadingLevel, string> = {
  1: '公文一级标题',
  2: '公文二级标题',
  3: '公文三级标题',
  4: '公文四级标题',
};

/** Character styles by typeface role. */
export const CHAR_STYLE: Record<FontRole, string> = {
  fang: 'GwFang',
  kai: 'GwKai',
  hei: 'GwHei',
  song: 'GwSong',
  xbs: 'GwXbs',
};

const CHAR_STYLE_NAME: Record<FontRole, string> = {
  fang: '公文仿宋',
  kai: '公文楷体',
  hei: '公文黑体',
  song: '公文宋体',
  xbs: '公文小标宋',
};

/** Exact line spacing on the grid, nothing before or after. */
const gridSpacing = (lines = 1) => ({ line: LINE * lines, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** Two-character first-line indent: chars for Word/WPS, twips for LibreOffice (which ignores firstLineChars). */
const BODY_INDENT = { firstLine: 2 * BODY_CHAR_TWIPS, firstLineChars: 200 } as const;

const bodyRun = { font: roleFont('fang'), size: HALF_POINTS.body, color: '000000' } as const;

function headingFormat(level: HeadingLevel) {
  return {
    run: {
      font: roleFont(HEADING_FONT[level]),
      size: HALF_POINTS.body,
      sizeComplexScript: HALF_POINTS.body,
      bold: false,
      boldComplexScript: false,
      italics: false,
      italicsComplexScript: false,
      color: '000000',
    },
    paragraph: {
      alignment: AlignmentType.BOTH,
      spacing: gridSpacing(),
      indent: BODY_INDENT,
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
    },
  };
}

function gwHeading(level: HeadingLevel): IParagraphStyleOptions {
  const f = headingFormat(level);
  return {
    id: HEADING_STYLE[level],
    name: HEADING_NAME[level],
    basedOn: `Heading${level}`,
    next: STYLE.body,
    quickFormat: true,
    uiPriority: 9,
    // Repeated rather than only inherited: a clerk's Normal.dotm or WPS may redefine Heading N.
    run: f.run,
    paragraph: f.paragraph,
  };
}

interface StyleOptions {
  /** Horizontal character scale (w:w, percent) on every run; see RenderDocxOptions.charGrid. */
  scale?: number;
}

export function reportStyles(options: StyleOptions = {}): IStylesOptions {
  const scale = options.scale ? { scale: options.scale } : {};
  return {
    default: {
      document: {
        run: {
          ...bodyRun,
          ...scale,
          sizeComplexScript: HALF_POINTS.body,
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: gridSpacing(), alignment: AlignmentType.BOTH },
      },
      heading1: headingFormat(1),
      heading2: headingFormat(2),
      heading3: headingFormat(3),
      heading4: headingFormat(4),
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: '公文正文',
        basedOn: STYLE.normal,
        next: STYLE.body,
        quickFormat: true,
        paragraph: { indent: BODY_INDENT },
      },
      {
        id: STYLE.recipients,
        name: '公文主送机关',
        basedOn: STYLE.normal,
        next: STYLE.body,
        quickFormat: true,
        paragraph: { alignment: AlignmentType.LEFT, keepNext: true },
      },
      {
        id: STYLE.pageNumber,
        name: '公文页码',
        basedOn: STYLE.normal,
        run: { font: PAGE_NUMBER_FONT, size: HALF_POINTS.small, sizeComplexScript: HALF_POINTS.small },
        paragraph: { spacing: { line: FOOTER_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      gwHeading(1),
      gwHeading(2),
      gwHeading(3),
      gwHeading(4),
    ],
    characterStyles: (Object.keys(CHAR_STYLE) as FontRole[]).map((role) => ({
      id: CHAR_STYLE[role],
      name: CHAR_STYLE_NAME[role],
      basedOn: 'DefaultParagraphFont',
      run: { font: roleFont(role) },
    })),
  };
}

function rFontsXml(f: IFontAttributesProperties): string {
  const attrs = (['ascii', 'hAnsi', 'eastAsia', 'cs', 'hint'] as const).filter((k) => f[k]).map((k) => `w:${k}="${xmlAttr(String(f[k]))}"`);
  return `<w:rFonts ${attrs.join(' ')}/>`;
}

/**
 * Styles docx's options cannot express, as a styles.xml fragment for Document's `externalStyles`
 * (docx merges them with its defaults and our typed styles): Normal (for w:widowControl), Word's
 * Default Paragraph Font, and paragraph styles that turn off w:snapToGrid (对齐到网格):
 * - 公文标题 (GwTitle): 2号小标宋 centred on exact 579-twip lines. On the grid Word gives a 22 pt
 *   character two 15.79 pt cells and LibreOffice gives the line two grid lines; 公文 templates untick
 *   “对齐到网格” for the title for the same reason.
 * - 公文版头 (GwHeaderLine): the 标志, 字号 and 签发人 lines, whose sizes are not the body's.
 * - 公文署名 (GwSignature) and 公文版记 (GwImprint, 4号): placed by tab stops and indents computed
 *   in twips, so their characters keep their own widths rather than the grid's cells (LibreOffice
 *   would spread a grid-snapped 署名 over two lines).
 * Each is still one exact grid line high, so the page keeps its 22 lines.
 */
export function externalStylesXml(options: StyleOptions = {}): string {
  const scale = options.scale ? `<w:w w:val="${options.scale}"/>` : '';
  // Normal: 3号仿宋 on exact grid lines, justified, and widow control off (as in Chinese Word's
  // Normal) so every full page has its 22 lines — LibreOffice would otherwise keep two-line widows.
  const normal =
    `<w:style w:type="paragraph" w:default="1" w:styleId="${STYLE.normal}">` +
    '<w:name w:val="Normal"/><w:qFormat/>' +
    '<w:pPr><w:widowControl w:val="0"/>' +
    `<w:spacing w:before="0" w:after="0" w:line="${LINE}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>` +
    `<w:rPr>${rFontsXml(roleFont('fang'))}<w:color w:val="000000"/>${scale}` +
    `<w:sz w:val="${HALF_POINTS.body}"/><w:szCs w:val="${HALF_POINTS.body}"/></w:rPr>` +
    '</w:style>';
  const noGrid = (line: number) => `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="exact"/>`;
  const title =
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE.title}">` +
    `<w:name w:val="公文标题"/><w:basedOn w:val="${STYLE.normal}"/><w:next w:val="${STYLE.recipients}"/>` +
    '<w:uiPriority w:val="10"/><w:qFormat/>' +
    `<w:pPr><w:keepNext/><w:keepLines/>${noGrid(LINE)}<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>` +
    `<w:rPr>${rFontsXml(roleFont('xbs'))}<w:sz w:val="${HALF_POINTS.title}"/><w:szCs w:val="${HALF_POINTS.title}"/></w:rPr>` +
    '</w:style>';
  const headerLine =
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE.headerLine}">` +
    `<w:name w:val="公文版头"/><w:basedOn w:val="${STYLE.normal}"/>` +
    `<w:pPr>${noGrid(LINE)}<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr>` +
    '</w:style>';
  const signature =
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE.signature}">` +
    `<w:name w:val="公文署名"/><w:basedOn w:val="${STYLE.normal}"/>` +
    `<w:pPr><w:keepNext/><w:keepLines/>${noGrid(LINE)}<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr>` +
    '</w:style>';
  const imprint =
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE.imprint}">` +
    `<w:name w:val="公文版记"/><w:basedOn w:val="${STYLE.normal}"/>` +
    `<w:pPr>${noGrid(LINE)}<w:jc w:val="left"/></w:pPr>` +
    `<w:rPr><w:sz w:val="${HALF_POINTS.small}"/><w:szCs w:val="${HALF_POINTS.small}"/></w:rPr>` +
    '</w:style>';
  // Word's own default character style, which our character styles are based on.
  const defaultFont =
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">' +
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    normal +
    defaultFont +
    title +
    headerLine +
    signature +
    imprint +
    '</w:styles>'
  );
}
