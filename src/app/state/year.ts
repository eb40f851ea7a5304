import { isLedgerYear } from '@rules/limits';

/** The working year every screen follows: remembered in localStorage, default the current year. */
const KEY = 'fazhi-ledger.year';

export const currentYear = (): number => new Date().getFullYear();

export function loadYear(): number {
  const y = Number(window.localStorage.getItem(KEY));
  return isLedgerYear(y) ? y : currentYear();
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
