/**
 * The app's 文件 → 导入台账 (`exchange.importFile`, called by main after its confirmation): a bad file changes nothing and makes no copy; a good
 * one first saves the current ledger as a verified safety copy, then replaces the ledger.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { listSafetyCopies } from '@core/backup/safety';
import { verifyBackup } from '@core/backup/verify';
import { yearStats } from '@core/ledger/query';
import { createRecord } from '@core/ledger/records';
import { ledgerPerTest } from '../support/ledger';

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '../fixtures/shuangtu-2023.json'), 'utf8');
const ledger = ledgerPerTest();

describe('exchange.importFile', () => {
  it('refuses a bad file untouched, and keeps a safety copy before replacing', async () => {
    const L = ledger();
    createRecord(L.ctx.db, 'meeting', { date: '2023-01-12', title: '替换前的会议', meetingType: '党委会议' });
    const badFile = path.join(L.dir, 'bad.json');
    fs.writeFileSync(badFile, FIXTURE.replace('"kind": "meeting"', '"kind": "nope"'));
    const bad = await callApi(L.ctx, 'exchange.importFile', { file: badFile });
    expect(bad.ok).toBe(false);
    expect(listSafetyCopies(L.file)).toEqual([]);
    expect(yearStats(L.ctx.db, 2023).meeting).toBe(1);

    const r = await callApi(L.ctx, 'exchange.importFile', { file: path.resolve(__dirname, '../fixtures/shuangtu-2023.json') });
    expect(r.ok).toBe(true);
    const value = (r as { value: { records: number; safetyCopy: string } }).value;
    expect(value.records).toBe(JSON.parse(FIXTURE).records.length);
    expect(listSafetyCopies(L.file).map((c) => c.file)).toEqual([value.safetyCopy]);
    const { info } = await verifyBackup(value.safetyCopy);
    expect(info.kinds.find((k) => k.label === '会议')?.count).toBe(1);
    expect(yearStats(L.ctx.db, 2023).meeting).toBe(35);
  });

  it('reads the file as strict UTF-8, as the CLI does: a byte that is not UTF-8 is refused, not turned into �', async () => {
    const L = ledger();
    const file = path.join(L.dir, 'gbk.json');
    // 会议 saved as GBK in an otherwise valid file.
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from(FIXTURE.slice(0, 200)), Buffer.from([0xbb, 0xe1, 0xd2, 0xe9]), Buffer.from(FIXTURE.slice(200))]),
    );
    const r = await callApi(L.ctx, 'exchange.importFile', { file });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: expect.stringContaining('不是有效的 UTF-8') } });
    expect(listSafetyCopies(L.file)).toEqual([]);
  });
});
