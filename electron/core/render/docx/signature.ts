/**
 * 署名 and 成文日期 (GB/T 9704 7.3.5). Positions use tab stops and left indents in twips rather than a
 * table: Word, WPS and LibreOffice all place tab stops identically, while table cell margins and
 * autofit differ between them.
 *
 * sealed (7.3.5.1): 成文日期 four characters in from the right; each organ centred under room for its
 * 42 mm seal, organs side by side (联合行文 一左一右), the last organ centred over the date.
 * unsealed (7.3.5.2): one blank line below the body; organs stacked, two characters in from the right;
 * the date starts two characters right of the (last) organ's first character, or sits two characters in
 * from the right when it is the longer one.
 */
import { Paragraph, TabStopType } from 'docx';
import type { ReportDocument } from '@rules/report/document';
import { blankLines } from './blocks';
import { GRID_CHAR_TWIPS, SEAL_TWIPS, TEXT_WIDTH, textEm } from './metrics';
import { textRuns } from './runs';
import { STYLE } from './styles';

/** Blank grid lines between the body and the first row of organs when seals are applied. */
const SEALED_GAP_LINES = 2;
/** Blank grid lines between two rows of sealed organs: 5 lines = 51 mm between names for 42 mm seals. */
const SEALED_ROW_GAP_LINES = 4;

const U = GRID_CHAR_TWIPS;
const widthOf = (text: string): number => textEm(text) * U;

interface SealedRow {
  /** Centre of each organ in twips from the left edge of the 版心. */
  organs: { name: string; center: number }[];
}

/** Where each organ's centre goes for the sealed layout, and the date's centre. */
function sealedLayout(organs: readonly string[], date: string): { rows: SealedRow[]; dateCenter: number } {
  const names = organs.map((o) => o.trim()).filter(Boolean);
  const last = names[names.length - 1] ?? '';
  const dateCenter = Math.min(TEXT_WIDTH - 4 * U - widthOf(date) / 2, TEXT_WIDTH - Math.max(widthOf(last), SEAL_TWIPS) / 2);
  const pairCenters = (left: string, right: string): number | null => {
    const distance = Math.max(SEAL_TWIPS + U, (widthOf(left) + widthOf(right)) / 2 + U);
    const leftCenter = dateCenter - distance;
    return leftCenter - Math.max(widthOf(left), SEAL_TWIPS) / 2 >= 0 ? leftCenter : null;
  };
  // Pairs from the lead organ on; an odd one out goes alone in the right-hand column, over the date.
  const rows: SealedRow[] = [];
  let i = 0;
  while (i < names.length) {
    const left = names[i];
    const right = names[i + 1];
    const leftCenter = right !== undefined ? pairCenters(left, right) : null;
    if (right !== undefined && leftCenter !== null) {
      rows.push({
        organs: [
          { name: left, center: leftCenter },
          { name: right, center: dateCenter },
        ],
      });
      i += 2;
    } else {
      rows.push({ organs: [{ name: left, center: dateCenter }] });
      i += 1;
    }
  }
  return { rows, dateCenter };
}

function centredLine(items: { text: string; center: number }[]): Paragraph {
  return new Paragraph({
    style: STYLE.signature,
    tabStops: items.map((it) => ({ type: TabStopType.CENTER, position: Math.round(it.center) })),
    children: items.flatMap((it) => textRuns(`\t${it.text}`)),
  });
}

function sealedParagraphs(organs: readonly string[], date: string): Paragraph[] {
  const { rows, dateCenter } = sealedLayout(organs, date);
  const out: Paragraph[] = blankLines(SEALED_GAP_LINES, true);
  rows.forEach((row, r) => {
    if (r > 0) out.push(...blankLines(SEALED_ROW_GAP_LINES, true));
    out.push(centredLine(row.organs.map((o) => ({ text: o.name, center: o.center }))));
  });
  if (date.trim()) out.push(centredLine([{ text: date.trim(), center: dateCenter }]));
  return out;
}

/** Left indents (twips) of each organ and of the date for the unsealed layout. */
function unsealedLayout(organs: readonly string[], date: string): { organStarts: number[]; dateStart: number } {
  const names = organs.map((o) => o.trim()).filter(Boolean);
  const right = TEXT_WIDTH - 2 * U;
  let organStarts = names.map((n) => right - widthOf(n));
  const lastStart = organStarts[organStarts.length - 1] ?? right - widthOf(date);
  let dateStart = lastStart + 2 * U;
  if (dateStart + widthOf(date) > right) {
    dateStart = right - widthOf(date);
    const shift = dateStart - 2 * U - lastStart;
    organStarts = organStarts.map((s) => s + shift);
  }
  return { organStarts: organStarts.map((s) => Math.max(0, Math.round(s))), dateStart: Math.max(0, Math.round(dateStart)) };
}

function unsealedParagraphs(organs: readonly string[], date: string): Paragraph[] {
  const names = organs.map((o) => o.trim()).filter(Boolean);
  const { organStarts, dateStart } = unsealedLayout(names, date.trim());
  const line = (text: string, left: number) =>
    new Paragraph({ style: STYLE.signature, indent: { left, firstLine: 0 }, children: textRuns(text) });
  return [...blankLines(1, true), ...names.map((n, i) => line(n, organStarts[i])), ...(date.trim() ? [line(date.trim(), dateStart)] : [])];
}

export function signatureParagraphs(signature: ReportDocument['signature']): Paragraph[] {
  const hasOrgans = signature.organs.some((o) => o.trim());
  if (!hasOrgans && !signature.date.trim()) return [];
  return signature.layout === 'sealed'
    ? sealedParagraphs(signature.organs, signature.date)
    : unsealedParagraphs(signature.organs, signature.date);
}
