/**
 * The register's own layout (not GB/T 9704: a 登记簿 is a form, not a 公文): A4 landscape, the
 * title on the first page, the header row repeated on every page (a <thead> repeats in Chromium's
 * print), rows never split across pages, a totals row, and 「第N页 共M页」 in the bottom-right
 * page-margin box (CSS @page margin boxes: Chromium ≥ 131, so Electron 45 and Debian's Chromium).
 */
import { fontStack } from '../render/html/styles';
import { esc } from '../render/html/escape';
import type { RegisterModel } from './model';
import { emWidth, headingUnits, twoLineWidth } from './heading';

/** Paper and margins in mm; exported for the tests that measure the PDF. */
const REGISTER_PAGE = { widthMm: 297, heightMm: 210, marginMm: { top: 14, right: 12, bottom: 16, left: 12 } } as const;

const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The page, title and table styles; the 档案袋 index uses them too. */
function registerCss(): string {
  const m = REGISTER_PAGE.marginMm;
  return `
@page { size: A4 landscape; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-right { content: "第" counter(page) "页 共" counter(pages) "页"; font-family: ${fontStack('song')};
    font-size: 9pt; color: #000; vertical-align: top; padding-top: 4mm; } }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${fontStack('song')}; font-size: 10.5pt; line-height: 1.35; color: #000; }
h1 { font-family: ${fontStack('hei')}; font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 2mm; letter-spacing: 0.05em; }
.scope { font-size: 9pt; text-align: right; margin: 0 0 2mm; }
/* Fixed layout with widths from columnWidths(): Chromium need not measure every cell (2,000 rows print in a third less time). */
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.5mm; vertical-align: top; overflow-wrap: break-word; }
/* Breaks only at the <wbr> between words (./heading.ts); a word wider than its column still breaks rather than overflow. */
th { font-family: ${fontStack('hei')}; font-weight: normal; background: #eee; text-align: center; vertical-align: middle;
  word-break: keep-all; overflow-wrap: anywhere; }
td.no, th.no { text-align: center; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.short { text-align: center; white-space: nowrap; }
tr.totals td { font-family: ${fontStack('hei')}; background: #f6f6f6; }
.empty { text-align: center; padding: 8mm; }
`;
}

/** Headings up to this width (em) stay on one line; longer ones break once, between words. */
const ONE_LINE_HEADING_EM = 4;

/**
 * Column widths in %, what auto layout would roughly choose, computed here in one pass: each
 * column's longest value (or heading, broken once between words), capped so one long 议题 cannot
 * starve the rest; the title and long-text columns may grow furthest.
 */
function columnWidths(m: RegisterModel): number[] {
  const need = m.columns.map((c, j) => {
    const full = emWidth(c.heading);
    let w = full <= ONE_LINE_HEADING_EM ? full : Math.max(ONE_LINE_HEADING_EM, twoLineWidth(headingUnits(c.heading)));
    for (const r of m.rows) w = Math.max(w, emWidth(r.cells[j]));
    return Math.min(w, c.wide ? 22 : 11) + 1.2;
  });
  const all = [2.8, ...need];
  const sum = all.reduce((a, b) => a + b, 0);
  return all.map((w) => +((100 * w) / sum).toFixed(2));
}

export function renderRegisterHtml(m: RegisterModel): string {
  const widths = columnWidths(m);
  const th = (cls: string, text: string, j: number) =>
    `<th class="${cls}" style="width:${widths[j]}%">${headingUnits(text).map(esc).join('<wbr>')}</th>`;
  const head = `<tr>${th('no', '序号', 0)}${m.columns.map((c, j) => th(c.short ? 'short' : '', c.heading, j + 1)).join('')}</tr>`;
  const cls = m.columns.map((c) => (c.numeric ? ' class="num"' : c.short ? ' class="short"' : ''));
  const body = m.rows
    .map((r, i) => `<tr><td class="no">${i + 1}</td>${r.cells.map((cell, j) => `<td${cls[j]}>${esc(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  const empty = m.rows.length ? '' : `<tr><td class="empty" colspan="${m.columns.length + 1}">本年度没有符合条件的记录</td></tr>`;
  const totals =
    m.totals && m.rows.length
      ? `<tr class="totals"><td class="no">合计</td>${m.totals.map((t, j) => `<td${m.columns[j].numeric ? ' class="num"' : ''}>${esc(t)}</td>`).join('')}</tr>`
      : '';
  return printPage(
    m.title,
    `<p class="scope">${esc(m.scope)}</p>
<table>
<thead>${head}</thead>
<tbody>
${body}${empty}${totals}
</tbody>
</table>`,
  );
}

/** A printable page in the registers' style: the title as its heading, then `body` (HTML, escaped by the caller). */
export function printPage(title: string, body: string, extraCss = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">
<title>${esc(title)}</title>
<style>${registerCss()}${extraCss}</style>
</head>
<body>
<h1>${esc(title)}</h1>
${body}
</body>
</html>
`;
}
