/**
 * The one line shown from an installer's output, and the guidance around it: the installers'
 * own wording of their usual failures, never the stack below it, in the shell syntax of the OS.
 */
import { describe, expect, it } from 'vitest';
import { downloadGuidance, electronMirror, sqliteMirror } from '../../scripts/setup/guidance';
import { failureReason } from '../../scripts/setup/run-installer';

describe('failureReason', () => {
  it("takes the error line of install.js's stack", () => {
    const out = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      '    at async FetchDownloader.download (file:///x/@electron/get/dist/FetchDownloader.js:46:30)',
    ].join('\n');
    expect(failureReason(out)).toBe('TypeError: fetch failed');
  });

  it("takes prebuild-install's warning, not its info lines", () => {
    const out = [
      'prebuild-install info begin Prebuild-install version 7.1.3',
      'prebuild-install info looking for cached prebuild @ /tmp/c/_prebuilds/abc-better-sqlite3.tar.gz',
      'prebuild-install http request GET http://127.0.0.1:1/bs/v12.11.1/better-sqlite3-v12.11.1-electron-v150-linux-x64.tar.gz',
      'prebuild-install http 404 http://127.0.0.1:1/bs/v12.11.1/better-sqlite3-v12.11.1-electron-v150-linux-x64.tar.gz',
      'prebuild-install warn install No prebuilt binaries found (target=45.5.0 runtime=electron arch=x64 libc= platform=linux)',
    ].join('\n');
    expect(failureReason(out)).toBe('No prebuilt binaries found (target=45.5.0 runtime=electron arch=x64 libc= platform=linux)');
  });
});

describe('downloadGuidance', () => {
  it('gives Windows users PowerShell and cmd, others export, and explains a known failure in Chinese', () => {
    const win = downloadGuidance(electronMirror('45.5.0', 'win32', 'x64'), 'TypeError: fetch failed', {
      stalled: false,
      stallSeconds: 30,
      platform: 'win32',
    });
    expect(win).toContain('$env:ELECTRON_MIRROR="https://npmmirror.com/mirrors/electron/"');
    expect(win).toContain('set ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/');
    expect(win).toContain('连不上下载服务器（TypeError: fetch failed）');
    const linux = downloadGuidance(sqliteMirror('12.11.1', '45.5.0', 'linux', 'arm64'), 'No prebuilt binaries found (target=45.5.0)', {
      stalled: false,
      stallSeconds: 30,
      platform: 'linux',
    });
    expect(linux).toContain('export npm_config_better_sqlite3_binary_host=https://registry.npmmirror.com/-/binary/better-sqlite3');
    expect(linux).toContain('下载服务器上没有这个文件');
    expect(linux).toContain('better-sqlite3 12.11.1 built for Electron 45.5.0 (linux-arm64)');
  });
});
