/**
 * The harness side of the report's host methods (POST /host/<name>): the same token and JSON
 * checks as the API, the report PDF and exported files as raw bytes with their file name, a
 * validated payload, and printing refused with a clear Chinese message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { importLedger } from '@core/ledger/exchange';
import { startHarness, type Harness } from '../../electron/harness/server';

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-host-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const file = path.join(dir, 'ledger.db');
  const ctx = openContext(file);
  importLedger(ctx.db, fs.readFileSync(path.resolve(__dirname, '../fixtures/shuangtu-2023.json'), 'utf8'));
  ctx.close();
  h = await startHarness({ dbFile: file, rendererDir: renderer });
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const host = (name: string, payload: unknown, headers: Record<string, string> = { 'x-harness-token': h.token }) =>
  fetch(`${h.url}host/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

describe('POST /host/<name>', () => {
  it('refuses a call without the token, and GET', async () => {
    const r = await host('reportPdf', { year: 2023 }, {});
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await fetch(`${h.url}host/reportPdf`)).status).toBe(405);
  });

  it('answers the report PDF as bytes', async () => {
    const r = await host('reportPdf', { year: 2023 });
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await r.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('hands back 导出Word as a file named like the report, and records the output', async () => {
    const r = await host('saveReport', { year: 2023, format: 'docx' });
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('关于2023年法治政府建设情况的报告.docx')}`,
    );
    expect(
      Buffer.from(await r.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const s = await fetch(`${h.url}api/report.staleness`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-harness-token': h.token },
      body: JSON.stringify({ year: 2023 }),
    });
    expect((await s.json()).value.output.format).toBe('docx');
  });

  it('validates the payload and says printing needs the PDF in the browser', async () => {
    expect(await (await host('saveReport', { year: 2023, format: 'html' })).json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await (await host('printReport', { year: 2023 })).json()).toMatchObject({
      ok: false,
      error: { message: '浏览器版请下载PDF后打印' },
    });
    expect(await (await host('nope', {})).json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('stands in for the native pickers with the typed path, granted as a pick (nothing typed is a cancel)', async () => {
    for (const [name, kind] of [
      ['pickFolder', 'folder'],
      ['pickBackupFile', 'file'],
    ] as const) {
      expect(await (await host(name, {})).json()).toEqual({ ok: true, value: { canceled: true } });
      const typed = `/media/U盘/${name}`;
      expect(h.grants.has(typed, kind)).toBe(false);
      expect(await (await host(name, { defaultPath: typed })).json()).toEqual({ ok: true, value: { canceled: false, path: typed } });
      expect(h.grants.has(typed, kind)).toBe(true);
    }
    expect((await host('pickFolder', { defaultPath: '/etc' }, {})).status).toBe(403);
    expect(h.grants.has('/etc', 'folder')).toBe(false);
  });
});
