/**
 * The one Content-Security-Policy of the UI, sent as a header by the app:// protocol and by
 * the loopback harness, and repeated as a <meta> in src/index.html (a test keeps them equal).
 * No Electron import: the harness uses it under plain Node.
 */

/**
 * style-src needs 'unsafe-inline' because Mantine (and react-remove-scroll in its modals)
 * injects <style> elements and style attributes at runtime; scripts stay 'self' only, so an
 * injected <script> or inline handler still cannot run.
 * https://github.com/mantinedev/mantine/issues/4806
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const;

// electronegativity: CSP_GLOBAL_CHECK — its scan of electron/ cannot see this policy: it leaves
// as a Response header from the app:// handler (not a webRequest literal) and as the <meta> in
// src/index.html, outside the scanned folder. test/main/csp.test.ts asserts both.
export const CSP = CSP_DIRECTIVES.join('; ');

/**
 * The <meta> copy leaves out frame-ancestors: browsers ignore it in a <meta> and log a console
 * error about it. The header carries it.
 */
export const META_CSP = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
