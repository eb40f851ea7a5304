/**
 * Loopback harness (dev and tests only): serves the built renderer on 127.0.0.1 and routes
 * `POST /api/<method>` to the same API table as Electron IPC, and `POST /host/<name>` to the
 * report's host methods (./report-output.ts); the native pickers answer UNAVAILABLE here. A random per-start token, put into the served
 * index.html, must accompany every call; the Host header must be loopback.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { apiTable, callApi, openContext, type LedgerContext } from '@core/api';
import type { Result } from '../preload/contract';
import { PICKER_METHOD_NAMES } from '@rules/host-contract';
import { resolveStaticPath, staticHeaders } from '@core/serve/static-files';
import { toErrorPayload } from '@rules/errors';
import { createHarnessReportOutput } from './report-output';

export interface HarnessOptions {
  dbFile: string;
  rendererDir?: string;
  port?: number;
  /** Largest accepted request body; exchange files are the big ones. */
  maxBodyBytes?: number;
}

export interface Harness {
  url: string;
  token: string;
  ctx: LedgerContext;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
// Room for the largest attachment upload: 50 MB as base64 is about 67 MB of JSON.
const DEFAULT_MAX_BODY = 72 * 1024 * 1024;

/** Compares digests so neither the token nor its length leaks through timing. */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** Same words as the client's refusal of a main-only method in the browser. */
export const DESKTOP_ONLY = '此功能仅在桌面程序中可用（浏览器调试环境不支持）';

const fail = (code: 'FORBIDDEN' | 'UNKNOWN_METHOD' | 'VALIDATION' | 'INTERNAL' | 'UNAVAILABLE', message: string): Result => ({
  ok: false,
  error: { code, message, issues: [] },
});

function sendJson(res: http.ServerResponse, status: number, body: Result): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

/** Resolves null as soon as the body passes `limit`; the rest is drained, not kept. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      over = true;
      chunks.length = 0;
      resolve(null);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const rendererDir = path.resolve(opts.rendererDir ?? 'out/renderer');
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const token = randomBytes(32).toString('hex');
  const ctx = openContext(opts.dbFile);
  let allowedHosts = new Set<string>();
  const hostOutput = createHarnessReportOutput(ctx);

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('VALIDATION', '只接受 POST 请求'));
    if (!tokenMatches(token, req.headers['x-harness-token'])) return sendJson(res, 403, fail('FORBIDDEN', '缺少或错误的调试令牌'));
    if (!Object.hasOwn(apiTable, name)) return sendJson(res, 404, fail('UNKNOWN_METHOD', `未知的操作：${name}`));
    // A JSON content type forces a CORS preflight on any cross-site attempt.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail('VALIDATION', '请求须为 JSON'));
    }
    const body = await readBody(req, limit);
    if (!body) {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, fail('VALIDATION', '请求内容过大'));
    }
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, fail('VALIDATION', '请求内容不是有效的 JSON'));
    }
    sendJson(res, 200, await callApi(ctx, name, payload));
  }

  /** Host methods: same checks as the API; a file comes back as its bytes, anything else as JSON. */
  async function serveHost(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('VALIDATION', '只接受 POST 请求'));
    if (!tokenMatches(token, req.headers['x-harness-token'])) return sendJson(res, 403, fail('FORBIDDEN', '缺少或错误的调试令牌'));
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, fail('VALIDATION', '请求须为 JSON'));
    const body = await readBody(req, 64 * 1024);
    let payload: unknown;
    try {
      payload = body?.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, fail('VALIDATION', '请求内容不是有效的 JSON'));
    }
    if ((PICKER_METHOD_NAMES as readonly string[]).includes(`host.${name}`)) return sendJson(res, 200, fail('UNAVAILABLE', DESKTOP_ONLY));
    try {
      const answer = await hostOutput.call(`host.${name}`, payload);
      if (!('bytes' in answer)) return sendJson(res, 200, { ok: true, value: answer.value });
      const { bytes, mime, fileName } = answer.bytes;
      res.writeHead(200, {
        'Content-Type': mime,
        'Content-Length': bytes.length,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(bytes);
    } catch (err) {
      sendJson(res, 200, { ok: false, error: toErrorPayload(err) });
    }
  }

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveStaticPath(rendererDir, pathname);
    if (!file) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('禁止访问');
      return;
    }
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    if (path.basename(file) === 'index.html') {
      const meta = `<meta name="harness-token" content="${token}" />`;
      body = Buffer.from(body.toString('utf8').replace('</head>', `    ${meta}\n  </head>`));
    }
    res.writeHead(200, { ...staticHeaders(file), 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((req, res) => {
    // DNS rebinding guard: a foreign site resolving its name to 127.0.0.1 sends its own Host.
    if (!allowedHosts.has(String(req.headers.host ?? ''))) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('错误的主机名');
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const api = /^\/api\/([^/]+)$/.exec(pathname);
    const host = /^\/host\/([^/]+)$/.exec(pathname);
    const done = api
      ? serveApi(req, res, decodeURIComponent(api[1]))
      : host
        ? serveHost(req, res, decodeURIComponent(host[1]))
        : serveFile(req, res, pathname);
    done.catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', `内部错误：${String(err)}`));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);

  return {
    url: `http://${HOST}:${port}/`,
    token,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          ctx.close();
          // The warm PDF browser goes too, before close() resolves.
          void hostOutput.close().finally(resolve);
        });
      }),
  };
}
