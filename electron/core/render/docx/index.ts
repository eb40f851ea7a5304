/**
 * DOCX export of the annual report, laid out to GB/T 9704-2012: A4, 版心 156 × 225 mm,
 * 22 lines of 28 characters on Word's document grid, 3号仿宋 body, odd/even page numbers. A pure function
 * of the ReportDocument, like the HTML renderer, so both carry the same words in the same order.
 */
import { Document, DocumentGridType, Footer, Packer, PageBreak, Paragraph, SectionType, type FileChild, type ISectionOptions } from 'docx';
import type { ImprintPlacement } from '@rules/layout';
import type { ReportDocument } from '@rules/report/document';
import { blankLine, mainParagraphs, noteParagraph } from './blocks';
import { fontTableXml } from './fonts';
import { pageNumberFooters } from './footers';
import { headerTable } from './header';
import { imprintTable } from './imprint';
import { FOOTER_DISTANCE_TWIPS, GRID_CHAR_SPACE, HEADER_DISTANCE_TWIPS, LINE, MARGIN_TWIPS, PAGE_TWIPS } from './metrics';
import { corePropertiesXml } from './properties';
import { signatureParagraphs } from './signature';
import { externalStylesXml, reportStyles } from './styles';

export interface RenderDocxOptions {
  /**
   * 'grid' (default): Word's 指定行和字符网格 — docGrid linesAndChars with charSpace −848, which Word and
   * WPS lay out as 28 characters a line. 'condensed': a line grid only, with characters narrowed to
   * 98 % (w:w) so 28 still fit; for LibreOffice 7.x, which puts each 16 pt character of the grid variant
   * across two 15.79 pt grid cells (14 characters a line). Narrowing by letter-spacing instead
   * (w:spacing −5) also gives 28 a line but LibreOffice 7.4 then drops punctuation at line ends.
   */
  charGrid?: 'grid' | 'condensed';
  /**
   * Where the 版记 goes, as the report's HTML pages put it (IMPRINT_FIT_SCRIPT); Word lays out the
   * same 22 × 28 grid. Without it the 版记 stays at the foot of the last page of text. 'alone' puts it
   * in a section of its own that starts on a new page and has empty footers, after an explicit blank
   * page when one is needed. Not w:type evenPage: LibreOffice neither inserts nor exports the blank
   * page it implies, so the 版记 would print on an odd page there.
   */
  imprint?: ImprintPlacement;
}

/** Character scale that fits 28 characters of 16 pt (15.68 pt each) into 156 mm without a character grid. */
const CONDENSED_SCALE = 98;

/** Empty pages: an empty paragraph, then a page break. */
const blankPages = (n: number): Paragraph[] => Array.from({ length: n }, () => new Paragraph({ children: [new PageBreak()] }));

/** The docx Document for a report; exposed for tests and tools that want to inspect before packing. */
function buildReportDocx(doc: ReportDocument, options: RenderDocxOptions = {}): Document {
  const condensed = options.charGrid === 'condensed';
  const children: FileChild[] = [];

  const header = headerTable(doc.header);
  if (header) children.push(header);
  children.push(...mainParagraphs(doc));

  const tail: Paragraph[] = signatureParagraphs(doc.signature);
  const note = noteParagraph(doc.note);
  if (note) tail.push(note);
  const imprint = imprintTable(doc.imprint);
  const alone = imprint && options.imprint?.placement === 'alone';
  if (imprint && !alone) {
    // A floating table is anchored on the paragraph after it: put it before the last one so it lands
    // on the last page without adding a line.
    if (!tail.length) tail.push(blankLine());
    children.push(...tail.slice(0, -1), imprint, tail[tail.length - 1]);
  } else {
    children.push(...tail);
  }
  // Word wants the body to end with a paragraph, not a table.
  if (!children.length || !(children[children.length - 1] instanceof Paragraph)) children.push(blankLine());

  const footers = pageNumberFooters();
  const page: NonNullable<ISectionOptions['properties']>['page'] = {
    size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
    margin: {
      top: MARGIN_TWIPS.top,
      bottom: MARGIN_TWIPS.bottom,
      left: MARGIN_TWIPS.left,
      right: MARGIN_TWIPS.right,
      header: HEADER_DISTANCE_TWIPS,
      footer: FOOTER_DISTANCE_TWIPS,
      gutter: 0,
    },
  };
  const grid: NonNullable<ISectionOptions['properties']>['grid'] = condensed
    ? { type: DocumentGridType.LINES, linePitch: LINE }
    : { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: GRID_CHAR_SPACE };
  const sections: ISectionOptions[] = [
    {
      properties: { page: { ...page, pageNumbers: { start: 1 } }, grid },
      footers: { default: footers.default, even: footers.even },
      children,
    },
  ];
  if (alone) {
    // Empty footers, not none: a section without its own would inherit the numbered ones.
    const none = () => new Footer({ children: [new Paragraph({})] });
    sections.push({
      properties: { type: SectionType.NEXT_PAGE, page, grid },
      footers: { default: none(), even: none() },
      // The section starts with a paragraph (LibreOffice drops a section break followed by a floating
      // table); the float is anchored on the paragraph after it, at the foot of the page.
      children: [...blankPages(options.imprint!.blankPages), blankLine(), imprint, blankLine()],
    });
  }
  return new Document({
    title: doc.meta.title,
    creator: doc.meta.author,
    // An empty string leaves cp:lastModifiedBy out (docx would otherwise write "Un-named").
    lastModifiedBy: '',
    evenAndOddHeaderAndFooters: true,
    compatabilityModeVersion: 15,
    externalStyles: externalStylesXml({ scale: condensed ? CONDENSED_SCALE : undefined }),
    styles: reportStyles({ scale: condensed ? CONDENSED_SCALE : undefined }),
    sections,
  });
}

/** The report as a .docx file. */
export async function renderReportDocx(doc: ReportDocument, options: RenderDocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocx(doc, options), false, [
    { path: 'docProps/core.xml', data: corePropertiesXml(doc) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
}
