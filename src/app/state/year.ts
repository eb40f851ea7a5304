import { isLedgerYear } from '@rules/limits';

/**
 * The working year every screen follows: remembered in localStorage; on first opening, the latest
 * year holding records (a clerk finishing last year's ledger in January sees it, not zeros), else
 * the current year.
 */
const KEY = 'fazhi-ledger.year';

export const currentYear = (): number => new Date().getFullYear();

/** The year last chosen on this computer, if any. */
export function storedYear(): number | null {
  const y = Number(window.localStorage.getItem(KEY));
  return isLedgerYear(y) ? y : null;
}

/** The year the app opens on: the last one used, else the latest with records, else `now`. */
export function openingYear(stored: number | null, withRecords: readonly number[], now: number): number {
  if (stored !== null) return stored;
  return withRecords.length ? Math.max(...withRecords) : now;
}

export function saveYear(y: number): void {
  window.localStorage.setItem(KEY, String(y));
}

/** Years offered by the switcher: those holding records, the current year ± a few, the chosen one. */
export function yearOptions(withRecords: readonly number[], chosen: number): number[] {
  const now = currentYear();
  const set = new Set<number>([...withRecords, chosen]);
  for (let y = now - 3; y <= now + 1; y++) set.add(y);
  return [...set].sort((a, b) => b - a);
}
