/** How a figure may be written in the report; each kind of value allows some of them (../format.ts DISPLAY_RULES). */
export type DisplayRule =
  /** The number as it is: 11次, 906张, 0件. */
  | { type: 'exact' }
  /** “余”-rounding; `granularity` 10/100/1000/10000 overrides the automatic base (10 keeps “1250余人次”). */
  | { type: 'approx'; granularity?: number }
  /** Money in 万元, trailing zeros trimmed (61770 → 6.177万元); optional rounding to `decimals` (0–6); 0 → “0元”. */
  | { type: 'wan'; decimals?: number }
  /** A rate in %, at most `decimals` (0–4, default 2) decimals, trimmed. */
  | { type: 'percent'; decimals?: number };
