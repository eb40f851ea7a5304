/**
 * Page numbers (GB/T 9704 7.5): “— N —” in 4号宋体 below the 版心, odd pages right-aligned one
 * character in from the right, even pages left-aligned one character in from the left. Needs
 * w:evenAndOddHeaders in settings.xml (dolanmiu/docx#200: without it Word shows no even-page footer), which index.ts switches on.
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { SMALL_CHAR_TWIPS } from './metrics';
import { STYLE } from './styles';

function pageNumberParagraph(odd: boolean): Paragraph {
  return new Paragraph({
    style: STYLE.pageNumber,
    alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: odd ? { right: SMALL_CHAR_TWIPS, firstLine: 0 } : { left: SMALL_CHAR_TWIPS, firstLine: 0 },
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
  });
}

export function pageNumberFooters(): { default: Footer; even: Footer } {
  return {
    default: new Footer({ children: [pageNumberParagraph(true)] }),
    even: new Footer({ children: [pageNumberParagraph(false)] }),
  };
}
