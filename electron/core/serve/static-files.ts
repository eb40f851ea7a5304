/**
 * Serving the built renderer from disk, shared by the app:// protocol and the harness:
 * URL path → file inside the root (refusing anything that escapes it), MIME type, headers.
 * Plain Node, no Electron import.
 */
import path from 'node:path';
import { CSP } from './csp';

/**
 * Maps a URL pathname to a file under `root`, or null when it would leave `root`
 * (`..`, encoded `%2e%2e`, backslashes on Windows, absolute or drive paths, NUL bytes).
 * `p` is injectable so a test can check Windows path rules on Linux.
 */
export function resolveStaticPath(root: string, urlPath: string, p: path.PlatformPath = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const base = p.resolve(root);
  const full = p.resolve(base, rel);
  if (!full.startsWith(base + p.sep)) return null;
  return full;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.bcmap': 'application/octet-stream',
};

function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for every served file: type, CSP, no MIME sniffing, no referrer. */
export function staticHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(file),
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
