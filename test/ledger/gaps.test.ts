/** Months without a 党委会议, judged against today, on a real temp ledger. */
import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { ledgerGaps, monthsDue } from '@core/ledger/gaps';
import { createRecord, deleteRecord } from '@core/ledger/records';
import { tempLedger, type TempLedger } from '../support/ledger';

let L: TempLedger | undefined;
afterEach(() => L?.cleanup());

const meeting = (date: string, meetingType = '党委会议') => createRecord(L!.ctx.db, 'meeting', { meetingType, date, title: `${date}会议` });

describe('months due', () => {
  it('asks for all twelve months of a past year, the begun ones of this year, none of a future one', () => {
    const today = new Date(2026, 10, 27);
    expect(monthsDue(2025, today)).toHaveLength(12);
    expect(monthsDue(2026, today)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(monthsDue(2027, today)).toEqual([]);
  });
});

describe('ledger gaps', () => {
  it('lists the due months without a 党委会议, ignoring other meetings and the 回收站', () => {
    L = tempLedger();
    meeting('2026-01-08');
    meeting('2026-03-09');
    meeting('2026-04-02', '政府常务会议');
    deleteRecord(L.ctx.db, meeting('2026-05-10').id);
    meeting('2025-02-01');
    expect(ledgerGaps(L.ctx.db, 2026, new Date(2026, 5, 1))).toMatchObject({ due: 6, missingPartyMeetingMonths: [2, 4, 5, 6] });
  });

  it('is reachable through the API table', async () => {
    L = tempLedger();
    meeting('2020-07-01');
    const r = await callApi(L.ctx, 'ledger.gaps', { year: 2020 });
    expect(r.ok && r.value).toMatchObject({ due: 12, missingPartyMeetingMonths: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12] });
    // 去登记 leads to a new 党委会议 and the 会议 page showing those held, the shape of a report problem's fix.
    expect(r.ok && (r.value as { partyMeetingFix: unknown }).partyMeetingFix).toEqual({
      kind: 'meeting',
      filters: { meetingType: '党委会议' },
      prefill: { meetingType: '党委会议' },
      month: 1,
    });
  });

  it('starts 去登记 at the earliest missing month, and names none when no month is missing', () => {
    L = tempLedger();
    meeting('2026-01-08');
    meeting('2026-02-08');
    expect(ledgerGaps(L.ctx.db, 2026, new Date(2026, 4, 1)).partyMeetingFix.month).toBe(3);
    expect(ledgerGaps(L.ctx.db, 2026, new Date(2026, 1, 20)).partyMeetingFix).not.toHaveProperty('month');
  });
});
