/**
 * The harness listens on loopback, where any web page the clerk opens can send it requests
 * (`<img src=http://127.0.0.1:PORT/api/%ff>`). Whatever arrives, it answers and stays up; only
 * pages of its own origin, with the token, reach the API. Requests are written byte for byte
 * over net.Socket so nothing on our side normalises them first.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/harness/server';

let dir: string;
let h: Harness;
let port: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-hostile-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>法治台账</title></head><body></body></html>');
  h = await startHarness({ dbFile: path.join(dir, 'ledger.db'), rendererDir: renderer });
  port = Number(new URL(h.url).port);
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends `head` (and body) as written; resolves with the status line's code and the whole answer. */
function send(head: string, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let text = '';
    s.setEncoding('utf8');
    s.on('data', (c: string) => (text += c));
    s.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    s.on('error', reject);
    s.setTimeout(60_000, () => s.destroy(new Error(`no answer to ${JSON.stringify(head.split('\r\n')[0])}`)));
    s.write(`${head}\r\nConnection: close\r\n\r\n${body}`);
  });
}

const hostHeader = () => `Host: 127.0.0.1:${port}`;

async function stillUp(): Promise<void> {
  const r = await send(`GET / HTTP/1.1\r\n${hostHeader()}`);
  expect(r.status).toBe(200);
}

describe('malformed requests', () => {
  it.each([
    ['GET /api/%ff HTTP/1.1', 'bad percent-encoding in a method name'],
    ['GET /host/%E0 HTTP/1.1', 'bad percent-encoding in a host method name'],
    ['POST /api/%ff HTTP/1.1', 'the same as a POST'],
    ['GET //[ HTTP/1.1', 'a path new URL() cannot parse'],
    ['GET /%ff%fe HTTP/1.1', 'bad percent-encoding in a file path'],
  ])('%s (%s) → 400, and the server stays up', async (line) => {
    const r = await send(`${line}\r\n${hostHeader()}`);
    expect(r.status).toBe(400);
    expect(r.text).not.toContain(h.token);
    await stillUp();
  });

  it('a request line the HTTP parser refuses is answered 400 too', async () => {
    const r = await send(`GET /a b c\x01 HTTP/1.1\r\n${hostHeader()}`);
    expect(r.status).toBe(400);
    await stillUp();
  });
});

describe('Origin', () => {
  const post = (origin: string | null, extra = '') => {
    const body = '{}';
    return send(
      [
        'POST /api/kinds.list HTTP/1.1',
        hostHeader(),
        ...(origin ? [`Origin: ${origin}`] : []),
        'Content-Type: application/json',
        `x-harness-token: ${h.token}`,
        `Content-Length: ${body.length}`,
        ...(extra ? [extra] : []),
      ].join('\r\n'),
      body,
    );
  };

  it('a call with the token from another origin is refused', async () => {
    for (const origin of [
      'http://evil.example',
      `http://localhost.evil.example:${port}`,
      'null',
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port + 1}`,
    ]) {
      const r = await post(origin);
      expect(r.status, origin).toBe(403);
    }
  });

  it('a call a browser marks cross-site is refused even without Origin', async () => {
    expect((await post(null, 'Sec-Fetch-Site: cross-site')).status).toBe(403);
  });

  it('our own origin (and tools that send none, like curl) get through', async () => {
    expect((await post(`http://127.0.0.1:${port}`)).status).toBe(200);
    expect((await post(`http://localhost:${port}`)).status).toBe(200);
    expect((await post(null)).status).toBe(200);
  });

  it('host methods check it too', async () => {
    const body = '{"year":2023}';
    const r = await send(
      [
        'POST /host/printReport HTTP/1.1',
        hostHeader(),
        'Origin: http://evil.example',
        'Content-Type: application/json',
        `x-harness-token: ${h.token}`,
        `Content-Length: ${body.length}`,
      ].join('\r\n'),
      body,
    );
    expect(r.status).toBe(403);
  });
});
