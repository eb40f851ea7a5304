/**
 * Child process for the lock test: holds a ledger the way the harness and Electron main do (its
 * own connection plus a worker pool), runs one worker job, prints `ready`, then for every line
 * `write <n>` on stdin creates a record through the dispatcher and prints `ack <title>` once it
 * is acknowledged.
 * Usage: node --import tsx test/security/holder-child.ts <db>
 */
import readline from 'node:readline';
import { openContext } from '@core/api';
import { Dispatcher } from '@core/api/dispatch';
import { WorkerPool } from '@core/worker/pool';

const [db] = process.argv.slice(2);
const ctx = openContext(db);
const pool = new WorkerPool();
const dispatch = new Dispatcher(() => ctx, pool);

async function main(): Promise<void> {
  const job = await dispatch.call('excel.exportYear', { year: 2024 });
  if (!job.ok) throw new Error(job.error.message);
  process.stdout.write('ready\n');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const n = /^write (\d+)$/.exec(line)?.[1];
    if (!n) continue;
    const title = `锁测试记录${n}`;
    const r = await dispatch.call('records.create', {
      kind: 'meeting',
      data: { meetingType: '党委会议', date: '2024-03-01', title, attendees: 9 },
    });
    process.stdout.write(r.ok ? `ack ${title}\n` : `fail ${r.error.message}\n`);
  }
}
main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
