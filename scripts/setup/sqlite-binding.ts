/**
 * better-sqlite3 built for Electron's ABI, beside (never over) Node's build in
 * node_modules/better-sqlite3/build, which the tests and the CLI keep using. Fetched with
 * better-sqlite3's own installer, `prebuild-install --runtime electron --target <version>`, so
 * npm_config_better_sqlite3_binary_host (and _local_prebuilds) work as prebuild-install documents.
 * It runs in a staging folder with a private download cache (a truncated tarball is never cached
 * for the next run); the unpacked addon is checked (an executable for the target platform and
 * CPU) and the folder moved to electron/core/db/electron-binding.ts's place with a stamp saying
 * what it was fetched for and its hash, so a second start downloads nothing while an Electron
 * upgrade, or an addon copied over (the mismatch main reports), is fetched again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
// A relative import, not @core: tsx finds the alias only when started from the project folder.
import { devSqliteBindingDir, SQLITE_ADDON, SQLITE_ADDON_STAMP } from '../../electron/core/db/electron-binding';
import { alreadyThere, failed, refused, runInstaller, type Outcome } from './run-installer';
import { makeStaging, removeStaging, replaceDir } from './staging';

interface SqliteTarget {
  electron: string;
  /** Electron's NODE_MODULE_VERSION (node_modules/electron/abi_version). */
  abi: string;
  platform: string;
  arch: string;
}

interface SqliteStamp extends SqliteTarget {
  betterSqlite3: string;
  /** Of the addon as fetched: an addon replaced later (a copy over it) is fetched again. */
  sha256: string;
}

const sqlitePackageDir = (root: string) => path.join(root, 'node_modules', 'better-sqlite3');

export function sqliteVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(sqlitePackageDir(root), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Electron's ABI as its package states it; node-abi only when an older package lacks the file. */
export function electronAbi(root: string, version: string): string {
  const file = path.join(root, 'node_modules', 'electron', 'abi_version');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const nodeAbi = createRequire(path.join(sqlitePackageDir(root), 'package.json'))('node-abi') as { getAbi(v: string, rt: string): string };
  return nodeAbi.getAbi(version, 'electron');
}

const stampOf = (root: string, t: SqliteTarget, addon: string): SqliteStamp => ({
  ...t,
  betterSqlite3: sqliteVersion(root),
  sha256: createHash('sha256').update(fs.readFileSync(addon)).digest('hex'),
});

function sqliteBindingInstalled(root: string, t: SqliteTarget): boolean {
  const dir = devSqliteBindingDir(root, t.platform, t.arch);
  try {
    const have = JSON.parse(fs.readFileSync(path.join(dir, SQLITE_ADDON_STAMP), 'utf8')) as SqliteStamp;
    return JSON.stringify(have) === JSON.stringify(stampOf(root, t, path.join(dir, SQLITE_ADDON)));
  } catch {
    return false;
  }
}

/** ELF e_machine, PE machine and Mach-O CPU type of each Node arch we ship for. */
const MACHINE: Record<string, { elf: number; pe: number; macho: number }> = {
  x64: { elf: 62, pe: 0x8664, macho: 0x01000007 },
  arm64: { elf: 183, pe: 0xaa64, macho: 0x0100000c },
};

/** Null when `file` is a native library for platform/arch, else what is wrong with it. */
function addonProblem(file: string, platform: string, arch: string): string | null {
  let head: Buffer;
  try {
    head = fs.readFileSync(file).subarray(0, 4096);
  } catch {
    return `压缩包中没有 ${SQLITE_ADDON}`;
  }
  const m = MACHINE[arch];
  if (platform === 'win32') {
    if (head.length < 64 || head.toString('latin1', 0, 2) !== 'MZ') return `${SQLITE_ADDON} 不是 Windows 程序库`;
    const pe = head.readUInt32LE(60);
    if (m && (pe + 6 > head.length || head.readUInt16LE(pe + 4) !== m.pe)) return `${SQLITE_ADDON} 不是 ${arch} 的程序库`;
    return null;
  }
  if (platform === 'darwin') {
    return head.length >= 8 && head.readUInt32LE(0) === 0xfeedfacf && (!m || head.readUInt32LE(4) === m.macho)
      ? null
      : `${SQLITE_ADDON} 不是 macOS ${arch} 的程序库`;
  }
  if (head.length < 20 || head.toString('latin1', 0, 4) !== '\x7fELF') return `${SQLITE_ADDON} 不是 Linux 程序库`;
  if (m && head.readUInt16LE(18) !== m.elf) return `${SQLITE_ADDON} 不是 ${arch} 的程序库`;
  return null;
}

export async function ensureSqliteBinding(root: string, t: SqliteTarget, env: NodeJS.ProcessEnv, stallMs: number): Promise<Outcome> {
  if (sqliteBindingInstalled(root, t)) return alreadyThere;
  const pkgDir = sqlitePackageDir(root);
  const final = devSqliteBindingDir(root, t.platform, t.arch);
  const staging = makeStaging(path.dirname(final), `${t.platform}-${t.arch}`);
  try {
    // prebuild-install reads the package's name, version and binary host from ./package.json.
    fs.copyFileSync(path.join(pkgDir, 'package.json'), path.join(staging, 'package.json'));
    const bin = createRequire(path.join(pkgDir, 'package.json')).resolve('prebuild-install/bin.js');
    const args = [
      bin,
      '--runtime',
      'electron',
      '--target',
      t.electron,
      '--platform',
      t.platform,
      '--arch',
      t.arch,
      '--path',
      staging,
      '--verbose',
    ];
    const result = await runInstaller({
      args,
      cwd: staging,
      env: { ...env, npm_config_cache: path.join(staging, 'cache') },
      watchDir: staging,
      stallMs,
    });
    if (!result.ok) return failed(result);
    const unpacked = path.join(staging, 'build', 'Release', SQLITE_ADDON);
    const problem = addonProblem(unpacked, t.platform, t.arch);
    if (problem) return refused(problem);
    const ready = path.join(staging, 'ready');
    fs.mkdirSync(ready);
    fs.renameSync(unpacked, path.join(ready, SQLITE_ADDON));
    fs.writeFileSync(path.join(ready, SQLITE_ADDON_STAMP), JSON.stringify(stampOf(root, t, path.join(ready, SQLITE_ADDON)), null, 2));
    replaceDir(ready, final);
    return { ...alreadyThere, downloaded: true };
  } finally {
    removeStaging(staging);
  }
}
