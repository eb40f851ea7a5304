/** backup.list: our backup files in a folder, newest first, date and town from the name; foreign and temp files left out. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { listBackups } from '@core/backup/list';
import { api, seedLedger, tempDir } from './helpers';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('listBackups', () => {
  it('lists only our names, newest first (same minute by counter), with size, date, time, town and tag', () => {
    const dir = fresh();
    const put = (name: string, bytes = 10) => fs.writeFileSync(path.join(dir, name), Buffer.alloc(bytes));
    put('法治台账备份_双土镇_2024-01-15_0930.ftzb', 11);
    put('法治台账备份_双土镇_2024-03-02_1405.ftzb', 22);
    put('法治台账备份_双土镇_2024-03-02_1405_2.ftzb', 33);
    put('法治台账备份_双土镇_2024-02-01_0800_恢复前.ftzb', 44);
    put('.法治台账备份_双土镇_2024-03-03_0800.ftzb.abcd.tmp');
    put('照片.jpg');
    put('法治台账备份_坏名字.ftzb');
    fs.mkdirSync(path.join(dir, '法治台账备份_双土镇_2024-05-01_0800.ftzb'));

    const list = listBackups(dir);
    expect(list.map((b) => b.name)).toEqual([
      '法治台账备份_双土镇_2024-03-02_1405_2.ftzb',
      '法治台账备份_双土镇_2024-03-02_1405.ftzb',
      '法治台账备份_双土镇_2024-02-01_0800_恢复前.ftzb',
      '法治台账备份_双土镇_2024-01-15_0930.ftzb',
    ]);
    expect(list[1]).toEqual({
      file: path.join(dir, '法治台账备份_双土镇_2024-03-02_1405.ftzb'),
      name: '法治台账备份_双土镇_2024-03-02_1405.ftzb',
      bytes: 22,
      town: '双土镇',
      date: '2024-03-02',
      time: '14:05',
      tag: '',
    });
    expect(list[2].tag).toBe('恢复前');
  });

  it('answers an empty list for a folder without backups', () => {
    expect(listBackups(fresh())).toEqual([]);
  });

  it('refuses a folder that is gone with a Chinese reason', () => {
    expect(() => listBackups(path.join(fresh(), '拔掉的U盘'))).toThrow(/无法读取文件夹.*找不到目标位置/);
  });
});

describe('backup.list', () => {
  it('lists a backup just made by backup.create, and validates its input', async () => {
    const work = fresh();
    const target = fresh();
    const { ctx } = await seedLedger(work, { records: 3, files: 1 });
    try {
      const made = await api<{ file: string; bytes: number }>(ctx, 'backup.create', { targetDir: target });
      const list = await api<{ file: string; bytes: number; town: string }[]>(ctx, 'backup.list', { dir: target });
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ file: made.file, bytes: made.bytes, town: '双土镇' });
      expect(await callApi(ctx, 'backup.list', { dir: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await callApi(ctx, 'backup.list', { dir: path.join(target, 'none') })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      ctx.close();
    }
  });
});
