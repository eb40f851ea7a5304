/**
 * Workbooks cannot exhaust memory or time: each bomb (generated here, see ./bombs.ts) is refused
 * in Chinese, by preview and import alike, in a child process with a capped heap that is killed if
 * it hangs; the ledger stays byte-identical. A zip that is not a workbook, an encrypted workbook,
 * and workbooks whose only sheets are hidden or 说明 are refused with what is wrong.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openContext, type LedgerContext } from '@core/api';
import type { ImportPreview } from '@core/excel';
import { hashFile, tempDir } from '../support/ledger';
import { encryptedWorkbook, notAWorkbook, writeBombs } from './bombs';
import { noEnglishInternals } from '../support/chinese';

const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(__dirname, 'bomb-child.ts');

let dir: string;
let db: string;
beforeAll(() => {
  dir = tempDir('fazhi-bombs-');
  db = path.join(dir, '台账.db');
  openContext(db).close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runChild(files: string[]): Promise<{ results: Record<string, { ok: boolean; message?: string }[]>; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--max-old-space-size=700', '--import', 'tsx', CHILD, db, ...files], { cwd: ROOT });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (err += d));
    // Only a hang trips this: every bomb is refused from the zip's directory or while inflating a little.
    const kill = setTimeout(() => p.kill('SIGKILL'), 240_000);
    p.on('exit', (code, signal) => {
      clearTimeout(kill);
      if (code !== 0) return reject(new Error(`child ended (${code ?? signal}): ${err.slice(-2000)}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    });
  });
}

describe('workbook bombs', () => {
  it('each is refused in Chinese by preview and import, within bounded memory, the ledger untouched', async () => {
    const bombs = writeBombs(dir);
    const before = hashFile(db);
    const { results, maxRssMb } = await runChild(Object.values(bombs));
    for (const [name, outcomes] of Object.entries(results)) {
      for (const r of outcomes) {
        expect(r.ok, name).toBe(false);
        expect(r.message, name).toMatch(/工作簿/);
        noEnglishInternals(r.message!);
      }
    }
    expect(Object.keys(results).sort()).toEqual(Object.keys(bombs).sort());
    // Generous: the bombs inflate to 0.4–27 GB; reading none of them may cost more than a few hundred MB.
    expect(maxRssMb).toBeLessThan(1200);
    expect(hashFile(db)).toBe(before);
  }, 300_000);
});

describe('files that are not importable workbooks', () => {
  let ctx: LedgerContext;
  beforeAll(() => (ctx = openContext(path.join(dir, 'other.db'))));
  afterAll(() => ctx.close());
  const preview = async (bytes: Buffer) => {
    const r = await callApi(ctx, 'excel.preview', { dataBase64: bytes.toString('base64') });
    if (r.ok) throw new Error('accepted');
    noEnglishInternals(r.error.message);
    return r.error.message;
  };
  const book = async (build: (wb: ExcelJS.Workbook) => void) => {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it('a zip without a workbook', async () => {
    expect(await preview(notAWorkbook())).toContain('压缩包里没有工作簿内容');
  });
  it('a workbook with an open password', async () => {
    expect(await preview(encryptedWorkbook())).toContain('设有打开密码');
  });
  it('only hidden and 说明 sheets', async () => {
    const hidden = await book((wb) => {
      wb.addWorksheet('说明').addRow(['填表说明']);
      const ws = wb.addWorksheet('会议', { state: 'hidden' });
      ws.addRow(['会议日期', '会议名称']);
      ws.addRow(['2023-03-01', '党委会']);
    });
    expect(await preview(hidden)).toContain('「会议」是隐藏的');
    expect(await preview(await book((wb) => wb.addWorksheet('说明').addRow(['填表说明'])))).toContain('没有可导入的工作表');
  });
  it('a cell longer than Excel allows', async () => {
    const long = await book((wb) => {
      const ws = wb.addWorksheet('会议');
      ws.addRow(['会议日期', '会议名称']);
      ws.addRow(['2023-03-01', 'A'.repeat(40_000)]);
    });
    expect(await preview(long)).toContain('工作表「会议」第2行 B列的文字长达40000个字符');
  });
});

describe('what the clerk cannot see is not imported', () => {
  it('hidden rows, hidden columns and hidden sheets are left out and said so; _xHHHH_ escapes are decoded', async () => {
    const ctx = openContext(path.join(dir, 'hidden.db'));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('会议');
      ws.addRow(['会议类型', '会议日期', '会议名称', '出席人数', '备注']);
      ws.addRow(['党委会议', '2023-03-01', '第_x0031_次党委会', 9, '看得见']);
      ws.addRow(['党委会议', '2023-03-02', '隐藏行的会议', 9, '']);
      ws.getRow(3).hidden = true;
      ws.getColumn(5).hidden = true;
      wb.addWorksheet('培训', { state: 'hidden' }).addRow(['日期']);
      const r = await callApi(ctx, 'excel.preview', { dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
      if (!r.ok) throw new Error(r.error.message);
      const value = r.value as ImportPreview;
      const sheet = value.sheets.find((s) => s.sheet === '会议')!;
      expect(sheet.rows.map((x) => x.data.title)).toEqual(['第1次党委会']);
      const notes = value.sheets.flatMap((s) => s.problems.map((p) => `${p.sheet}:${p.message}`));
      expect(notes).toEqual(
        expect.arrayContaining([
          expect.stringContaining('会议:第3行是隐藏行，未导入'),
          expect.stringContaining('会议:E列是隐藏列，未导入'),
          expect.stringContaining('培训:这是隐藏的工作表，未导入'),
        ]),
      );
    } finally {
      ctx.close();
    }
  });
});
