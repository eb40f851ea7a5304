/**
 * Which URLs are "us": the packaged UI at app://fazhi/, and in development only the
 * electron-vite dev server. Navigation guards, the IPC sender check and the request filter
 * all ask this one module, so they can never disagree.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fazhi';
const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface Trust {
  /** Where the main window loads the UI from. */
  readonly entryUrl: string;
  /** A page or frame URL that may navigate, and whose frames may call the API. */
  isTrustedUrl(url: string): boolean;
  /** A network request the renderer may make (adds the dev server's HMR socket in development). */
  isAllowedRequest(url: string): boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `devServerUrl` is passed only when running unpackaged under `electron-vite dev`. */
export function createTrust(devServerUrl?: string): Trust {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  // Node gives non-special schemes an opaque origin ("null"), so compare scheme and host.
  const isApp = (u: URL) => u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  const isDev = (u: URL) => !!dev && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin;
  return {
    entryUrl: dev ? dev.href : APP_ENTRY_URL,
    isTrustedUrl(url) {
      const u = parse(url);
      return !!u && (isApp(u) || isDev(u));
    },
    isAllowedRequest(url) {
      const u = parse(url);
      if (!u) return false;
      if (isApp(u) || isDev(u)) return true;
      return !!dev && (u.protocol === 'ws:' || u.protocol === 'wss:') && u.host === dev.host;
    },
  };
}
