/**
 * Child process for the crash test: opens a ledger and runs one backup or restore, printing
 * `go` just before it starts and `done` after, so the parent can SIGKILL it at a chosen moment.
 * Usage: node --import tsx test/backup/crash-child.ts backup <db> <targetDir> | restore <db> <backup.ftzb>
 */
// The context alone, not the whole API table: each of the crash test's many starts loads less.
import { openContext } from '@core/api/open-context';
import { createBackup } from '@core/backup/create';
import { restoreBackup } from '@core/backup/restore';

const [mode, db, arg] = process.argv.slice(2);
const ctx = openContext(db);
process.stdout.write('go\n');
const t0 = performance.now();
(mode === 'backup' ? createBackup(ctx, arg) : restoreBackup(ctx, arg)).then(
  () => {
    ctx.close();
    process.stdout.write(`done ${Math.round(performance.now() - t0)}\n`);
  },
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  },
);
