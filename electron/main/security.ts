/**
 * Guards for every webContents and the session: no navigation, redirects, popups or webviews
 * outside our origin; every permission denied; no request leaves for the network. (The
 * webPreferences sit literally in window.ts, where electronegativity can read them.)
 */
import type { App, Session, WebContents } from 'electron';
import type { Trust } from './origin';

/** Guards one webContents; installed on every one that is created (see installContentsGuards). */
export function hardenWebContents(contents: WebContents, trust: Trust): void {
  const denyForeign = (event: { preventDefault(): void }, url: string) => {
    if (!trust.isTrustedUrl(url)) {
      event.preventDefault();
      console.warn(`[security] blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', (event, url) => denyForeign(event, url));
  contents.on('will-frame-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-redirect', (event, url) => denyForeign(event, url));
  // No second window, ever: links with target=_blank and window.open are dropped.
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Guards every webContents and every session created from now on (the hidden print window
 * uses its own partition, so the default session's handlers alone would not cover it).
 */
export function installContentsGuards(app: App, trust: Trust): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trust));
  app.on('session-created', (ses) => hardenSession(ses, trust));
}

/** Permissions (camera, notifications, clipboard-read, HID, …) are refused for every origin. */
export function hardenSession(ses: Session, trust: Trust): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    const cancel = !trust.isAllowedRequest(details.url);
    if (cancel) console.warn(`[security] blocked request to ${details.url}`);
    callback({ cancel });
  });
}
