/**
 * What the year's ledger is still missing, for the 首页: months that should already hold a
 * 党委会议 (held monthly) but hold none. Months are judged against `today`, so a running year
 * only asks for the months already begun and a future year for none.
 */
import type { Db } from '../db/open';
import type { RecordFix } from '@rules/record-fix';
import type { LedgerGaps } from '@rules/api/records';

/** Months (1–12) of `year` that should hold a record by `today`: all twelve for a past year. */
export function monthsDue(year: number, today: Date): number[] {
  const y = today.getFullYear();
  const last = year < y ? 12 : year === y ? today.getMonth() + 1 : 0;
  return Array.from({ length: last }, (_, i) => i + 1);
}

const PARTY_MEETING_FIX: RecordFix = { kind: 'meeting', filters: { meetingType: '党委会议' }, prefill: { meetingType: '党委会议' } };

export function ledgerGaps(db: Db, year: number, today = new Date()): LedgerGaps {
  const held = new Set(
    (
      db
        .prepare(
          "SELECT DISTINCT CAST(substr(date, 6, 2) AS INTEGER) AS m FROM records WHERE kind = 'meeting' AND year = ? AND deleted_at IS NULL AND json_extract(data, '$.meetingType') = '党委会议'",
        )
        .all(year) as { m: number }[]
    ).map((r) => r.m),
  );
  const due = monthsDue(year, today);
  const missing = due.filter((m) => !held.has(m));
  // 去登记 starts with the earliest month still missing.
  return {
    due: due.length,
    missingPartyMeetingMonths: missing,
    partyMeetingFix: { ...PARTY_MEETING_FIX, ...(missing.length ? { month: missing[0] } : {}) },
  };
}

export type { LedgerGaps };
