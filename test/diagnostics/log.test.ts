/**
 * The diagnostics log: a real file written by electron-log (the Node entry the shells use),
 * rotated by size into one `.old.log`, holding each job's outcome — method, ok/failed, duration,
 * error code — and never a record's text or a person's name, whether the job ran inline or in the
 * worker, succeeded or failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import log from 'electron-log/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '@core/api/dispatch';
import { WorkerPool } from '@core/worker/pool';
import { errorSummary, logJob, logToFile } from '@core/diagnostics/log';
import { ledgerPerTest, sampleRecord, tempDir } from '../support/ledger';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const newLog = (maxSize?: number) => {
  const dir = tempDir('fazhi-log-');
  dirs.push(dir);
  const file = path.join(dir, 'logs', 'main.log');
  return { dir, file, logger: logToFile(log.create({ logId: path.basename(dir) }), file, { maxSize }) };
};
const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');

describe('log file', () => {
  it('rotates past maxSize into one .old.log, replacing the previous one', () => {
    const { file, logger } = newLog(2000);
    const line = (i: number) => `job records.list ok ${i}ms`;
    for (let i = 0; i < 60; i++) logger.info(line(i)); // ~60 × 60 bytes: past 2000 at least once
    const old = path.join(path.dirname(file), 'main.old.log');
    expect(fs.existsSync(old)).toBe(true);
    const firstOld = read(old);
    expect(firstOld).toContain(line(0));
    for (let i = 60; i < 200; i++) logger.info(line(i));
    // Still exactly one old file, now holding later lines; the current file stays near maxSize.
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['main.log', 'main.old.log']);
    expect(read(old)).not.toContain(`${line(0)}\n`);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(2000 + 200);
    expect(read(file)).toContain(line(199));
    expect(read(old) + read(file)).toContain(line(150));
  });

  it('keeps an error by class, code and stack frames, never its message', () => {
    const err = Object.assign(new Error('会议「秘密议题ZQX」由王小明主持'), { code: 'SQLITE_CORRUPT' });
    const s = errorSummary(err);
    expect(s).toMatch(/^Error SQLITE_CORRUPT\n\s+at /);
    expect(s).not.toContain('秘密议题');
    expect(s).not.toContain('王小明');
  });

  it('writes ok and failed outcomes with the error code only', () => {
    const { file, logger } = newLog();
    logJob(logger, 'records.create', { ok: true, value: { title: '不应出现的标题' } }, 12.4);
    logJob(logger, 'records.create', { ok: false, error: { code: 'VALIDATION', message: '标题“某某”重复', issues: [] } }, 3);
    const text = read(file);
    expect(text).toMatch(/\[info\]\s+job records\.create ok 12ms/);
    expect(text).toMatch(/\[warn\]\s+job records\.create failed 3ms VALIDATION/);
    expect(text).not.toContain('不应出现的标题');
    expect(text).not.toContain('某某');
  });
});

describe('jobs through the dispatcher', () => {
  const ledger = ledgerPerTest();
  let pool: WorkerPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('logs every job, inline and in the worker, ok and failed, with no record text', async () => {
    const { ctx, dir } = ledger();
    const { file, logger } = newLog();
    pool = new WorkerPool();
    const dispatch = new Dispatcher(() => ctx, pool, logger);
    const TITLE = '关于征地补偿的秘密协调会ZQX9137';
    const HOST = '欧阳娜娜';
    const data = { ...sampleRecord('meeting', 0, { year: 2023 }), title: TITLE, host: HOST };
    const created = await dispatch.value<{ id: string }>('records.create', { kind: 'meeting', data });
    await dispatch.value('records.update', { id: created.id, data: { ...data, title: `${TITLE}（修改）` } });
    await dispatch.value('records.search', { year: 2023, search: TITLE });
    // Failing: a record without its required fields, an id that does not exist, a backup into a file.
    const bad = await dispatch.call('records.create', { kind: 'meeting', data: { title: TITLE, host: HOST } });
    expect(bad.ok).toBe(false);
    expect((await dispatch.call('records.get', { id: `${TITLE}-nope` })).ok).toBe(false);
    // In the worker: a backup (ok), and one into a path that is a file (failed).
    const target = path.join(dir, 'usb');
    fs.mkdirSync(target);
    expect((await dispatch.call('backup.create', { targetDir: target })).ok).toBe(true);
    const notDir = path.join(dir, 'not-a-folder');
    fs.writeFileSync(notDir, 'x');
    const failed = await dispatch.call('backup.create', { targetDir: notDir });
    expect(failed.ok).toBe(false);

    const text = read(file);
    expect(text).toMatch(/job records\.create ok \d+ms/);
    expect(text).toMatch(/job records\.update ok \d+ms/);
    expect(text).toMatch(/job records\.search ok \d+ms/);
    expect(text).toMatch(/job records\.create failed \d+ms VALIDATION/);
    expect(text).toMatch(/job records\.get failed \d+ms NOT_FOUND/);
    expect(text).toMatch(/job backup\.create ok \d+ms/);
    expect(text).toMatch(new RegExp(`job backup\\.create failed \\d+ms ${failed.ok ? '' : failed.error.code}`));
    expect(text.split('\n').filter(Boolean)).toHaveLength(7);
    for (const secret of ['秘密协调会', 'ZQX9137', HOST, '修改']) expect(text).not.toContain(secret);
  });
});
