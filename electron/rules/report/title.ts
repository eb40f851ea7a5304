/** Title lines and other words of the 版头/版尾 that follow from the settings. */
import type { Settings } from '../settings';
import type { ReportSettings } from './spec';

/** Characters of 2号 type that fit the 156 mm 版心 (22 pt ≈ 7.76 mm). */
const TITLE_CHARS_PER_LINE = 20;

export function issuingOrgans(rs: ReportSettings, s: Settings): string[] {
  if (rs.issuers === 'party') return [s.partyOrg];
  if (rs.issuers === 'gov') return [s.govOrg];
  return [s.partyOrg, s.govOrg];
}

export const subjectLine = (year: number) => `关于${year}年法治政府建设情况的报告`;

/**
 * Automatic title: organ names on their own lines above the subject, which keeps words whole and
 * gives the upright trapezoid GB/T 9704 asks for; an over-long line is split at a word boundary.
 */
export function autoTitle(organs: string[], year: number): string[] {
  const lines = [...organs.filter(Boolean), subjectLine(year)];
  return lines.flatMap((l) => (l.length <= TITLE_CHARS_PER_LINE ? [l] : splitBalanced(l)));
}

function splitBalanced(line: string): string[] {
  // Prefer breaking after 关于…年 or before 的, close to the middle.
  const mid = line.length / 2;
  const candidates = [...line.matchAll(/年|的|关于|和|与|、/g)]
    .map((m) => (m[0] === '关于' ? m.index! : m.index! + 1))
    .filter((i) => i > 2 && i < line.length - 2);
  const cut = candidates.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid))[0] ?? Math.ceil(mid);
  return [line.slice(0, cut), line.slice(cut)];
}

export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const DISCLOSURE_NOTE: Record<ReportSettings['disclosure'], string> = {
  主动公开: '（此件公开发布）',
  依申请公开: '（此件依申请公开）',
  不予公开: '（此件不予公开）',
};

const CN_DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (section numbers stay small). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/**
 * The 主送机关 line as the document stores it: what the clerk typed, without a trailing colon
 * (the renderers print one). Resolved once, when the document is assembled.
 */
export const recipientsText = (typed: string): string => typed.trim().replace(/[：:\s]+$/, '');

/**
 * The 抄送 organs as the document stores them: without a 抄送： the clerk may have typed and
 * without the closing full stop (the renderers print 「抄送：…。」). Null for none.
 */
export function ccText(typed: string): string | null {
  const organs = typed
    .trim()
    .replace(/^(抄送\s*[：:]\s*)+/, '')
    .replace(/[。.\s]+$/, '');
  return organs || null;
}
