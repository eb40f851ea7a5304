/**
 * The worker pool survives its workers: a worker that throws, runs out of its memory limit or
 * hangs fails only the job it ran, with a Chinese message; the job queued behind it runs on a
 * fresh worker and reports its own outcome (before, the dead worker's exit, arriving after the
 * next worker had started, failed that next job too). The worker here is a small script that
 * misbehaves on purpose (fake-entry.cjs).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '@core/worker/pool';

const ENTRY = path.join(__dirname, 'fake-entry.cjs');
const noEnglish = (text: string) => expect(text, text).not.toMatch(/[A-Za-z]{2,}/);

async function withPool<T>(
  opts: ConstructorParameters<typeof WorkerPool>[1],
  fn: (p: WorkerPool) => Promise<T>,
  entry = ENTRY,
): Promise<T> {
  const pool = new WorkerPool(entry, opts);
  try {
    return await fn(pool);
  } finally {
    await pool.close();
  }
}

describe('a worker that dies', () => {
  it('a crash fails its own job in Chinese; the job queued behind it succeeds on a fresh worker', async () => {
    await withPool({}, async (pool) => {
      const crash = pool.run('x.db', 'crash', {});
      const next = pool.run('x.db', 'slow', {});
      const after = pool.run('x.db', 'quick', {});
      const c = await crash;
      expect(c.ok).toBe(false);
      if (!c.ok) {
        expect(c.error.message).toContain('后台任务意外中止');
        noEnglish(c.error.message);
      }
      expect(await next).toEqual({ ok: true, value: 'slow done' });
      expect(await after).toEqual({ ok: true, value: 'quick done' });
    });
  });

  it('a job past the memory limit ends its worker, not this process; the next job runs', async () => {
    await withPool({ resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } }, async (pool) => {
      const hog = await pool.run('x.db', 'hog', {});
      expect(hog.ok).toBe(false);
      if (!hog.ok) {
        expect(hog.error.message).toContain('内存超过上限');
        noEnglish(hog.error.message);
      }
      expect(await pool.run('x.db', 'quick', {})).toEqual({ ok: true, value: 'quick done' });
    });
  });

  it('a job silent past the time limit is stopped and said so; the next job runs', async () => {
    // The silence is counted from the moment the worker says it is ready, so however long a fresh
    // worker takes to start on a loaded machine, the quick job after the hang is not taken for hung;
    // 5 s leaves that job (it answers at once) room on a machine with other work beside it.
    await withPool({ jobTimeLimitMs: 5_000 }, async (pool) => {
      const hang = await pool.run('x.db', 'hang', {});
      expect(hang.ok).toBe(false);
      if (!hang.ok) {
        expect(hang.error.message).toContain('没有进展，已停止');
        noEnglish(hang.error.message);
      }
      expect(await pool.run('x.db', 'quick', {})).toEqual({ ok: true, value: 'quick done' });
    });
  });

  it('a worker that never says it is ready is stopped by the start limit', async () => {
    await withPool(
      { startTimeLimitMs: 500 },
      async (pool) => {
        const stuck = await pool.run('x.db', 'quick', {});
        expect(stuck.ok).toBe(false);
        if (!stuck.ok) {
          expect(stuck.error.message).toContain('没有进展，已停止');
          noEnglish(stuck.error.message);
        }
      },
      path.join(__dirname, 'never-ready-entry.cjs'),
    );
  });
});
