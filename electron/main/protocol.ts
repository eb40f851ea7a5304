/**
 * The app:// protocol that serves out/renderer to the window instead of file://: a real,
 * secure origin (app://fazhi) for the CSP and the IPC sender check, every response carrying
 * the CSP header, and nothing outside the renderer folder reachable.
 */
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { resolveStaticPath, staticHeaders } from '@core/serve/static-files';

/** Must run before `app` is ready (Electron only accepts privileged schemes then). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and a real origin; secure: a secure context like https.
    // No bypassCSP, no corsEnabled: the UI only ever loads from its own origin.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/** The request handler, separate from protocol.handle so tests can call it with a Request. */
export function createAppHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, '不允许的请求方法');
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, '未找到');
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (!file) return plain(403, '禁止访问');
    try {
      const body = await fs.readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: staticHeaders(file) });
    } catch {
      return plain(404, '未找到');
    }
  };
}

/** Serves app:// on the default session (the only session the window uses). */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(rendererDir));
}
