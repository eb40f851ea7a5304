/**
 * Child process for the cross-process tests: `hold <db>` opens the ledger and keeps it open until
 * stdin closes; `write <db> <n>` waits for a line on stdin, creates n records through the API and prints a JSON summary of
 * what succeeded and every distinct failure message.
 * Usage: node --import tsx test/security/ledger-child.ts hold|write <db> [n]
 */
import { callApi, openContext } from '@core/api';

const [mode, db, n] = process.argv.slice(2);
const ctx = openContext(db);
process.stdout.write('ready\n');
if (mode === 'hold') {
  process.stdin.resume();
  process.stdin.on('end', () => ctx.close());
} else {
  // Both writers start on the parent's word, so their transactions really overlap.
  process.stdin.once('data', () => void write());
}

async function write(): Promise<void> {
  {
    let ok = 0;
    const failures: Record<string, number> = {};
    for (let i = 0; i < Number(n); i++) {
      const r = await callApi(ctx, 'records.create', {
        kind: 'meeting',
        data: {
          meetingType: '党委会议',
          date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
          title: `并发写入${process.pid}-${i}`,
          attendees: 9,
        },
      });
      if (r.ok) ok++;
      else failures[r.error.message] = (failures[r.error.message] ?? 0) + 1;
    }
    ctx.close();
    process.stdout.write(`${JSON.stringify({ ok, failures })}\n`);
  }
}
