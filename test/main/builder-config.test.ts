/**
 * electron-builder.yml passes electron-builder's own schema and says what packaging needs:
 * per-user NSIS in Chinese, our icon, better-sqlite3's .node outside the asar, only out/**
 * and package.json as app files, and the hardening fuses.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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

  it('packs only the build output, unpacking native addons', () => {
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(config.asarUnpack).toContain('**/*.node');
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
