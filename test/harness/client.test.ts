/**
 * The renderer's client: over the harness it resolves outputs and throws ApiError with code,
 * Chinese message and issues; Electron-only methods fail as UNAVAILABLE without a request;
 * through window.api it unwraps the preload's Result the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, createClient, electronTransport, httpTransport } from '../../src/api/client';
import { startHarness, type Harness } from '../../electron/harness/server';
import type { WindowApi } from '../../electron/preload/contract';

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-client-'));
  fs.mkdirSync(path.join(dir, 'renderer'));
  h = await startHarness({ dbFile: path.join(dir, 'ledger.db'), rendererDir: path.join(dir, 'renderer') });
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const base = () => h.url.replace(/\/$/, '');

describe('over the harness', () => {
  it('resolves to the method output', async () => {
    const client = createClient(httpTransport({ token: h.token, baseUrl: base() }), false);
    const kinds = await client.call('kinds.list', {});
    expect(kinds.length).toBeGreaterThan(0);
  });

  it('throws ApiError carrying code, Chinese message and issues', async () => {
    const client = createClient(httpTransport({ token: h.token, baseUrl: base() }), false);
    const err = await client.call('records.delete', { id: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'VALIDATION', message: '请求参数不正确' });
    expect((err as ApiError).issues[0]).toMatchObject({ field: 'id' });
  });

  it('throws FORBIDDEN with a wrong token', async () => {
    const client = createClient(httpTransport({ token: 'wrong', baseUrl: base() }), false);
    await expect(client.call('kinds.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reports Electron-only methods as UNAVAILABLE without any request', async () => {
    const fetchSpy = vi.fn();
    const client = createClient(httpTransport({ token: h.token, baseUrl: base(), fetch: fetchSpy }), false);
    expect(client.isAvailable('file.exportLedger')).toBe(false);
    expect(client.isAvailable('ledger.years')).toBe(true);
    await expect(client.call('file.exportLedger', {})).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('桌面程序'),
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('turns an unreachable harness into a NETWORK ApiError', async () => {
    const client = createClient(httpTransport({ token: h.token, baseUrl: 'http://127.0.0.1:9' }), false);
    await expect(client.call('kinds.list', {})).rejects.toMatchObject({ name: 'ApiError', code: 'NETWORK' });
  });
});

describe('through window.api (Electron)', () => {
  it('unwraps ok results and throws ApiError on error results', async () => {
    const api = {
      'ledger.years': vi.fn(async () => ({ ok: true, value: [2024] })),
      'records.delete': vi.fn(async () => ({ ok: false, error: { code: 'NOT_FOUND', message: '记录不存在', issues: [] } })),
    } as unknown as WindowApi;
    const client = createClient(electronTransport(api), true);
    expect(await client.call('ledger.years', {})).toEqual([2024]);
    await expect(client.call('records.delete', { id: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '记录不存在' });
    expect(api['records.delete']).toHaveBeenCalledWith({ id: 'x' });
    expect(client.isAvailable('file.importLedger')).toBe(true);
  });
});
