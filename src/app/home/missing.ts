/** What the year's ledger is missing: months without a 党委会议, kinds with no record at all. */

/** Months (1–12) of `year` that should hold a record by `today`: all twelve for a past year. */
export function monthsDue(year: number, today: Date): number[] {
  const y = today.getFullYear();
  const last = year < y ? 12 : year === y ? today.getMonth() + 1 : 0;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** Due months with no date among `dates` (YYYY-MM-DD). */
export function monthsWithout(year: number, dates: readonly string[], today: Date): number[] {
  const have = new Set(dates.filter((d) => d.startsWith(`${year}-`)).map((d) => Number(d.slice(5, 7))));
  return monthsDue(year, today).filter((m) => !have.has(m));
}

/** 3月、7月 */
export const monthList = (months: readonly number[]): string => months.map((m) => `${m}月`).join('、');
