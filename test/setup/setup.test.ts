/**
 * The step before `electron-vite dev` (scripts/setup): against a stand-in mirror on 127.0.0.1 it
 * fetches the Electron binary and better-sqlite3's Electron build with their own installers into
 * a temp project, downloads nothing the second time, refuses a wrong checksum, a truncated
 * archive and an addon for another platform with nothing left under the final names, and prints
 * the mirror guidance (never a stack trace) when the mirror is down or stops answering.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devSqliteBindingDir, SQLITE_ADDON, SQLITE_ADDON_STAMP } from '@core/db/electron-binding';
import { runSetup } from '../../scripts/setup';
import {
  ABI,
  cleanEnv,
  closedPort,
  ELECTRON_VERSION,
  electronZip,
  makeProject,
  NODE_SQLITE_BUILD,
  removeTempDirs,
  sha256,
  sqliteTarball,
  SQLITE_VERSION,
  startMirror,
  tarName,
  tempDir,
  zipName,
  type Mirror,
} from './mirror';

const { platform, arch } = process;
const zipPath = `/electron/v${ELECTRON_VERSION}/${zipName}`;
const sumsPath = `/electron/v${ELECTRON_VERSION}/SHASUMS256.txt`;
const tarPath = `/bs/v${SQLITE_VERSION}/${tarName}`;

let mirror: Mirror;
let root: string;
let cache: string;
let zip: Buffer;
let tarball: Buffer;

beforeEach(async () => {
  mirror = await startMirror();
  root = makeProject();
  cache = tempDir('fazhi-electron-cache-');
  zip ??= await electronZip();
  tarball ??= await sqliteTarball();
  mirror.files.set(zipPath, { body: zip });
  mirror.files.set(sumsPath, { body: Buffer.from(`${sha256(zip)} *${zipName}\n`) });
  mirror.files.set(tarPath, { body: tarball });
});
afterEach(() => mirror.close());
afterAll(removeTempDirs);

const envFor = (base: string, extra: Record<string, string> = {}) =>
  cleanEnv({
    ELECTRON_MIRROR: `${base}/electron/`,
    // The stand-in zip is not Electron's: check it against the mirror's SHASUMS256.txt, as documented.
    electron_use_remote_checksums: '1',
    electron_config_cache: cache,
    npm_config_better_sqlite3_binary_host: `${base}/bs`,
    // Only the stall test shortens the watchdog: a busy machine must not pass for a dead mirror.
    FAZHI_DOWNLOAD_STALL_MS: '600000',
    ...extra,
  });

async function setup(env = envFor(mirror.url)): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runSetup({ root, env, log: (l) => lines.push(l) });
  return { code, out: lines.join('\n') };
}

const electronDir = () => path.join(root, 'node_modules/electron');
const bindingDir = () => devSqliteBindingDir(root, platform, arch);
/** Staging folders, temp files and half-moved folders anywhere in the project. */
function leftovers(): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isSymbolicLink()) continue;
      if (/\.(staging|tmp|old)$/.test(e.name)) found.push(path.join(d, e.name));
      if (e.isDirectory()) walk(path.join(d, e.name));
    }
  };
  walk(root);
  return found;
}

function expectGuidance(out: string, variable: string, mirrorUrl: string) {
  expect(out).toContain('✗ 未能下载');
  expect(out).toContain('Could not download');
  expect(out).toContain(variable);
  expect(out).toContain(mirrorUrl);
  expect(out).not.toMatch(/^\s+at /m);
  expect(out).not.toContain('Electron uninstall');
}

describe('npm start set-up step', () => {
  it('fetches Electron and the Electron build of better-sqlite3, then downloads nothing the second time', async () => {
    const first = await setup();
    expect(first.code, first.out).toBe(0);
    expect(fs.readFileSync(path.join(electronDir(), 'path.txt'), 'utf8')).toBe('electron');
    expect(fs.readFileSync(path.join(electronDir(), 'dist/version'), 'utf8')).toBe(ELECTRON_VERSION);
    expect(fs.statSync(path.join(electronDir(), 'dist/electron')).mode & 0o111).not.toBe(0);
    expect(mirror.requests).toEqual(expect.arrayContaining([zipPath, sumsPath, tarPath]));

    const addon = path.join(bindingDir(), SQLITE_ADDON);
    expect(JSON.parse(fs.readFileSync(path.join(bindingDir(), SQLITE_ADDON_STAMP), 'utf8'))).toEqual({
      electron: ELECTRON_VERSION,
      abi: ABI,
      platform,
      arch,
      betterSqlite3: SQLITE_VERSION,
      sha256: sha256(fs.readFileSync(addon)),
    });
    // The stand-in is Node's own build repacked, so this process can load what was fetched.
    const db = new Database(':memory:', { nativeBinding: addon });
    expect((db.prepare('SELECT 1 + 1 AS n').get() as { n: number }).n).toBe(2);
    db.close();
    // Node's build folder is better-sqlite3's own and was not created or touched.
    expect(fs.existsSync(path.join(root, 'node_modules/better-sqlite3/build'))).toBe(false);
    expect(leftovers()).toEqual([]);

    mirror.requests.length = 0;
    const second = await setup();
    expect(second.code, second.out).toBe(0);
    expect(mirror.requests).toEqual([]);
    expect(second.out).not.toContain('已下载');

    // An addon replaced after the fetch (what main reports as a mismatch) is fetched again: the
    // one command main names really fixes it.
    // (A new file renamed over it: this process has the fetched one loaded, and writing into a
    // loaded library in place would crash it.)
    fs.writeFileSync(`${addon}.new`, 'not the fetched addon');
    fs.renameSync(`${addon}.new`, addon);
    mirror.requests.length = 0;
    const third = await setup();
    expect(third.code, third.out).toBe(0);
    expect(mirror.requests).toEqual([tarPath]);
    expect(sha256(fs.readFileSync(addon))).toBe(sha256(fs.readFileSync(NODE_SQLITE_BUILD)));
  });

  it('refuses an Electron zip whose checksum does not match, leaving no dist/ and no path.txt', async () => {
    mirror.files.set(sumsPath, { body: Buffer.from(`${'0'.repeat(64)} *${zipName}\n`) });
    const r = await setup();
    expect(r.code).toBe(1);
    expectGuidance(r.out, 'ELECTRON_MIRROR', 'https://npmmirror.com/mirrors/electron/');
    expect(r.out).toMatch(/checksum/i);
    expect(fs.existsSync(path.join(electronDir(), 'dist'))).toBe(false);
    expect(fs.existsSync(path.join(electronDir(), 'path.txt'))).toBe(false);
    expect(leftovers()).toEqual([]);
    // A refused zip is not cached for the next run either.
    expect(fs.readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith('.zip'))).toEqual([]);
  });

  it('refuses a truncated Electron zip', async () => {
    mirror.files.set(zipPath, { body: zip, truncate: true });
    const r = await setup();
    expect(r.code).toBe(1);
    expectGuidance(r.out, 'ELECTRON_MIRROR', 'https://npmmirror.com/mirrors/electron/');
    expect(fs.existsSync(path.join(electronDir(), 'dist'))).toBe(false);
    expect(fs.existsSync(path.join(electronDir(), 'path.txt'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a truncated better-sqlite3 tarball, naming its binary-host variable and mirror', async () => {
    mirror.files.set(tarPath, { body: tarball, truncate: true });
    const r = await setup();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`✓ Electron ${ELECTRON_VERSION}`);
    expectGuidance(r.out, 'npm_config_better_sqlite3_binary_host', 'https://registry.npmmirror.com/-/binary/better-sqlite3');
    expect(fs.existsSync(bindingDir())).toBe(false);
    expect(leftovers()).toEqual([]);
    // Once the mirror serves the whole file, the next start fetches only what is missing.
    mirror.files.set(tarPath, { body: tarball });
    mirror.requests.length = 0;
    const again = await setup();
    expect(again.code, again.out).toBe(0);
    expect(mirror.requests).toEqual([tarPath]);
  });

  it('refuses a tarball whose addon is not a native library for this platform', async () => {
    mirror.files.set(tarPath, { body: await sqliteTarball(Buffer.from('not a library')) });
    const r = await setup();
    expect(r.code).toBe(1);
    expect(r.out).toContain('不是');
    expect(fs.existsSync(bindingDir())).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('for another CPU (packaging an arm64 deb) fetches only the addon, and refuses one built for this CPU', async () => {
    const other = arch === 'arm64' ? 'x64' : 'arm64';
    const otherTar = tarPath.replace(`-${arch}.tar.gz`, `-${other}.tar.gz`);
    // The stand-in holds this machine's build: right platform, wrong CPU for the target.
    mirror.files.set(otherTar, { body: tarball });
    const lines: string[] = [];
    const code = await runSetup({ root, env: envFor(mirror.url), arch: other, log: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain(`不是 ${other} 的程序库`);
    expect(mirror.requests).toEqual([otherTar]);
    expect(fs.existsSync(path.join(electronDir(), 'dist'))).toBe(false);
    expect(fs.existsSync(devSqliteBindingDir(root, platform, other))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('prints the guidance when the mirror is down, and leaves nothing behind', async () => {
    const r = await setup(envFor(`http://127.0.0.1:${await closedPort()}`));
    expect(r.code).toBe(1);
    expectGuidance(r.out, 'ELECTRON_MIRROR', 'https://npmmirror.com/mirrors/electron/');
    expect(fs.existsSync(path.join(electronDir(), 'path.txt'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('stops a download that stalls and says the network stopped answering', async () => {
    mirror.files.set(zipPath, { body: zip, hang: true });
    const r = await setup(envFor(mirror.url, { FAZHI_DOWNLOAD_STALL_MS: '1500' }));
    expect(r.code).toBe(1);
    expectGuidance(r.out, 'ELECTRON_MIRROR', 'https://npmmirror.com/mirrors/electron/');
    expect(r.out).toContain('没有收到任何数据');
    expect(leftovers()).toEqual([]);
  });
});
