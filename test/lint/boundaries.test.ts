/**
 * The layer walls are real: ESLint's Node API, with the repository's own eslint.config.mjs, on
 * small files placed in the layers. Each forbidden import must fail with the rule that guards it,
 * and the allowed spelling of the same need must pass, so the test cannot pass by linting nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintProbes } from '../support/lint-probe';

const root = path.resolve(import.meta.dirname, '../..');
/** Probe files live inside the layers (the rules key on the folder). */
const lint = lintProbes(
  ['src/app', 'electron/core', 'electron/rules', 'electron/main', 'electron/preload', 'electron/harness', 'electron/cli'].map(
    (d) => `${d}/__lint_probe__`,
  ),
);

describe('layer boundaries', () => {
  it('a screen importing the core fails, as a value, a type or a dynamic import(); the API types module passes', async () => {
    const bad = await lint(
      'src/app/__lint_probe__/screen.ts',
      "import { createRecord } from '@core/ledger/records';\nexport const f = createRecord;\n",
    );
    expect(bad.join('\n')).toMatch(/no-restricted-paths.*界面层/);
    const relative = await lint(
      'src/app/__lint_probe__/relative.ts',
      "import { openDb } from '../../../electron/core/db/open';\nexport const f = openDb;\n",
    );
    expect(relative.join('\n')).toMatch(/no-restricted-paths.*界面层/);
    // The core's declarations carry better-sqlite3's and Node's types; the screens name @rules/api instead.
    const typed = await lint(
      'src/app/__lint_probe__/typed.ts',
      "import type { LedgerRecord } from '@core/ledger/records';\nexport type R = LedgerRecord;\n",
    );
    expect(typed.join('\n')).toMatch(/no-restricted-paths.*界面层/);
    const dynamic = await lint('src/app/__lint_probe__/dynamic.ts', "export const load = () => import('@core/ledger/records');\n");
    expect(dynamic.join('\n')).toMatch(/no-restricted-paths.*界面层/);
    const ok = await lint(
      'src/app/__lint_probe__/api-types.ts',
      "import type { LedgerRecord } from '@rules/api/records';\nexport type R = LedgerRecord;\nexport const load = () => import('@rules/kinds');\n",
    );
    expect(ok).toEqual([]);
  });

  it('a screen reaching Node through globalThis, window or a bare global fails', async () => {
    for (const code of [
      'export const p = globalThis.process;\n',
      'export const b = window.Buffer;\n',
      "export const e = globalThis['process'];\n",
    ]) {
      const msgs = await lint('src/app/__lint_probe__/global.ts', code);
      expect(msgs.join('\n'), code).toMatch(/no-restricted-properties/);
    }
    const bare = await lint('src/app/__lint_probe__/bare.ts', 'export const env = process.env;\n');
    expect(bare.join('\n')).toMatch(/no-restricted-globals/);
    const ok = await lint('src/app/__lint_probe__/window.ts', 'export const w = window.innerWidth + globalThis.devicePixelRatio;\n');
    expect(ok).toEqual([]);
  });

  it('the preload contract reaches the screens and main as types only', async () => {
    const screen = await lint(
      'src/app/__lint_probe__/contract.ts',
      "import { EXPOSED_METHOD_NAMES } from '../../../electron/preload/contract';\nexport const n = EXPOSED_METHOD_NAMES;\n",
    );
    expect(screen.join('\n')).toMatch(/no-restricted-imports.*预加载契约/);
    const main = await lint(
      'electron/main/__lint_probe__/contract.ts',
      "import { EXPOSED_METHOD_NAMES } from '../../preload/contract';\nexport const n = EXPOSED_METHOD_NAMES;\n",
    );
    expect(main.join('\n')).toMatch(/no-restricted-imports.*预加载契约/);
    const ok = await lint(
      'electron/main/__lint_probe__/contract-type.ts',
      "import type { Result } from '../../preload/contract';\nimport { channelFor } from '@rules/api/methods';\nexport type R = Result;\nexport const c = channelFor;\n",
    );
    expect(ok).toEqual([]);
  });

  it('a screen importing better-sqlite3, electron or node:fs fails', async () => {
    for (const mod of ['better-sqlite3', 'electron', 'node:fs', 'path']) {
      const msgs = await lint('src/app/__lint_probe__/native.ts', `import x from '${mod}';\nexport const y = x;\n`);
      expect(msgs.join('\n'), mod).toMatch(/no-restricted-imports.*Node、Electron/);
    }
    const rules = await lint('src/app/__lint_probe__/rules.ts', "import { KINDS } from '@rules/kinds';\nexport const k = KINDS;\n");
    expect(rules).toEqual([]);
  });

  it('a screen building a dialog on Mantine’s Modal itself fails; the app’s one modal home passes', async () => {
    const bad = await lint('src/app/__lint_probe__/dialog.tsx', "import { Modal } from '@mantine/core';\nexport const M = Modal;\n");
    expect(bad.join('\n')).toMatch(/no-restricted-imports.*lib\/modal\.tsx/);
    const ok = await lint(
      'src/app/__lint_probe__/dialog-ok.tsx',
      "import { Button } from '@mantine/core';\nimport { AppModal } from '../lib/modal';\nexport const M = [AppModal, Button];\n",
    );
    expect(ok).toEqual([]);
  });

  it('the core importing electron/main (or electron itself) fails', async () => {
    const main = await lint(
      'electron/core/__lint_probe__/up.ts',
      "import { channelFor } from '../../main/ipc';\nexport const c = channelFor;\n",
    );
    expect(main.join('\n')).toMatch(/no-restricted-paths.*核心/);
    const typeOnly = await lint(
      'electron/core/__lint_probe__/up-type.ts',
      "import type { DialogDeps } from '../../main/dialog-deps';\nexport type D = DialogDeps;\n",
    );
    expect(typeOnly.join('\n')).toMatch(/no-restricted-paths.*核心/);
    const electron = await lint('electron/core/__lint_probe__/electron.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(electron.join('\n')).toMatch(/no-restricted-imports.*核心/);
    const down = await lint('electron/core/__lint_probe__/down.ts', "import { KINDS } from '@rules/kinds';\nexport const k = KINDS;\n");
    expect(down).toEqual([]);
  });

  it('the pure rules importing any package but zod fails (react, dayjs), and @rules/ inside its own layer', async () => {
    for (const mod of ['react', 'dayjs']) {
      const msgs = await lint('electron/rules/__lint_probe__/pkg.ts', `import x from '${mod}';\nexport const y = x;\n`);
      expect(msgs.join('\n'), mod).toMatch(/no-restricted-imports.*纯规则层/);
    }
    const alias = await lint('electron/rules/__lint_probe__/alias.ts', "import { KINDS } from '@rules/kinds';\nexport const k = KINDS;\n");
    expect(alias.join('\n')).toMatch(/no-restricted-imports.*纯规则层/);
    const ok = await lint(
      'electron/rules/__lint_probe__/ok.ts',
      "import { z } from 'zod';\nimport { KINDS } from '../kinds';\nexport const k = [KINDS, z];\n",
    );
    expect(ok).toEqual([]);
    const global = await lint('electron/rules/__lint_probe__/global.ts', 'export const p = globalThis.process;\n');
    expect(global.join('\n')).toMatch(/no-restricted-properties/);
  });

  it('shells never import each other: main → cli or harness, harness → main, cli → electron all fail', async () => {
    const mainToCli = await lint(
      'electron/main/__lint_probe__/cli.ts',
      "import { runCli } from '../../cli/run';\nexport const r = runCli;\n",
    );
    expect(mainToCli.join('\n')).toMatch(/no-restricted-paths.*electron\/main/);
    const mainToHarness = await lint(
      'electron/main/__lint_probe__/harness.ts',
      "import { startServer } from '../../harness/server';\nexport const s = startServer;\n",
    );
    expect(mainToHarness.join('\n')).toMatch(/no-restricted-paths.*electron\/main/);
    const harnessToMain = await lint(
      'electron/harness/__lint_probe__/main.ts',
      "import { startShell } from '../../main/shell';\nexport const s = startShell;\n",
    );
    expect(harnessToMain.join('\n')).toMatch(/no-restricted-paths.*调试服务/);
    const cliToElectron = await lint('electron/cli/__lint_probe__/electron.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(cliToElectron.join('\n')).toMatch(/no-restricted-imports.*不能引入 electron/);
    const ok = await lint(
      'electron/cli/__lint_probe__/core.ts',
      "import { callApi } from '@core/api';\nimport { KINDS } from '@rules/kinds';\nexport const c = [callApi, KINDS];\n",
    );
    expect(ok).toEqual([]);
  });

  it('the preload importing the core fails, even for a value it only passes on', async () => {
    const core = await lint(
      'electron/preload/__lint_probe__/core.ts',
      "import { apiTable } from '@core/api';\nexport const t = apiTable;\n",
    );
    expect(core.join('\n')).toMatch(/no-restricted-paths.*预加载/);
    const names = await lint(
      'electron/preload/__lint_probe__/names.ts',
      "import { RENDERER_METHOD_NAMES } from '@rules/api/methods';\nimport { ipcRenderer } from 'electron';\nexport const n = [RENDERER_METHOD_NAMES, ipcRenderer];\n",
    );
    expect(names).toEqual([]);
  });

  it('the pure rules importing the core or Node fails', async () => {
    const core = await lint(
      'electron/rules/__lint_probe__/up.ts',
      "import { getSettings } from '@core/ledger/settings';\nexport const g = getSettings;\n",
    );
    expect(core.join('\n')).toMatch(/no-restricted-paths.*纯规则层/);
    const node = await lint('electron/rules/__lint_probe__/node.ts', "import fs from 'node:fs';\nexport const f = fs;\n");
    expect(node.join('\n')).toMatch(/no-restricted-imports.*纯规则层/);
  });

  it('an import cycle fails', async () => {
    // Both files exist before either is linted: the resolver remembers a missing file.
    fs.writeFileSync(path.join(root, 'electron/core/__lint_probe__/a.ts'), 'export {};\n');
    fs.writeFileSync(path.join(root, 'electron/core/__lint_probe__/b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    const cycle = await lint('electron/core/__lint_probe__/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    expect(cycle.join('\n')).toMatch(/import-x\/no-cycle/);
    const oneWay = await lint('electron/core/__lint_probe__/c.ts', "import { b } from './b';\nexport const c = () => b;\n");
    expect(oneWay).toEqual([]);
  });
});
