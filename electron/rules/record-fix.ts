/**
 * Where a problem is fixed in the 台账, so the clerk goes from the problem straight to the fix: the kind's page under a filter that shows
 * the records concerned, and a new record of that kind prefilled with what the problem asks for.
 * The core declares it on a report Problem or a 首页 gap; the screens only draw the links.
 */
import type { Measure } from './figures/types';

export type FixValue = string | number | boolean;

export interface RecordFix {
  kind: string;
  /** Exact field filters for the kind's page (records.list `filters`). */
  filters?: Record<string, FixValue>;
  /** Field values of a new record (新增 opens with these filled in). */
  prefill?: Record<string, FixValue>;
  /**
   * The month (1–12) a missing record belongs to: the new record's date is left empty for the clerk
   * to pick (a made-up day would be saved unnoticed) and its calendar opens on that month.
   */
  month?: number;
}

/**
 * The fix for a figure measured by `m`: its kind, filtered and prefilled by the measure's
 * single-value conditions (类型 = 法治考试). Ranges, lists and word matches cannot be typed into
 * a new record, so they are left to the clerk.
 */
export function fixForMeasure(m: Measure): RecordFix {
  const exact = Object.entries(m.where ?? {}).filter((e): e is [string, FixValue] => ['string', 'number', 'boolean'].includes(typeof e[1]));
  if (!exact.length) return { kind: m.kind };
  const values = Object.fromEntries(exact);
  return { kind: m.kind, filters: values, prefill: values };
}
