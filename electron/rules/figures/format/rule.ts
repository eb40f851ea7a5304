/** How a figure may be written in the report; each kind of value allows some of them (../format.ts DISPLAY_RULES). */
export type DisplayRule =
  /** The number as it is: 11次, 906张, 0件. */
  | { type: 'exact' }
  /**
   * “余”-rounding; `granularity` 10/100/1000/10000 overrides the automatic base (10 keeps “1250余人次”);
   * `hanzi` writes the number in 汉字 (十余场、百余条、一万四千余份).
   */
  | { type: 'approx'; granularity?: number; hanzi?: boolean }
  /** “近”: just under a round number (986 → 近1000人, with `hanzi` 近千人); otherwise as “余”. */
  | { type: 'near'; hanzi?: boolean }
  /**
   * Money in 万元, trailing zeros trimmed (61770 → 6.177万元); optional rounding to `decimals` (0–6);
   * 0 → “0元”; below 1万元 in 元 (7610 → 7610元) unless `alwaysWan`.
   */
  | { type: 'wan'; decimals?: number; alwaysWan?: boolean }
  /** A rate in %, at most `decimals` (0–4, default 2) decimals, trimmed. */
  | { type: 'percent'; decimals?: number }
  /** A rate rounded down to a multiple of `step` (1, 5 or 10; default 10) with “以上”: 62.5% → 60%以上. */
  | { type: 'atLeast'; step?: number };
