/**
 * 版记 (7.4): 抄送 and 印发机关/印发日期 in 4号仿宋 between rules. Its last rule must sit on the
 * bottom of the 版心, which CSS alone cannot find on the last page: IMPRINT_FIT_SCRIPT measures
 * the paginated layout and sets the space above it before printing.
 */
import type { ReportDocument } from '@rules/report/document';
import { TYPE_AREA } from '@rules/layout';
import { esc } from './escape';

export function imprintHtml(imprint: ReportDocument['imprint']): string {
  if (!imprint) return '';
  const cc = imprint.cc ? `<div class="cc">抄送：${esc(imprint.cc)}。</div>` : '';
  const issue = `<div class="issue"><span>${esc(imprint.issuer)}</span><span>${esc(imprint.issueDate)}印发</span></div>`;
  return `<footer class="imprint">${cc}${issue}</footer>`;
}

/**
 * Page-context script (run with page.evaluate or webContents.executeJavaScript before printing;
 * CSP does not apply to either). It lays the body out in 225 mm columns, which fragment exactly
 * like printed pages, finds where the 版记 ends on its page and pushes it down to the page bottom.
 * Returns the gap in px, or null when there is no 版记.
 */
export const IMPRINT_FIT_SCRIPT = `(() => {
  const imprint = document.querySelector('.imprint');
  if (!imprint) return null;
  const body = document.body;
  imprint.style.marginTop = '0px';
  body.style.cssText = 'column-width:${TYPE_AREA.widthMm}mm;column-gap:0;column-fill:auto;height:${TYPE_AREA.heightMm}mm;width:${TYPE_AREA.widthMm}mm;overflow:visible';
  const offset = (el) => parseFloat(getComputedStyle(el).top) || 0;
  const shift = offset(imprint) + offset(imprint.closest('.doc'));
  const bottom = imprint.getBoundingClientRect().bottom - shift - body.getBoundingClientRect().top;
  const pageHeight = body.getBoundingClientRect().height;
  body.style.cssText = '';
  const gap = Math.max(0, Math.floor(pageHeight - bottom - 1));
  imprint.style.marginTop = gap + 'px';
  return gap;
})()`;
