/**
 * electron-builder.yml passes electron-builder's own schema and says what packaging needs:
 * per-user NSIS in Chinese, deb for x64 and arm64 with a Chinese desktop entry, our icon,
 * better-sqlite3's Electron build as resources/native (outside the asar), only out/** and
 * package.json as app files, and the hardening fuses.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devSqliteBindingDir, packagedSqliteBinding, SQLITE_ADDON } from '@core/db/electron-binding';

// Both ship with electron-builder (no types of their own here), so load them untyped.
const requireCjs = createRequire(import.meta.url);
const yaml = requireCjs('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = requireCjs('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};

const repo = path.resolve(__dirname, '../..');
const config = yaml.load(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('builds a per-user, Chinese NSIS installer that lets the clerk choose the folder', () => {
    expect(config.productName).toBe('法治台账');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      deleteAppDataOnUninstall: false,
    });
    expect(config.win.target[0].target).toBe('nsis');
  });

  it('packs only the build output', () => {
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
  });

  it("ships the Electron build of better-sqlite3 where the shell looks for it, and never rebuilds over Node's", () => {
    expect(config.npmRebuild).toBe(false);
    // The same folder the set-up step fills, with electron-builder's macros for platform and arch.
    const fetched = path
      .relative(repo, path.join(devSqliteBindingDir(repo, '${platform}', '${arch}'), SQLITE_ADDON))
      .split(path.sep)
      .join('/');
    const shipped = path.relative('/res', packagedSqliteBinding('/res')).split(path.sep).join('/');
    expect(config.extraResources).toContainEqual({ from: fetched, to: shipped });
    expect(config.extraResources.filter((r: { to: string }) => r.to.endsWith('.node'))).toHaveLength(1);
    expect(config.files).toContain('!**/node_modules/better-sqlite3/{deps,src,docs,build,build-electron}/**');
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('builds deb packages for x64 and arm64 with a Chinese desktop entry in Office', () => {
    expect(config.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(config.linux.desktop.entry).toMatchObject({ Name: '法治台账', Categories: 'Office;' });
    expect(config.linux.desktop.entry.Comment).toMatch(/台账/);
    expect(config.linux.category).toBe('Office');
    // electron-builder refuses a deb without a maintainer and a homepage.
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.extraMetadata.homepage).toMatch(/^https:\/\//);
    expect(config.deb.artifactName).toMatch(/^[\x20-\x7e]+$/);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('points at an icon that exists: an .ico with a 256 px image, and a 256 px PNG', () => {
    const ico = fs.readFileSync(path.join(repo, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // icon type
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const png = fs.readFileSync(path.join(repo, 'resources/icon.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
  });

  it('ships the self-test’s sample ledger beside app.asar', () => {
    expect(config.extraResources).toContainEqual({ from: 'test/fixtures/shuangtu-2023.json', to: 'self-test-ledger.json' });
    expect(fs.existsSync(path.join(repo, 'test/fixtures/shuangtu-2023.json'))).toBe(true);
  });
});
