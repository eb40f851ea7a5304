/**
 * The Electron binary for `npm start`. Electron 42+ no longer downloads it on `npm install`, and
 * electron-vite reads node_modules/electron/path.txt directly (without it: "Electron uninstall").
 * Fetched with Electron's own installer, node_modules/electron/install.js (@electron/get), so
 * ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, electron_config_cache and electron_use_remote_checksums
 * work as Electron documents them; the zip is checked against SHASUMS256 (the package's
 * checksums.json, or the mirror's SHASUMS256.txt with electron_use_remote_checksums) before it is
 * unpacked. install.js unpacks into the folder it lives in, so it runs from a staging copy of
 * itself inside node_modules/electron (its requires still resolve), and dist/ and path.txt are
 * moved into place only after the unpacked version and executable are checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { alreadyThere, failed, refused, runInstaller, type Outcome } from './run-installer';
import { makeStaging, removeStaging, replaceDir, writeTextAtomic } from './staging';

/** What install.js writes to path.txt: the executable inside dist/. */
function electronExecutable(platform: string): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

export const electronDir = (root: string) => path.join(root, 'node_modules', 'electron');

export function electronVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(electronDir(root), 'package.json'), 'utf8')) as { version: string }).version;
}

const readText = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** The same test install.js makes before downloading: dist/version, path.txt and the executable. */
function electronInstalled(dir: string, version: string, platform: string): boolean {
  const exe = electronExecutable(platform);
  return (
    readText(path.join(dir, 'dist', 'version'))
      ?.trim()
      .replace(/^v/, '') === version &&
    readText(path.join(dir, 'path.txt')) === exe &&
    fs.existsSync(path.join(dir, 'dist', exe))
  );
}

export async function ensureElectron(root: string, env: NodeJS.ProcessEnv, stallMs: number): Promise<Outcome> {
  const dir = electronDir(root);
  const version = electronVersion(root);
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  if (electronInstalled(dir, version, platform)) return alreadyThere;

  const staging = makeStaging(dir, 'install');
  try {
    for (const f of ['install.js', 'package.json', 'checksums.json']) fs.copyFileSync(path.join(dir, f), path.join(staging, f));
    // @electron/get downloads into os.tmpdir(): inside the staging folder it is watched and removed with it.
    const tmp = path.join(staging, 'tmp');
    fs.mkdirSync(tmp);
    const result = await runInstaller({
      args: [path.join(staging, 'install.js')],
      cwd: staging,
      env: { ...env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, ELECTRON_GET_NO_PROGRESS: '1' },
      watchDir: staging,
      stallMs,
    });
    if (!result.ok) return failed(result);
    if (!electronInstalled(staging, version, platform)) {
      return refused('解压后的 Electron 不完整（缺少 dist/version 或可执行文件）');
    }
    replaceDir(path.join(staging, 'dist'), path.join(dir, 'dist'));
    // path.txt last: electron-vite and install.js take it as "installed".
    writeTextAtomic(path.join(dir, 'path.txt'), electronExecutable(platform));
    return { ...alreadyThere, downloaded: true };
  } finally {
    removeStaging(staging);
  }
}
