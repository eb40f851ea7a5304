/** records.totals: sums of the listed numeric fields over everything the filter selects, not one page. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRecords, listTotals } from '@core/ledger/query';
import { createRecord, deleteRecord } from '@core/ledger/records';
import { tempLedger, type TempLedger } from '../support/ledger';

let L: TempLedger;
beforeEach(() => {
  L = tempLedger();
});
afterEach(() => L.cleanup());

/** A 罚款 case of 2 tickets on `date`, with `fineAmount` yuan (none when undefined). */
const fine = (date: string, fineAmount: number | undefined) =>
  createRecord(L.ctx.db, 'enforcement', {
    date,
    title: `案件${date}`,
    domain: '道路交通安全',
    procedure: '简易程序',
    action: '罚款',
    tickets: 2,
    ...(fineAmount === undefined ? {} : { fineAmount }),
  });

describe('the 合计 row', () => {
  it('sums every selected record across pages, money to the fen, leaving out deleted and other years', () => {
    fine('2023-01-05', 200.1);
    fine('2023-02-05', 0.2);
    fine('2023-03-05', undefined);
    const gone = fine('2023-04-05', 1000);
    deleteRecord(L.ctx.db, gone.id);
    fine('2022-12-31', 5000);
    expect(listRecords(L.ctx.db, { kind: 'enforcement', year: 2023, pageSize: 1 }).rows).toHaveLength(1);
    expect(listTotals(L.ctx.db, { kind: 'enforcement', year: 2023 })).toEqual({ tickets: 6, fineAmount: 200.3 });
  });

  it('follows the search in force', () => {
    fine('2023-01-05', 100);
    fine('2023-02-05', 50);
    expect(listTotals(L.ctx.db, { kind: 'enforcement', year: 2023, search: '案件2023-02-05' })).toEqual({ tickets: 2, fineAmount: 50 });
    expect(listTotals(L.ctx.db, { kind: 'enforcement', year: 2023, search: '没有这样的案件' })).toEqual({ tickets: 0, fineAmount: 0 });
  });

  it('is empty for a kind without listed numbers', () => {
    expect(listTotals(L.ctx.db, { kind: 'normativeDoc', year: 2023 })).toEqual({});
  });
});
