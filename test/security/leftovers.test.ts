/**
 * Work folders a killed process left in the temp folder are removed at the
 * next start; a running process's folders and anything not named like ours are left alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { removeLeftoverWorkDirs } from '@core/backup/leftovers';
import { tempDir } from '../backup/helpers';

const tmp = tempDir('fazhi-leftovers-');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('removes only our folders whose process is gone', () => {
  // A pid that certainly ended: a child that has exited.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  const mk = (name: string, ageHours = 0) => {
    const d = path.join(tmp, name);
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'ledger.sqlite'), 'x');
    const t = new Date(Date.now() - ageHours * 3600_000);
    fs.utimesSync(d, t, t);
    return d;
  };
  const gone = mk(`fazhi-verify-p${dead}-abc123`);
  const goneBackup = mk(`fazhi-backup-p${dead}-Zz9Yy8`);
  const running = mk(`fazhi-backup-p${process.pid}-abc123`);
  const legacyOld = mk('fazhi-verify-qwe123', 7);
  const legacyNew = mk('fazhi-verify-rty456', 1);
  const foreign = mk(`other-p${dead}-abc123`);
  const removed = removeLeftoverWorkDirs(tmp).sort();
  expect(removed).toEqual([goneBackup, gone, legacyOld].sort());
  for (const d of [running, legacyNew, foreign]) expect(fs.existsSync(d)).toBe(true);
});
