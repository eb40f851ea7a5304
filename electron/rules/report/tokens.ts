/**
 * The automatic words of report text: {年度}, {上年度}, {下年度}, {乡镇}, {乡镇长}, {乡镇干部} and
 * the level words {乡镇级}, {依法治乡镇}, {本级人大会议}, {召开人大会议} are stored as tokens so a
 * copy for a new year (or a 乡 rather than a 镇) reads right, and shown to the clerk as what they
 * stand for (2023, 双土镇, 镇长). The report assembly (core) and the editor (screens) both resolve
 * them here, 我镇 fallback included.
 */
import { levelText, townWords, type TownType } from '../town-type';

export const TOKENS = [
  '年度',
  '上年度',
  '下年度',
  '乡镇',
  '乡镇长',
  '乡镇干部',
  '乡镇级',
  '依法治乡镇',
  '本级人大会议',
  '召开人大会议',
] as const;
export type Token = (typeof TOKENS)[number];

export const TOKEN_HELP: Record<Token, string> = {
  年度: '报告年度，换年后自动更新',
  上年度: '报告年度的上一年',
  下年度: '报告年度的下一年',
  乡镇: '设置中的乡镇名称',
  乡镇长: '按乡镇类型：乡长、镇长或街道办事处主任',
  乡镇干部: '按乡镇类型：乡村干部、镇村干部或街道社区干部',
  乡镇级: '按乡镇类型：乡、镇或街道（如“全镇”“镇人民调解委员会”）',
  依法治乡镇: '按乡镇类型：依法治乡、依法治镇或依法治街',
  本级人大会议: '按乡镇类型：乡（镇）人民代表大会；街道没有本级人大，为人大街道工委会议',
  召开人大会议: '按乡镇类型：召开乡（镇）人民代表大会；街道为“向人大街道工委报告工作”',
};

type TextPiece = { type: 'text'; text: string } | { type: 'token'; token: Token };

const TOKEN_RE = new RegExp(`\\{(${TOKENS.join('|')})\\}`, 'g');

/** Splits stored text into plain text and token pieces. */
export function splitTokens(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m.index! > at) out.push({ type: 'text', text: text.slice(at, m.index) });
    out.push({ type: 'token', token: m[1] as Token });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ type: 'text', text: text.slice(at) });
  return out;
}

export const tokenText = (t: Token): string => `{${t}}`;

/** What a token reads as in the report of `year`. */
export function tokenValue(t: Token, year: number, town: string, townType?: TownType): string {
  switch (t) {
    case '年度':
      return String(year);
    case '上年度':
      return String(year - 1);
    case '下年度':
      return String(year + 1);
    case '乡镇':
      return town || townWords(townType).self;
    case '乡镇长':
      return townWords(townType).head;
    case '乡镇干部':
      return townWords(townType).cadres;
    case '乡镇级':
    case '依法治乡镇':
    case '本级人大会议':
    case '召开人大会议':
      return levelText(`{${t}}`, townType);
  }
}

/** Stored text as it reads in the report (for headings in lists, messages). */
export const resolveText = (text: string, year: number, town: string, townType?: TownType): string =>
  splitTokens(text)
    .map((p) => (p.type === 'text' ? p.text : tokenValue(p.token, year, town, townType)))
    .join('');
