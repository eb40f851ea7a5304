/**
 * The screens' own walls (eslint.screens.mjs) are real: ESLint's Node API with the repository's
 * eslint.config.mjs, on probe files placed inside a feature folder and inside src/app/lib. Each
 * forbidden import fails with the rule's message and the allowed spelling of the same need passes,
 * so the test cannot pass by linting nothing.
 */
import { describe, expect, it } from 'vitest';
import { lintProbes } from '../support/lint-probe';

/** Inside a feature (records) and inside the shared folder. */
const lint = lintProbes(['src/app/records/__lint_probe__', 'src/app/lib/__lint_probe__']);

describe('screen feature walls', () => {
  it('a feature importing another feature’s file fails, by value, by type and dynamically; lib and its own files pass', async () => {
    const value = await lint(
      'src/app/records/__lint_probe__/value.ts',
      "import { allParagraphs } from '../../report/spec-edit';\nexport const a = allParagraphs;\n",
    );
    expect(value.join('\n')).toMatch(/screens\/feature-walls.*records\/ 不能引入另一个功能目录 report\//);
    const typeOnly = await lint(
      'src/app/records/__lint_probe__/type.ts',
      "import type { ReportSpec } from '../../report/types';\nexport type S = ReportSpec;\n",
    );
    expect(typeOnly.join('\n')).toMatch(/screens\/feature-walls/);
    const dynamic = await lint('src/app/records/__lint_probe__/dynamic.ts', "export const load = () => import('../../figures/draft');\n");
    expect(dynamic.join('\n')).toMatch(/screens\/feature-walls.*figures\//);
    const ok = await lint(
      'src/app/records/__lint_probe__/ok.ts',
      "import { downloadBytes } from '../../lib/download';\nimport { PAGE_SIZE } from '../use-record-list';\nimport { useLedger } from '../../state/ledger';\nexport const x = [downloadBytes, PAGE_SIZE, useLedger];\n",
    );
    expect(ok).toEqual([]);
  });

  it('src/app/lib importing a feature fails; importing state passes', async () => {
    const bad = await lint(
      'src/app/lib/__lint_probe__/up.ts',
      "import { PAGE_SIZE } from '../../records/use-record-list';\nexport const p = PAGE_SIZE;\n",
    );
    expect(bad.join('\n')).toMatch(/screens\/feature-walls.*共用层.*records\//);
    const ok = await lint(
      'src/app/lib/__lint_probe__/ok.ts',
      "import { useLedger } from '../../state/ledger';\nexport const u = useLedger;\n",
    );
    expect(ok).toEqual([]);
  });

  it('a component over 150 lines fails; the same drawing split into a view and a part passes', async () => {
    const line = (i: number) => `      <p>第${i}行</p>`;
    const component = (name: string, from: number, n: number) =>
      `export function ${name}() {\n  return (\n    <div>\n${Array.from({ length: n }, (_, i) => line(from + i)).join('\n')}\n    </div>\n  );\n}\n`;
    const long = await lint('src/app/records/__lint_probe__/long.tsx', component('Long', 0, 150));
    expect(long.join('\n')).toMatch(/max-lines-per-function.*'Long'/);
    const split = await lint(
      'src/app/records/__lint_probe__/split.tsx',
      `${component('Part', 75, 75)}\nexport function View() {\n  return (\n    <div>\n${Array.from({ length: 75 }, (_, i) => line(i)).join('\n')}\n      <Part />\n    </div>\n  );\n}\n`,
    );
    expect(split).toEqual([]);
  });
});
