/**
 * The step before `electron-vite dev` (npm's prestart) and `npm run setup:electron`: makes sure
 * of the Electron binary and better-sqlite3's Electron build, downloading only what is missing.
 * `--platform`/`--arch` fetch the SQLite addon for another target (packaging a Linux arm64 deb on
 * an x64 machine); the Electron binary is only ever the host's, for running the app here.
 * A failed download ends within seconds with guidance in Chinese and English and exit code 1.
 */
import path from 'node:path';
import { electronDir, electronVersion, ensureElectron } from './electron-binary';
import { downloadGuidance, electronMirror, sqliteMirror } from './guidance';
import type { Outcome } from './run-installer';
import { electronAbi, ensureSqliteBinding, sqliteVersion } from './sqlite-binding';

interface SetupOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  platform?: string;
  arch?: string;
  log?: (line: string) => void;
}

/** Default 30 s without a byte: long enough for a slow line, short enough to say so soon. */
const stallMsFrom = (env: NodeJS.ProcessEnv) => Number(env.FAZHI_DOWNLOAD_STALL_MS) || 30_000;

export async function runSetup(o: SetupOptions): Promise<number> {
  const log = o.log ?? ((l: string) => console.log(l));
  const platform = o.platform ?? process.platform;
  const arch = o.arch ?? process.arch;
  const stallMs = stallMsFrom(o.env);
  const electron = electronVersion(o.root);
  const report = (r: Outcome, ready: string, mirror: ReturnType<typeof electronMirror>) => {
    if (r.ok) {
      log(`✓ ${ready}${r.downloaded ? '（已下载）' : ''}`);
      return true;
    }
    log(downloadGuidance(mirror, r.reason, { stalled: r.stalled, stallSeconds: Math.round(stallMs / 1000), platform: process.platform }));
    return false;
  };

  if (platform === process.platform && arch === process.arch && !o.env.ELECTRON_OVERRIDE_DIST_PATH) {
    log(`检查 Electron ${electron}（${platform}-${arch}）… / checking Electron ${electron}`);
    const r = await ensureElectron(o.root, o.env, stallMs);
    if (!report(r, `Electron ${electron}：${path.join(electronDir(o.root), 'dist')}`, electronMirror(electron, platform, arch))) return 1;
  }
  const target = { electron, abi: electronAbi(o.root, electron), platform, arch };
  const sqlite = sqliteVersion(o.root);
  log(`检查 Electron 用的 SQLite 组件（better-sqlite3 ${sqlite}，ABI ${target.abi}）… / checking better-sqlite3 for Electron`);
  const r = await ensureSqliteBinding(o.root, target, o.env, stallMs);
  if (
    !report(
      r,
      `better-sqlite3 ${sqlite}（Electron ABI ${target.abi}，${platform}-${arch}）`,
      sqliteMirror(sqlite, electron, platform, arch),
    )
  )
    return 1;
  return 0;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  runSetup({ root: path.resolve(__dirname, '../..'), env: process.env, platform: flag(argv, 'platform'), arch: flag(argv, 'arch') })
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      // Anything unforeseen (a read-only node_modules, a missing package): one line, no stack.
      console.error(`✗ 准备 Electron 运行环境失败 / setting up Electron failed: ${(err as Error).message ?? String(err)}`);
      process.exit(1);
    });
}
