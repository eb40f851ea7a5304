/**
 * The self-test's checks in Node against real ledgers: the 双土镇 ledger passes (exit 0 from
 * `cli self-test`, the sample report really printed by headless Chromium); a corrupted ledger, a
 * temp folder that cannot be written, a sample without records and a printer that fails each fail
 * the run with a Chinese reason, and the clerk's ledger is never changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { openContext } from '@core/api';
import { importLedger } from '@core/ledger/exchange';
import { CLI_HOST } from '@core/diagnostics/collect';
import { pdfPageCount, runSelfTest, type SelfTestOptions } from '@core/diagnostics/self-test';
import type { PdfRenderer } from '@core/render/pdf';
import { sharedPdfRenderer } from '../support/chromium';
import { hashFile, tempDir } from '../support/ledger';
import { SHUANGTU_2023 } from '../support/seed';

const dirs: string[] = [];
let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await sharedPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** A closed ledger file holding the 双土镇 fixture. */
function shuangtuLedger(): { dir: string; file: string } {
  const dir = tempDir('fazhi-self-test-');
  dirs.push(dir);
  const file = path.join(dir, 'ledger.db');
  const ctx = openContext(file);
  importLedger(ctx.db, fs.readFileSync(SHUANGTU_2023, 'utf8'));
  ctx.close();
  return { dir, file };
}

/**
 * Every run builds the same sample report, so its HTML is printed once and the PDF handed to the
 * runs after (a Chromium print of a CJK report costs seconds; a second one would show nothing new).
 */
const printed = new Map<string, Promise<Buffer>>();
const printOnce = (html: string): Promise<Buffer> => {
  if (!printed.has(html)) printed.set(html, renderer.render(html));
  return printed.get(html)!;
};

const options = (file: string, more: Partial<SelfTestOptions> = {}): SelfTestOptions => ({
  ledgerFile: file,
  sampleFile: SHUANGTU_2023,
  printPdf: printOnce,
  host: CLI_HOST,
  ...more,
});
const failed = (r: { checks: { name: string; ok: boolean; detail: string }[] }) => r.checks.filter((c) => !c.ok);

describe('cli self-test', () => {
  it('passes on a sound ledger: exit 0, every check 通过, the report printed', async () => {
    const { file } = shuangtuLedger();
    const before = hashFile(file);
    const { code, out: text, err } = await cli('self-test', '--db', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(text).toContain(`[通过] 台账文件：${file}`);
    expect(text).toContain('[通过] 完整性检查：通过（ok）');
    expect(text).toMatch(/\[通过\] 报告PDF：示例台账2023年报告，[1-9]\d*页/);
    expect(text).not.toContain('[失败]');
    expect(text.trimEnd().endsWith('自检通过。')).toBe(true);
    expect(hashFile(file)).toBe(before);
  });

  it('fails with a Chinese reason when the temp folder cannot be written', async () => {
    const { dir, file } = shuangtuLedger();
    const notAFolder = path.join(dir, 'temp-is-a-file');
    fs.writeFileSync(notAFolder, '');
    const { code, err: text } = await cli('self-test', '--db', file, '--temp', notAFolder);
    expect(code).toBe(1);
    expect(text).toContain(`[失败] 临时文件夹：无法在“${notAFolder}”中建立临时文件夹：目标位置不是文件夹`);
    expect(text).toContain('[失败] 报告PDF：未生成：临时文件夹不可写');
    expect(text).toContain('自检未通过：2项失败。');
  });
});

describe('runSelfTest', () => {
  it('fails a corrupted ledger by its integrity check, in Chinese, without touching it', async () => {
    const { file } = shuangtuLedger();
    // Pages in the middle of the file (the records' b-tree) overwritten; the header stays intact.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8 * 4096, 0x5a), 0, 8 * 4096, 20 * 4096);
    fs.closeSync(fd);
    const before = hashFile(file);
    const r = await runSelfTest(options(file));
    expect(r.ok).toBe(false);
    const bad = failed(r);
    expect(bad).toHaveLength(1);
    expect(bad[0].name).toMatch(/^(完整性检查|台账文件)$/);
    expect(bad[0].detail).toMatch(/台账文件已损坏.*请从备份恢复/);
    expect(hashFile(file)).toBe(before);
    expect(r.checks.find((c) => c.name === '报告PDF')?.ok).toBe(true);
  });

  it('passes a fresh install with no ledger yet, and does not create one', async () => {
    const dir = tempDir('fazhi-self-test-');
    dirs.push(dir);
    const file = path.join(dir, 'ledger.db');
    const r = await runSelfTest(options(file));
    expect(failed(r)).toEqual([]);
    expect(r.checks.find((c) => c.name === '台账文件')?.detail).toBe(`尚未创建（首次启动时创建）：${file}`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('fails when the printer fails, when the sample has no records, and when the disk is nearly full', async () => {
    const { dir, file } = shuangtuLedger();
    const broken = await runSelfTest(
      options(file, {
        printPdf: () => Promise.reject(new Error('printToPDF failed')),
      }),
    );
    expect(failed(broken).map((c) => c.name)).toEqual(['报告PDF']);
    expect(failed(broken)[0].detail).toMatch(/^未能生成：/);

    const empty = path.join(dir, 'empty.json');
    const sample = JSON.parse(fs.readFileSync(SHUANGTU_2023, 'utf8')) as { records: unknown[] };
    fs.writeFileSync(empty, JSON.stringify({ ...sample, records: [] }));
    const none = await runSelfTest(options(file, { sampleFile: empty }));
    expect(failed(none).map((c) => `${c.name}：${c.detail}`)).toEqual([`报告PDF：示例台账“${empty}”中没有记录`]);

    const full = await runSelfTest(options(file, { minFreeBytes: Number.MAX_SAFE_INTEGER }));
    expect(failed(full).map((c) => c.name)).toEqual(['磁盘空间']);
    expect(failed(full)[0].detail).toMatch(/^台账所在磁盘只剩 .+（至少需要 .+），请清理磁盘$/);
  });

  it('counts the pages of a real PDF', async () => {
    const pdf = await renderer.render('<style>@page{size:A4}</style><p>一</p><p style="break-before:page">二</p>');
    expect(pdfPageCount(pdf)).toBe(2);
  });
});
