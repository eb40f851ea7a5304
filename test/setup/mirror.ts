/**
 * A stand-in download mirror on 127.0.0.1 (random port) and a throw-away project for the set-up
 * step: copies of the electron package's own files and better-sqlite3's package.json, with
 * @electron/get, its zip extractor and prebuild-install linked from the real node_modules (read
 * only: every write lands in the temp project). The mirror serves a stand-in Electron zip (a fake
 * executable and its `version` file) with SHASUMS256.txt, and better-sqlite3's prebuild tarball
 * in prebuild's layout (build/Release/better_sqlite3.node: Node's real build, repacked), and
 * counts every request.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import yazl from 'yazl';

const requireCjs = createRequire(import.meta.url);
// prebuild-install's own packer and unpacker; no types of its own here.
const tarFs = requireCjs('tar-fs') as { pack(dir: string, o: { entries: string[] }): NodeJS.ReadableStream };

export const repo = path.resolve(__dirname, '../..');
const realModules = path.join(repo, 'node_modules');
export const ELECTRON_VERSION = (
  JSON.parse(fs.readFileSync(path.join(realModules, 'electron/package.json'), 'utf8')) as { version: string }
).version;
export const SQLITE_VERSION = (
  JSON.parse(fs.readFileSync(path.join(realModules, 'better-sqlite3/package.json'), 'utf8')) as { version: string }
).version;
export const ABI = fs.readFileSync(path.join(realModules, 'electron/abi_version'), 'utf8').trim();
export const NODE_SQLITE_BUILD = path.join(realModules, 'better-sqlite3/build/Release/better_sqlite3.node');

const made: string[] = [];
export function tempDir(prefix = 'fazhi-setup-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}
export const removeTempDirs = () => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
};

export function makeProject(): string {
  const root = tempDir();
  const nm = path.join(root, 'node_modules');
  fs.mkdirSync(path.join(nm, 'electron'), { recursive: true });
  for (const f of ['install.js', 'package.json', 'checksums.json', 'abi_version', 'index.js', 'cli.js'])
    fs.copyFileSync(path.join(realModules, 'electron', f), path.join(nm, 'electron', f));
  fs.mkdirSync(path.join(nm, 'better-sqlite3'));
  fs.copyFileSync(path.join(realModules, 'better-sqlite3/package.json'), path.join(nm, 'better-sqlite3/package.json'));
  for (const link of ['@electron/get', '@electron-internal', 'prebuild-install']) {
    fs.mkdirSync(path.dirname(path.join(nm, link)), { recursive: true });
    fs.symlinkSync(path.join(realModules, link), path.join(nm, link), 'dir');
  }
  return root;
}

const collect = (s: NodeJS.ReadableStream) =>
  new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    s.on('data', (b: Buffer) => parts.push(b));
    s.on('end', () => resolve(Buffer.concat(parts)));
    s.on('error', reject);
  });

export function electronZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('#!/bin/sh\necho stand-in electron\n'), 'electron', { mode: 0o100755 });
  zip.addBuffer(Buffer.from(ELECTRON_VERSION), 'version');
  zip.addBuffer(Buffer.from('stand-in'), 'LICENSE');
  zip.end();
  return collect(zip.outputStream);
}

/** A prebuild tarball whose better_sqlite3.node holds `addon` (the real Node build by default). */
export function sqliteTarball(addon = fs.readFileSync(NODE_SQLITE_BUILD)): Promise<Buffer> {
  const dir = tempDir('fazhi-prebuild-');
  fs.mkdirSync(path.join(dir, 'build/Release'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'build/Release/better_sqlite3.node'), addon);
  return collect(tarFs.pack(dir, { entries: ['build'] }).pipe(zlib.createGzip()));
}

export const zipName = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
export const tarName = `better-sqlite3-v${SQLITE_VERSION}-electron-v${ABI}-${process.platform}-${process.arch}.tar.gz`;
export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export interface Served {
  body: Buffer;
  /** Send the full Content-Length, then only half the bytes and drop the connection. */
  truncate?: boolean;
  /** Accept the request and never answer. */
  hang?: boolean;
}

export interface Mirror {
  url: string;
  files: Map<string, Served>;
  requests: string[];
  close(): Promise<void>;
}

export async function startMirror(): Promise<Mirror> {
  const files = new Map<string, Served>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const f = files.get(decodeURIComponent(req.url ?? ''));
    if (!f) {
      res.writeHead(404).end('not found');
      return;
    }
    if (f.hang) return;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.body.length });
    if (!f.truncate) {
      res.end(f.body);
      return;
    }
    res.write(f.body.subarray(0, Math.floor(f.body.length / 2)), () => res.socket?.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    files,
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A port nothing listens on: listen, note it, close. */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** This process's environment without anything that would send the installers elsewhere. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/proxy|^electron_|^npm_config_/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}
