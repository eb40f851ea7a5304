/**
 * 版记 (7.4): 抄送 and 印发机关/印发日期 in 4号仿宋 between rules, on the last page, which printed
 * double-sided is the back of the last sheet: an even page. Its last rule sits on the bottom of the
 * 版心. CSS can do neither (Chromium ignores `break-before: left` and has no way to find the bottom
 * of the last page), so IMPRINT_FIT_SCRIPT measures the paginated layout and places it.
 */
import type { ImprintPlacement } from '@rules/layout';
import type { ReportDocument } from '@rules/report/document';
import { TYPE_AREA } from '@rules/layout';
import { esc } from './escape';

export function imprintHtml(imprint: ReportDocument['imprint']): string {
  if (!imprint) return '';
  const cc = imprint.cc ? `<div class="cc">抄送：${esc(imprint.cc)}。</div>` : '';
  const issue = `<div class="issue"><span>${esc(imprint.issuer)}</span><span>${esc(imprint.issueDate)}印发</span></div>`;
  return `<footer class="imprint">${cc}${issue}</footer>`;
}

/** What IMPRINT_FIT_SCRIPT reports: where the 版记 went, or null when the report has none. */
export interface ImprintFit extends ImprintPlacement {
  /** 1-based page of the 版记: always even. */
  page: number;
  /** Space above the 版记 in px that puts its last rule on the bottom of the 版心. */
  gapPx: number;
}

/**
 * Page-context script (run with page.evaluate or webContents.executeJavaScript before printing;
 * CSP does not apply to either). It lays the body out in 225 mm columns, which fragment exactly like
 * printed pages, and finds the page of the 版记 and of the text before it:
 *  - 版记 on an even page with text: it stays there, pushed down to the bottom of the 版心;
 *  - on an odd page with text: it moves alone to the next (even) page;
 *  - alone (it did not fit under the text): on the next even page, after a blank page if needed.
 * A page holding only the 版记, and the blank page before it, are named page `imprint`, which has no
 * page number (GB/T 9704 7.5). It first undoes what an earlier run added, so it measures the flow as written.
 * Returns an ImprintFit, or null when there is no 版记.
 */
export const IMPRINT_FIT_SCRIPT = `(() => {
  const imprint = document.querySelector('.imprint');
  if (!imprint) return null;
  for (const b of document.querySelectorAll('.blank-page')) b.remove();
  imprint.classList.remove('imprint-alone');
  imprint.style.marginTop = '0px';
  const body = document.body;
  body.style.cssText = 'column-width:${TYPE_AREA.widthMm}mm;column-gap:0;column-fill:auto;height:${TYPE_AREA.heightMm}mm;width:${TYPE_AREA.widthMm}mm;overflow:visible';
  const origin = body.getBoundingClientRect();
  const pageWidth = origin.width;
  const pageHeight = origin.height;
  const pageOf = (rect) => Math.floor((rect.left - origin.left + 1) / pageWidth) + 1;
  const offset = (el) => parseFloat(getComputedStyle(el).top) || 0;
  const shift = offset(imprint) + offset(imprint.closest('.doc'));
  const own = imprint.getBoundingClientRect();
  const imprintPage = pageOf(own);
  const before = imprint.previousElementSibling;
  const beforeRects = before ? before.getClientRects() : [];
  const textPage = beforeRects.length ? pageOf(beforeRects[beforeRects.length - 1]) : 0;
  const bottom = own.bottom - shift - origin.top;
  body.style.cssText = '';
  const page = imprintPage % 2 === 0 ? imprintPage : imprintPage + 1;
  if (page === textPage) {
    const gapPx = Math.max(0, Math.floor(pageHeight - bottom - 1));
    imprint.style.marginTop = gapPx + 'px';
    return { placement: 'shared', page, blankPages: 0, gapPx };
  }
  const blankPages = page - textPage - 1;
  for (let i = 0; i < blankPages; i++) {
    const blank = document.createElement('div');
    blank.className = 'blank-page';
    imprint.before(blank);
  }
  imprint.classList.add('imprint-alone');
  const gapPx = Math.max(0, Math.floor(pageHeight - own.height - 1));
  imprint.style.marginTop = gapPx + 'px';
  return { placement: 'alone', page, blankPages, gapPx };
})()`;
