import { randomUUID } from 'node:crypto';
import { openContext } from '@core/api';
import { saveSettings } from '@core/ledger/settings';

/** A 镇 ledger at `file` with `n` 2023 党委会议 records written straight into the table (fast, many); returns their ids. */
export function seedMeetings(file: string, n: number): string[] {
  const ctx = openContext(file);
  try {
    saveSettings(ctx.db, { town: '双土镇', partyOrg: '中共双土镇委员会', govOrg: '双土镇人民政府' });
    const t = new Date().toISOString();
    const ins = ctx.db.prepare(
      "INSERT INTO records (id, kind, date, year, data, search_text, created_at, updated_at) VALUES (?, 'meeting', ?, 2023, ?, ?, ?, ?)",
    );
    const ids: string[] = [];
    ctx.db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const date = `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const data = {
          meetingType: '党委会议',
          date,
          title: `2023年第${i + 1}次党委会议`,
          host: '张明',
          attendees: 9 + (i % 7),
          studyLawBefore: i % 2 === 0,
          lawTopic: i % 3 === 0,
        };
        const id = randomUUID();
        ids.push(id);
        ins.run(id, date, JSON.stringify(data), data.title, t, t);
      }
    })();
    return ids;
  } finally {
    ctx.close();
  }
}
