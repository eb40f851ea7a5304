/**
 * ReportDocument → one self-contained HTML page laid out to GB/T 9704-2012 with print CSS.
 * The same string is previewed, printed and exported as PDF (Chromium here, Electron's
 * printToPDF in the app): no scripts, no external resources, one inline stylesheet.
 */
import type { ReportDocument } from '@rules/report/document';
import { bannerGeometryFor, bannerHtml } from './banner';
import { bodyHtml, recipientsHtml, titleHtml } from './blocks';
import { esc } from './escape';
import { endHtml } from './signature';
import { reportCss } from './styles';

export { IMPRINT_FIT_SCRIPT, type ImprintFit } from './imprint';
export { CHAR_PX, LINE_PX, LETTER_SPACING_PX, HALF_LEADING_PX } from './geometry';

interface RenderHtmlOptions {
  /** Missing-font notices (e.g. 未安装仿宋_GB2312，已用仿宋代替), kept in the document's <meta> for the app to show. */
  fontWarnings?: string[];
}

/** Nothing may load from anywhere: the report is data only, styled by its own inline sheet. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function renderReportHtml(doc: ReportDocument, opts: RenderHtmlOptions = {}): string {
  const warnings = (opts.fontWarnings ?? []).map((w) => `<meta name="font-warning" content="${esc(w)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="author" content="${esc(doc.meta.author)}">
${warnings}
<title>${esc(doc.meta.title)}</title>
<style>${reportCss(bannerGeometryFor(doc))}</style>
</head>
<body>
<article class="doc">
${bannerHtml(doc)}
${titleHtml(doc)}
${recipientsHtml(doc)}
${bodyHtml(doc)}
${endHtml(doc)}
</article>
</body>
</html>
`;
}
