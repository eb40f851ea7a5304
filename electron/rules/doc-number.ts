/**
 * A document number in the GB/T 9704 form 代字〔年份〕序号号 (双土府规〔2024〕3号): the 发文字号 of
 * the report and the 统一编号 of a 行政规范性文件 are both built, read and matched here only.
 */
interface DocNumber {
  code: string;
  year: number;
  seq: number;
}

export const formatDocNumber = (code: string, year: number, seq: number | string): string => `${code}〔${year}〕${seq}号`;

// At most nine digits of sequence: a longer one is no number a 政府 hands out (and past 2^53 not exact).
const DOC_NUMBER = /^(.*)〔(\d{4})〕(\d{1,9})号$/;

/** The parts of a well-formed number, or null. */
export function parseDocNumber(text: unknown): DocNumber | null {
  const m = typeof text === 'string' ? DOC_NUMBER.exec(text) : null;
  return m ? { code: m[1], year: Number(m[2]), seq: Number(m[3]) } : null;
}
