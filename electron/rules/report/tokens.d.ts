/**
 * The automatic words of report text: {年度}, {上年度}, {下年度}, {乡镇} are stored as tokens so a
 * copy for a new year reads right, and shown to the clerk as what they stand for (2023, 双土镇).
 */
export declare const TOKENS: readonly ["年度", "上年度", "下年度", "乡镇"];
export type Token = (typeof TOKENS)[number];
export declare const TOKEN_HELP: Record<Token, string>;
export type TextPiece = {
    type: 'text';
    text: string;
} | {
    type: 'token';
    token: Token;
};
/** Splits stored text into plain text and token pieces. */
export declare function splitTokens(text: string): TextPiece[];
export declare const tokenText: (t: Token) => string;
/** What a token reads as in the report of `year`. */
export declare function tokenValue(t: Token, year: number, town: string): string;
/** Stored text as it reads in the report (for headings in lists, messages). */
export declare const resolveText: (text: string, year: number, town: string) => string;
