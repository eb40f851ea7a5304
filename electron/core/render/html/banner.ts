/** 版头: the red 发文机关标志, 发文字号 / 签发人 line and red rule, or the same height left blank. */
import type { ReportDocument } from '@rules/report/document';
import { esc } from './escape';
import { bannerGeometry, type BannerGeometry } from './geometry';

/** 签发人 names go two to a line (7.2.6). */
const signerLineCount = (signers: string[]): number => Math.max(1, Math.ceil(signers.length / 2));

export function bannerGeometryFor(doc: ReportDocument): BannerGeometry | null {
  const h = doc.header;
  if (h.mode === 'none') return null;
  return bannerGeometry(h.organs, h.suffix, h.signers.length ? signerLineCount(h.signers) : 1);
}

function signersHtml(signers: string[]): string {
  const names = signers.map((n) => `<span class="f-kai">${esc(n)}</span>`).join('');
  return `<span class="signers"><span class="label">签发人：</span>${names}</span>`;
}

export function bannerHtml(doc: ReportDocument): string {
  const h = doc.header;
  if (h.mode === 'none') return '';
  if (h.mode === 'blank') return '<header class="banner" aria-hidden="true"></header>';
  const organs = h.organs.map((o) => `<div>${esc(o)}</div>`).join('');
  const suffix = h.suffix ? `<div class="mark-suffix">${esc(h.suffix)}</div>` : '';
  // 上行文: 字号 one character in from the left, 签发人 one in from the right; otherwise the 字号 is centred.
  const line = h.signers.length
    ? `<div class="docno-line"><span class="docno">${esc(h.docNumber)}</span>${signersHtml(h.signers)}</div>`
    : `<div class="docno-line centered"><span class="docno">${esc(h.docNumber)}</span></div>`;
  return `<header class="banner"><div class="mark"><div class="mark-organs">${organs}</div>${suffix}</div>${line}<div class="rule"></div></header>`;
}
