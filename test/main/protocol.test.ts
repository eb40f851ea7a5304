/** The app:// protocol: privileges, files served with MIME and CSP, and the path-traversal guard. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { protocol, resetStub } from './support/electron-stub';
import { CSP } from '@core/serve/csp';
import { createAppHandler, registerAppScheme, serveAppProtocol } from '../../electron/main/protocol';
import { resolveStaticPath } from '@core/serve/static-files';
import { removeTempDirs, tempDir } from './support/temp';

let base: string;
let root: string;

beforeAll(() => {
  // <base>/renderer is served; <base>/secret.txt and <base>/renderer-evil/x.js sit just outside it.
  base = tempDir();
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>法治台账</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'SECRET');
});
afterAll(removeTempDirs);
beforeEach(() => resetStub());

const get = (url: string, method = 'GET') => createAppHandler(root)(new Request(url, { method }));

describe('scheme registration', () => {
  it('registers app:// as standard and secure, without bypassing CSP', () => {
    registerAppScheme();
    expect(protocol.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves app:// through the handler', () => {
    serveAppProtocol(root);
    expect(protocol.handlers.has('app')).toBe(true);
  });
});

describe('serving', () => {
  it('serves index.html for / with its MIME type and the CSP header', async () => {
    for (const url of ['app://fazhi/', 'app://fazhi/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('法治台账');
    }
  });

  it('serves assets as JavaScript', async () => {
    const res = await get('app://fazhi/assets/index-abc.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file or a foreign host, 405 for POST', async () => {
    expect((await get('app://fazhi/nope.js')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://fazhi/index.html', 'POST')).status).toBe(405);
  });
});

describe('path traversal', () => {
  it.each([
    'app://fazhi/%2e%2e/secret.txt',
    'app://fazhi/%2E%2E%2Fsecret.txt',
    'app://fazhi/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://fazhi/..%2fsecret.txt',
    'app://fazhi/..%5csecret.txt',
    'app://fazhi/%2e%2e/renderer-evil/x.js',
    'app://fazhi/%00index.html',
    'app://fazhi/%E0%A4%A',
  ])('never serves a file outside the renderer for %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('SECRET');
  });

  it.each([
    ['/../secret.txt', null],
    ['/assets/../../secret.txt', null],
    ['/%2e%2e/secret.txt', null],
    ['/../renderer-evil/x.js', null],
    ['/', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/../index.html', 'index.html'],
  ])('resolveStaticPath(%s) → %s', (urlPath, expected) => {
    expect(resolveStaticPath(root, urlPath)).toBe(expected && path.join(root, expected));
  });

  it('refuses Windows-style escapes: backslashes, drive letters', () => {
    const winRoot = 'C:\\Users\\clerk\\AppData\\Local\\Programs\\fazhi-ledger\\resources\\app.asar\\out\\renderer';
    for (const p of [
      '/..\\..\\secret.txt',
      '/%5c..%5c..%5csecret.txt',
      '/C:/Windows/win.ini',
      '/C:%5cWindows%5cwin.ini',
      '/D:secret.txt',
    ]) {
      expect(resolveStaticPath(winRoot, p, path.win32), p).toBeNull();
    }
    // A UNC-looking path loses its leading slashes and stays inside the root.
    expect(resolveStaticPath(winRoot, '/\\\\server\\share\\x', path.win32)).toBe(`${winRoot}\\server\\share\\x`);
    expect(resolveStaticPath(winRoot, '/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
  });
});
