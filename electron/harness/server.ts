/**
 * Loopback harness (dev and tests only): serves the built renderer on 127.0.0.1 and routes
 * `POST /api/<method>` through the same gate as Electron IPC (the renderer's surface, paths only
 * as granted), and `POST /host/<name>` to the report's host methods (./report-output.ts) and the
 * pickers' stand-ins. A random per-start token, put into the served index.html, must accompany
 * every call; the Host header must be loopback, and a browser's Origin our own.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { openContext, type LedgerContext } from '@core/api';
import { callFromRenderer, isRendererMethod } from '@core/api/gate';
import { PathGrants } from '@core/api/grants';
import { Dispatcher } from '@core/api/dispatch';
import { WorkerPool } from '@core/worker/pool';
import type { Progress } from '@core/worker/protocol';
import type { PathKind } from '@core/api/define';
import { MAX_UPLOAD_BODY_BYTES } from '@rules/upload';
import type { Result } from '../preload/contract';
import type { PickedPath } from '@rules/host-contract';
import { parseHostInput } from '@rules/host-input';
import { resolveStaticPath, staticHeaders } from '@core/serve/static-files';
import { toErrorPayload } from '@rules/errors';
import { createHarnessReportOutput } from './report-output';
import type { PdfRenderer } from '@core/render/pdf';
import type { Logger } from '@core/diagnostics/log';

interface HarnessOptions {
  dbFile: string;
  rendererDir?: string;
  port?: number;
  /** Largest accepted request body; exchange files are the big ones. */
  maxBodyBytes?: number;
  /** Where job outcomes go (npm run web: electron-log/node), and its file for 关于与诊断. */
  log?: { logger: Logger; file: string };
  /** Where the report's PDFs are printed: by default a Chromium started on first use (tests lend theirs). */
  startRenderer?: () => Promise<PdfRenderer>;
  /**
   * Start the printing browser with the harness and warm it, as the app does at startup, so the
   * first preview or register waits for neither (npm run web, the benches). Off by default: most
   * tests print nothing, and those that do lend a warm browser.
   */
  warmPrinter?: boolean;
  /** The worker thread's script; by default the core's own (tests pass one that can hold a job part-way). */
  workerEntry?: string;
}

export interface Harness {
  url: string;
  token: string;
  ctx: LedgerContext;
  /** The paths handed to the page (drive list, listings, the picker stand-ins). */
  grants: PathGrants;
  /** Resolves once the printing browser is started and warm (`warmPrinter`; at once without it). */
  printerWarm: Promise<void>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
// Room for the largest upload (one cap, @rules/upload), as base64 in JSON.
const DEFAULT_MAX_BODY = MAX_UPLOAD_BODY_BYTES;

/**
 * The harness's stand-ins for main's native pickers: the browser has no dialog, so the page's
 * path box is the clerk's choice. The typed path is granted like a picked one; nothing typed
 * is a cancel. Everything else the page names goes through the same gate as in Electron.
 */
const PICKER_STAND_INS: Record<string, PathKind> = { pickFolder: 'folder', pickBackupFile: 'file' };

/** Compares digests so neither the token nor its length leaks through timing. */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

const fail = (code: 'FORBIDDEN' | 'UNKNOWN_METHOD' | 'VALIDATION' | 'INTERNAL' | 'UNAVAILABLE', message: string): Result => ({
  ok: false,
  error: { code, message, issues: [] },
});

function sendJson(res: http.ServerResponse, status: number, body: Result): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
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

type Target = { kind: 'api' | 'host'; name: string } | { kind: 'file'; pathname: string };

/**
 * The request target as a route, or null when it is not one we could have produced: not an
 * origin-form path (`//[`, `*`, absolute URLs), or percent-encoding that does not decode.
 */
function parseTarget(url: string | undefined): Target | null {
  if (!url || !url.startsWith('/') || url.startsWith('//')) return null;
  const pathname = url.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const m = /^\/(api|host)\/([^/]+)$/.exec(pathname);
  if (m) return { kind: m[1] as 'api' | 'host', name: decodeURIComponent(m[2]) };
  return decoded.includes('\0') ? null : { kind: 'file', pathname };
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const rendererDir = path.resolve(opts.rendererDir ?? 'out/renderer');
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const token = randomBytes(32).toString('hex');
  const ctx = openContext(opts.dbFile);
  // A browser lists no printers and has no Electron: 关于与诊断 says so.
  ctx.host = { kind: 'browser', electron: null, chromium: null, logFile: opts.log?.file ?? null, printers: async () => null };
  const grants = new PathGrants();
  // Like Electron: heavy methods in a worker thread, so one import does not stall every request.
  const pool = new WorkerPool(opts.workerEntry);
  const dispatch = new Dispatcher(() => ctx, pool, opts.log?.logger);
  /** Jobs in the worker now, by method: the page polls POST /host/progress (Electron pushes them instead). */
  const running = new Map<string, Progress>();
  const track = (p: Progress) => (p.finished ? running.delete(p.method) : running.set(p.method, p));
  let allowedHosts = new Set<string>();
  const hostOutput = createHarnessReportOutput(ctx, opts.startRenderer);
  // In the background: a failure here is met again, and reported, by the first real PDF.
  const printerWarm = opts.warmPrinter ? hostOutput.warm().catch(() => undefined) : Promise.resolve();

  /**
   * The one gate in front of both POST routes: method, token, then (after the route's own
   * refusal, if any) a JSON body within `maxBytes`. Answers the refusal itself and returns
   * undefined, or returns the parsed payload.
   */
  async function readJsonRequest(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    maxBytes: number,
    refuse?: () => { status: number; body: Result } | undefined,
  ): Promise<{ payload: unknown } | undefined> {
    if (req.method !== 'POST') return void sendJson(res, 405, fail('VALIDATION', '只接受 POST 请求'));
    if (!tokenMatches(token, req.headers['x-harness-token'])) return void sendJson(res, 403, fail('FORBIDDEN', '缺少或错误的调试令牌'));
    const refusal = refuse?.();
    if (refusal) return void sendJson(res, refusal.status, refusal.body);
    // A JSON content type forces a CORS preflight on any cross-site attempt.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return void sendJson(res, 415, fail('VALIDATION', '请求须为 JSON'));
    }
    const body = await readBody(req, maxBytes);
    if (!body) {
      res.setHeader('Connection', 'close');
      return void sendJson(res, 413, fail('VALIDATION', '请求内容过大'));
    }
    try {
      return { payload: body.length ? JSON.parse(body.toString('utf8')) : {} };
    } catch {
      return void sendJson(res, 400, fail('VALIDATION', '请求内容不是有效的 JSON'));
    }
  }

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    // Like Electron, the page reaches only the renderer's surface: cliOnly methods do not exist here.
    const request = await readJsonRequest(req, res, limit, () =>
      isRendererMethod(name) ? undefined : { status: 404, body: fail('UNKNOWN_METHOD', `未知的操作：${name.slice(0, 100)}`) },
    );
    if (!request) return;
    sendJson(res, 200, await callFromRenderer(dispatch, grants, name, request.payload, track));
  }

  /** Host methods: same checks as the API; a file comes back as its bytes, anything else as JSON. */
  async function serveHost(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const request = await readJsonRequest(req, res, 64 * 1024);
    if (!request) return;
    const { payload } = request;
    if (name === 'progress') return sendJson(res, 200, { ok: true, value: [...running.values()] });
    if (Object.hasOwn(PICKER_STAND_INS, name)) {
      try {
        const typed = parseHostInput(`host.${name}` as 'host.pickFolder' | 'host.pickBackupFile', payload).defaultPath;
        const picked: PickedPath = typed ? { canceled: false, path: grants.grant(typed, PICKER_STAND_INS[name]) } : { canceled: true };
        return sendJson(res, 200, { ok: true, value: picked });
      } catch (err) {
        return sendJson(res, 200, { ok: false, error: toErrorPayload(err) });
      }
    }
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

  /** The origins our own page has; a browser names its page's origin on every POST. */
  let ownOrigins = new Set<string>();

  /**
   * Any web page the clerk opens can make the browser send requests here; the token keeps them
   * from reading answers, this keeps them from acting. A request marked as coming from another
   * origin (Origin, or Sec-Fetch-Site when a browser leaves Origin out) is refused even with the
   * token. Tools (curl, tests) send neither and rely on the token alone.
   */
  function fromOwnPage(req: http.IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin)) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding guard: a foreign site resolving its name to 127.0.0.1 sends its own Host.
    if (!allowedHosts.has(String(req.headers.host ?? ''))) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('错误的主机名');
      return Promise.resolve();
    }
    const target = parseTarget(req.url);
    if (!target) return Promise.resolve(void sendJson(res, 400, fail('VALIDATION', '请求地址不正确')));
    if (target.kind === 'file') return serveFile(req, res, target.pathname);
    if (!fromOwnPage(req)) return Promise.resolve(void sendJson(res, 403, fail('FORBIDDEN', '拒绝了来自其他网页的请求')));
    return target.kind === 'api' ? serveApi(req, res, target.name) : serveHost(req, res, target.name);
  }

  const server = http.createServer((req, res) => {
    const failed = (err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '调试服务内部错误'));
      else res.destroy();
      console.error('[harness]', err);
    };
    // Nothing a request carries may throw past this point: one bad request must not end the server.
    try {
      route(req, res).catch(failed);
    } catch (err) {
      failed(err);
    }
  });
  // A request the HTTP parser refuses: answer 400 when the socket can still take it.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  ownOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));

  return {
    url: `http://${HOST}:${port}/`,
    token,
    ctx,
    grants,
    printerWarm,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          void pool.close();
          ctx.close();
          // The warm PDF browser goes too, before close() resolves.
          void hostOutput.close().finally(resolve);
        });
      }),
  };
}
