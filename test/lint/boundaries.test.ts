/**
 * The layer walls are real: ESLint's Node API, with the repository's own eslint.config.mjs, on
 * small files placed in the layers. Each forbidden import must fail with the rule that guards it,
 * and the allowed spelling of the same need must pass, so the test cannot pass by linting nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
/** Probe files live inside the layers (the rules key on the folder) and are removed afterwards. */
const probeDirs = ['src/app/__lint_probe__', 'electron/core/__lint_probe__', 'electron/rules/__lint_probe__'].map((d) =>
  path.join(root, d),
);

async function lint(rel: string, code: string): Promise<string[]> {
  const file = path.join(root, rel);
  fs.writeFileSync(file, code);
  const [result] = await eslint.lintFiles([file]);
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

beforeAll(() => probeDirs.forEach((d) => fs.mkdirSync(d, { recursive: true })));
afterAll(() => probeDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('layer boundaries', () => {
  it('a screen importing core value code (better-sqlite3 behind it) fails; a type import passes', async () => {
    const bad = await lint(
      'src/app/__lint_probe__/screen.ts',
      "import { createRecord } from '@core/ledger/records';\nexport const f = createRecord;\n",
    );
    expect(bad.join('\n')).toMatch(/no-restricted-imports.*界面层/);
    const relative = await lint(
      'src/app/__lint_probe__/relative.ts',
      "import { openDb } from '../../../electron/core/db/open';\nexport const f = openDb;\n",
    );
    expect(relative.join('\n')).toMatch(/no-restricted-imports.*界面层/);
    const ok = await lint(
      'src/app/__lint_probe__/typed.ts',
      "import type { LedgerRecord } from '@core/ledger/records';\nexport type R = LedgerRecord;\n",
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
