/**
 * The loopback harness: bound to 127.0.0.1, serves the renderer with the token meta and the
 * CSP header, refuses path traversal, and routes POST /api/<method> to the API table only
 * with the right token and a loopback Host.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererMethodNames } from '@core/api/gate';
import { CSP } from '@core/serve/csp';
import { startHarness, tokenMatches, type Harness } from '../../electron/harness/server';

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-harness-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>法治台账</title></head><body></body></html>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
  h = await startHarness({ dbFile: path.join(dir, 'ledger.db'), rendererDir: renderer, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so paths like /../ reach the server unnormalized and Host can be forged. */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  const { port } = new URL(h.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (name: string, payload: unknown, headers: Record<string, string> = { 'x-harness-token': h.token }) =>
  fetch(`${h.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

describe('listening', () => {
  it('is bound to 127.0.0.1 only', async () => {
    const url = new URL(h.url);
    expect(url.hostname).toBe('127.0.0.1');
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = net.connect(Number(url.port), lan.address);
        s.on('connect', () => (s.destroy(), resolve(false)));
        s.on('error', () => resolve(true));
      });
      expect(refused, `reachable on ${lan.address}`).toBe(true);
    }
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    const r = await raw({ path: '/', headers: { host: `evil.example:${new URL(h.url).port}` } });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain(h.token);
  });
});

describe('static files', () => {
  it('serves index.html with the token meta and the CSP header', async () => {
    const res = await fetch(h.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    const html = await res.text();
    expect(html).toContain(`<meta name="harness-token" content="${h.token}" />`);
    expect(h.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves assets with their MIME types', async () => {
    expect((await fetch(`${h.url}assets/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${h.url}assets/app.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${h.url}nope.js`)).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
  ])('refuses traversal %s', async (p) => {
    const r = await raw({ path: p });
    expect([403, 404]).toContain(r.status);
    expect(r.body).not.toContain('SECRET');
  });
});

describe('POST /api/<method>', () => {
  it('answers a method with its Result', async () => {
    const res = await api('kinds.list', {});
    expect(res.status).toBe(200);
    const r = (await res.json()) as { ok: boolean; value: unknown[] };
    expect(r.ok).toBe(true);
    expect(r.value.length).toBeGreaterThan(0);
  });

  it('round-trips data through the same core as Electron', async () => {
    const data = { meetingType: '党委会议', date: '2024-01-10', title: '第1次党委会议', attendees: 9 };
    const created = (await (await api('records.create', { kind: 'meeting', data })).json()) as { ok: true; value: { id: string } };
    expect(created.ok).toBe(true);
    expect(h.ctx.db.prepare('SELECT COUNT(*) AS n FROM records WHERE id = ?').get(created.value.id)).toEqual({ n: 1 });
  });

  it('returns the core’s validation error, in Chinese, with issues', async () => {
    const r = (await (await api('records.list', { kind: 'x' })).json()) as {
      ok: false;
      error: { code: string; message: string; issues: unknown[] };
    };
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求参数不正确' } });
    expect(r.error.issues.length).toBeGreaterThan(0);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-harness-token': '0'.repeat(64) }],
    ['a truncated token', { 'x-harness-token': 'abc' }],
  ])('refuses %s with 403', async (_l, headers) => {
    const res = await api('kinds.list', {}, headers as Record<string, string>);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers 404 for a method not on the renderer surface: unknown, Electron-only, or cliOnly', async () => {
    for (const name of ['nope', 'file.exportLedger', '__proto__', 'constructor', 'exchange.import', 'exchange.export', 'attachments.add']) {
      const res = await api(name, {});
      expect(res.status, name).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('reaches every method of the renderer surface', async () => {
    for (const name of rendererMethodNames()) {
      const r = (await (await api(name, null)).json()) as { ok: boolean; error?: { code: string } };
      expect(r.error?.code, name).not.toBe('UNKNOWN_METHOD');
    }
  });

  it('needs POST, JSON, and a body under the size limit', async () => {
    const headers = { 'x-harness-token': h.token, 'content-type': 'application/json' };
    expect((await raw({ path: '/api/kinds.list', headers: { 'x-harness-token': h.token } })).status).toBe(405);
    expect(
      (
        await raw({
          method: 'POST',
          path: '/api/kinds.list',
          headers: { 'x-harness-token': h.token, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect((await raw({ method: 'POST', path: '/api/kinds.list', headers, body: '{oops' })).status).toBe(400);
    const big = JSON.stringify({ recordId: 'x', name: 'a.bin', dataBase64: 'A'.repeat(70 * 1024) });
    const r = await raw({ method: 'POST', path: '/api/attachments.upload', headers, body: big });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: '请求内容过大' } });
  });
});

describe('paths from the page', () => {
  it('go through the same gate as Electron: only what the harness handed out', async () => {
    const r = (await (await api('backup.list', { dir: dir })).json()) as { ok: false; error: { code: string; message: string } };
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(r.error.message).toContain('请通过本程序选择');
    const typed = await fetch(`${h.url}host/pickFolder`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-harness-token': h.token },
      body: JSON.stringify({ defaultPath: dir }),
    });
    expect(await typed.json()).toEqual({ ok: true, value: { canceled: false, path: dir } });
    expect(await (await api('backup.list', { dir })).json()).toEqual({ ok: true, value: [] });
  });
});

describe('tokenMatches', () => {
  it('compares whole tokens only', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'ab')).toBe(false);
    expect(tokenMatches('abc', undefined)).toBe(false);
    expect(tokenMatches('abc', ['abc'])).toBe(false);
  });
});
