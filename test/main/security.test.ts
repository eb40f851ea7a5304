/** Secure webPreferences, navigation/redirect/window.open/webview guards, permissions denied, no remote requests. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { type BrowserWindow, FakeSession, FakeWebContents, resetStub } from './support/electron-stub';
import { createTrust } from '../../electron/main/origin';
import { hardenSession, hardenWebContents } from '../../electron/main/security';
import { createMainWindow } from '../../electron/main/window';
import { removeTempDirs, tempDir } from './support/temp';

const trust = createTrust();
const navEvent = () => ({ preventDefault: vi.fn() });

beforeEach(() => resetStub());
afterEach(removeTempDirs);

describe('webPreferences', () => {
  const mainWindow = () =>
    createMainWindow({ trust, preload: '/x/preload/index.js', stateFile: `${tempDir()}/window-state.json` }) as unknown as BrowserWindow;

  it('isolate and sandbox the renderer, without Node, webviews or remote dictionaries', () => {
    const p = mainWindow().options.webPreferences;
    expect(p).toMatchObject({
      preload: '/x/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    });
    expect(p.enableBlinkFeatures).toBeUndefined();
    expect(p.enableRemoteModule).toBeUndefined();
  });

  it('the main window loads the UI from app://, not file://', () => {
    expect(mainWindow().loadedUrl).toBe('app://fazhi/index.html');
  });
});

describe('navigation guards', () => {
  const wc = () => {
    const c = new FakeWebContents();
    hardenWebContents(c as never, trust);
    return c;
  };

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5780/',
    'file:///C:/Windows/win.ini',
    'app://other/index.html',
    'javascript:alert(1)',
  ])('denies navigating and redirecting to %s', (url) => {
    const c = wc();
    for (const name of ['will-navigate', 'will-redirect']) {
      const e = navEvent();
      c.emit(name, e, url);
      expect(e.preventDefault, name).toHaveBeenCalled();
    }
    const f = { ...navEvent(), url };
    c.emit('will-frame-navigate', f);
    expect(f.preventDefault).toHaveBeenCalled();
  });

  it('lets the app move within its own origin', () => {
    const c = wc();
    const e = navEvent();
    c.emit('will-navigate', e, 'app://fazhi/index.html#/records/meeting');
    expect(e.preventDefault).not.toHaveBeenCalled();
  });

  it('denies window.open and target=_blank, whatever the URL', () => {
    const c = wc();
    expect(c.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(c.windowOpenHandler?.({ url: 'app://fazhi/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const c = wc();
    const e = navEvent();
    c.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('trusts the dev server only when one is given', () => {
    expect(trust.isTrustedUrl('http://localhost:5173/')).toBe(false);
    const dev = createTrust('http://localhost:5173/');
    expect(dev.isTrustedUrl('http://localhost:5173/#/x')).toBe(true);
    expect(dev.isTrustedUrl('http://localhost:5174/')).toBe(false);
    expect(dev.entryUrl).toBe('http://localhost:5173/');
  });
});

describe('session', () => {
  const hardened = (t = trust) => {
    const s = new FakeSession();
    hardenSession(s as never, t);
    return s;
  };

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial'])(
    'denies the %s permission request',
    (perm) => {
      const callback = vi.fn();
      hardened().permissionRequest!({}, perm, callback, { requestingUrl: 'app://fazhi/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission check and device request with no', () => {
    const s = hardened();
    expect(s.permissionCheck!(null, 'clipboard-sanitized-write', 'app://fazhi', {})).toBe(false);
    expect(s.devicePermission!({ deviceType: 'usb', origin: 'app://fazhi' })).toBe(false);
  });

  it('cancels every request to the network; dev adds only its own server and HMR socket', () => {
    const decide = (s: FakeSession, url: string) => {
      const cb = vi.fn();
      s.beforeRequest!.fn({ url }, cb);
      return cb.mock.calls[0][0].cancel as boolean;
    };
    const s = hardened();
    expect(s.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    expect(decide(s, 'https://fonts.googleapis.com/css')).toBe(true);
    expect(decide(s, 'http://localhost:5173/')).toBe(true);
    const dev = hardened(createTrust('http://localhost:5173/'));
    expect(decide(dev, 'http://localhost:5173/src/main.tsx')).toBe(false);
    expect(decide(dev, 'ws://localhost:5173/')).toBe(false);
    expect(decide(dev, 'https://example.com/')).toBe(true);
  });
});
