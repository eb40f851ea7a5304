/** Report assembly over a year holding 20,000 records (target < 100 ms). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openContext } from '@core/api';
import { assembleYear } from '@core/report/assemble';
import { importLedger } from '@core/ledger/exchange';
import { insertRecord } from '@core/ledger/records';
import { timeMedian, type BenchRow } from './row';

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-report-'));
  const ctx = openContext(path.join(dir, 'ledger.db'));
  try {
    importLedger(ctx.db, fs.readFileSync(path.join(import.meta.dirname, '../test/fixtures/shuangtu-2023.json'), 'utf8'));
    const t = '2023-12-31T00:00:00.000Z';
    const kinds = [
      [
        'dispute',
        (d: string) => ({
          date: d,
          title: '邻里纠纷',
          source: '排查',
          disputeType: '邻里',
          mediator: '司法所',
          result: '调解成功',
          closedDate: d,
        }),
      ],
      ['drill', (d: string) => ({ date: d, drillType: '消防', title: '消防演练', participants: 20 })],
      [
        'enforcement',
        (d: string) => ({
          date: d,
          title: '处罚',
          domain: '道路交通安全',
          procedure: '简易程序',
          action: '罚款',
          tickets: 2,
          fineAmount: 100,
        }),
      ],
      ['disclosure', (d: string) => ({ mode: '主动公开', date: d, title: '公开', channel: '政府网站' })],
    ] as const;
    ctx.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) {
        const [kind, make] = kinds[i % kinds.length];
        const date = `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
        insertRecord(ctx.db, { id: randomUUID(), kind, date, year: 2023, data: make(date), createdAt: t, updatedAt: t, deletedAt: null });
      }
    })();
    const ms = await timeMedian(15, () => assembleYear(ctx.db, 2023));
    return [{ name: '报告组装（该年度2万余条记录）', ms, targetMs: 100 }];
  } finally {
    ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
