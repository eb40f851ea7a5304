/**
 * Whole numbers in 汉字 as reports write their approximations: 十余场、百余条、一万四千余份、近千人.
 * Pure; input is a whole number 0 … 10^12 − 1 (larger is a bug upstream and throws a RangeError).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL_UNITS = ['', '十', '百', '千'];
const BIG_UNITS = ['', '万', '亿'];

/** 0 … 9999 without leading 零: 1050 → 一千零五十, 14 → 一十四 (the caller drops the 一 of 十). */
function section(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL_UNITS[i];
  }
  return out;
}

/**
 * 汉字 reading of `n`: 14000 → 一万四千, 1200 → 一千二百, 105000 → 十万五千, 2000 → 两千,
 * 20000 → 两万. A number that is one unit alone reads without its 一 when `bare` (十、百、千、万:
 * 「百余条」「近千人」), as reports write it; 10–19 always drop it (十二, not 一十二).
 */
export function toHanzi(n: number, bare = false): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`hanzi needs a whole number below 10^12, got ${n}`);
  if (n === 0) return '零';
  const parts: string[] = [];
  let rest = n;
  for (let i = 0; rest > 0; i++) {
    parts.unshift(String(rest % 10000));
    rest = Math.floor(rest / 10000);
  }
  let out = '';
  parts.forEach((p, idx) => {
    const v = Number(p);
    const unit = BIG_UNITS[parts.length - 1 - idx];
    if (v === 0) return;
    // A gap inside the number (十万零五百) reads 零 once.
    if (out !== '' && v < 1000) out += '零';
    out += section(v) + unit;
  });
  out = out.replace(/零+/g, '零').replace(/零$/, '');
  // 两 before 千、万、亿 at the head (两千、两万), 二 elsewhere (二十、二百).
  out = out.replace(/^二(?=[千万亿])/, '两');
  if (out.startsWith('一十')) out = out.slice(1);
  if (bare && /^一[十百千万亿]$/.test(out)) out = out.slice(1);
  return out;
}
