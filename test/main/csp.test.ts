/** One CSP everywhere: the exact policy, the <meta> in src/index.html (and the built copy), and the protocol header. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { CSP, META_CSP } from '@core/serve/csp';
import { createAppHandler } from '../../electron/main/protocol';
import { builtFile } from '../support/built';

const repo = path.resolve(__dirname, '../..');
const metaCsp = (html: string) => /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];

describe('CSP', () => {
  it('is the agreed policy: scripts from self only, inline styles for Mantine, no objects, frames, forms or base', () => {
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('src/index.html carries it as a <meta> (minus frame-ancestors, which a meta cannot carry)', () => {
    const html = fs.readFileSync(path.join(repo, 'src/index.html'), 'utf8');
    expect(metaCsp(html)).toBe(META_CSP);
    expect(META_CSP).toBe(CSP.replace(" frame-ancestors 'none';", ''));
  });

  it('the built index.html keeps the <meta> and loads only same-origin scripts', () => {
    const html = fs.readFileSync(builtFile('out/renderer/index.html'), 'utf8');
    expect(metaCsp(html)).toBe(META_CSP);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline <script>
    for (const m of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) expect(m[1]).toMatch(/^\.?\//);
  });

  it('the app:// protocol sends it as a header on every file', async () => {
    const root = path.join(repo, 'src');
    const res = await createAppHandler(root)(new Request('app://fazhi/index.html'));
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });
});
