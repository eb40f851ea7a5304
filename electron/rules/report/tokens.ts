/**
 * The automatic words of report text: {年度}, {上年度}, {下年度}, {乡镇} are stored as tokens so a
 * copy for a new year reads right, and shown to the clerk as what they stand for (2023, 双土镇).
 * The report assembly (core) and the editor (screens) both resolve them here, 我镇 fallback included.
 */
export const TOKENS = ['年度', '上年度', '下年度', '乡镇'] as const;
export type Token = (typeof TOKENS)[number];

export const TOKEN_HELP: Record<Token, string> = {
  年度: '报告年度，换年后自动更新',
  上年度: '报告年度的上一年',
  下年度: '报告年度的下一年',
  乡镇: '设置中的乡镇名称',
};

export type TextPiece = { type: 'text'; text: string } | { type: 'token'; token: Token };

const TOKEN_RE = /\{(年度|上年度|下年度|乡镇)\}/g;

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
export function tokenValue(t: Token, year: number, town: string): string {
  switch (t) {
    case '年度':
      return String(year);
    case '上年度':
      return String(year - 1);
    case '下年度':
      return String(year + 1);
    case '乡镇':
      return town || '我镇';
  }
}

/** Stored text as it reads in the report (for headings in lists, messages). */
export const resolveText = (text: string, year: number, town: string): string =>
  splitTokens(text)
    .map((p) => (p.type === 'text' ? p.text : tokenValue(p.token, year, town)))
    .join('');
