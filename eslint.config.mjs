/**
 * ESLint flat config. Besides the usual recommended sets, it encodes the layers drawn in
 * docs/architecture.md ("Layers") — what each folder may import — and forbids import cycles.
 * The rules are explained, with what to do instead, in docs/coding-style.md.
 * test/lint/boundaries.test.ts proves that a forbidden import fails this config.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import screens from './eslint.screens.mjs';

const root = import.meta.dirname;

/** Every Node builtin, bare and with the node: prefix (`fs`, `node:fs`, `fs/promises`, …). */
const NODE_BUILTINS = ['node:*', ...builtinModules.flatMap((m) => [m, `${m}/*`])];
/** Node-only packages (native, Electron, file formats): gitignore-style names match only the bare specifier. */
const NODE_ONLY_PACKAGES = ['/better-sqlite3', '/electron', '/electron/*', '/docx', '/yauzl', '/yazl', '/exceljs', '/playwright-core'];

/** Node globals, refused where code must run in a page or anywhere (src/, rules/). */
const NODE_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'];
/** The same globals reached through an object (`globalThis.process`, `window.Buffer`, …). */
const NODE_GLOBAL_PROPERTIES = ['globalThis', 'window', 'self'].flatMap((object) =>
  NODE_GLOBALS.map((property) => ({ object, property, message: `${property} 是 Node 的全局对象，界面与规则层不能使用。` })),
);

/**
 * What each folder may import, as an allow-list by resolved path (VS Code's `code-import-patterns`
 * idea with import-x/no-restricted-paths): a zone forbids the whole repository to its target except
 * the folders named. The resolver follows aliases and relative paths alike, and import-x checks
 * static, type-only and dynamic `import()` imports. Node builtins resolve to no file, so the
 * package rules below refuse them by name.
 */
const layer = (target, allowed, message) => ({ target: `./${target}`, from: './', except: allowed.map((a) => `./${a}`), message });
const CONTRACT = 'electron/preload/contract.ts';
const LAYERS = [
  layer(
    'electron/rules',
    ['electron/rules', 'node_modules/zod', 'node_modules/pinyin-pro'],
    'electron/rules/ 是纯规则层：只能引入其他规则、zod 和 pinyin-pro。',
  ),
  layer(
    'electron/core',
    ['electron/core', 'electron/rules', 'node_modules', 'package.json'],
    '核心 (electron/core/) 只能引入核心自身、规则层和 Node 库，不能引入外壳、预加载或界面。',
  ),
  layer(
    'electron/main',
    ['electron/main', 'electron/core', 'electron/rules', 'node_modules', CONTRACT],
    'electron/main 只能引入核心、规则层和预加载契约的类型；外壳之间互不引入。',
  ),
  layer(
    'electron/preload',
    ['electron/preload', 'electron/rules', 'node_modules/electron'],
    '预加载只能引入自己的契约、规则层的名称表和 electron。',
  ),
  layer(
    'electron/harness',
    ['electron/harness', 'electron/core', 'electron/rules', 'node_modules', CONTRACT],
    '调试服务 (electron/harness) 只能引入核心和规则层；外壳之间互不引入。',
  ),
  layer(
    'electron/cli',
    ['electron/cli', 'electron/core', 'electron/rules', 'node_modules'],
    '命令行 (electron/cli) 只能引入核心和规则层；外壳之间互不引入。',
  ),
  layer(
    'src',
    ['src', 'electron/rules', 'node_modules', CONTRACT],
    '界面层 (src/) 只能引入规则层（含 @rules/api 的类型）；核心与外壳一律不能引入（见 docs/coding-style.md「分层」）。',
  ),
];

const msg = {
  screensNode: '界面层 (src/) 不能引入 Node、Electron 或原生模块。',
  contractTypes: '预加载契约只能 import type（值在 @rules/api/methods）。',
  rules: 'electron/rules/ 是纯规则层：只能引入其他规则、zod 和 pinyin-pro，不能引入 Node 模块或其他包。',
  core: '核心 (electron/core/) 不能引入 electron 或界面的包（React、Mantine、dayjs）。',
  shellNoElectron: '调试服务和命令行不在 Electron 里运行，不能引入 electron。',
};
/** Packages of the page, never of the core. */
const PAGE_PACKAGES = ['react', 'react/*', 'react-dom', 'react-dom/*', '@mantine/*', 'dayjs', 'dayjs/*'];

export default tseslint.config(
  {
    // The bundled configs electron-vite and vite write beside their config while they load it and
    // delete at once; `npm test` builds and lints at the same time, so ESLint can list one and find it
    // gone. Likewise the lint tests' probe folders (test/support/lint-probe.ts), which hold deliberate
    // errors while a test runs beside `eslint .`; those tests lint them with ignores off.
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'test-output/**',
      'node_modules/**',
      'resources/**',
      '.ci/**',
      '**/*.d.ts',
      '*.config.ts.*.mjs',
      '*.config.mts.timestamp-*.mjs',
      '**/__lint_probe__/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: `${root}/tsconfig.json`,
        }),
      ],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      // Type-only edges cannot form a runtime cycle; the rule skips them.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `import type` keeps a type-only edge out of the bundle and out of the cycle check; `import('x')` types are fine.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // The sanitisers (XML, HTML, file names, backup entries) match control characters on purpose.
      'no-control-regex': 'off',
      // The screens: the preload contract as types only; no Node module or global.
      'no-irregular-whitespace': ['error', { skipJSXText: true }],
    },
  },
  // The screens: values from @rules only; the core, the preload contract and the shells as types.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The classic hook rules. The React Compiler rules (set-state-in-effect, refs, …) are off: the
      // app does not use the compiler, and they flag the latest-value ref pattern the screens rely on.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/preload/contract'], allowTypeImports: true, message: msg.contractTypes },
            { group: [...NODE_BUILTINS, ...NODE_ONLY_PACKAGES], message: msg.screensNode },
          ],
          // One home for dialogs (look, Esc, focus, test ids): src/app/lib/modal.tsx.
          paths: [
            {
              name: '@mantine/core',
              importNames: ['Modal'],
              message: '对话框统一用 src/app/lib/modal.tsx 的 AppModal、ConfirmModal 或 FormModal。',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...NODE_GLOBALS],
      'no-restricted-properties': ['error', ...NODE_GLOBAL_PROPERTIES],
    },
  },
  // The screens' own walls and size limit (feature folders, hooks + views): eslint.screens.mjs.
  ...screens,
  // Which folder may reach which, by resolved path (so `../../main/x`, `@core/x` and `import('@core/x')`
  // are caught alike). Type-only imports count too: a layer names only what it may import.
  {
    files: ['electron/**/*.ts', 'src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: LAYERS }] },
  },
  // The pure rules: zod and, by relative path, other rules (any other specifier is refused, `@rules/` too:
  // within a layer imports are relative), no globals.
  {
    files: ['electron/rules/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod(/|$)|pinyin-pro$|\\.)', message: msg.rules }] }],
      'no-restricted-globals': ['error', ...NODE_GLOBALS, 'window', 'document'],
      'no-restricted-properties': ['error', ...NODE_GLOBAL_PROPERTIES],
    },
  },
  // The core: never Electron itself (main/ hands it what it needs), nor the page's packages.
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*', ...PAGE_PACKAGES], message: msg.core }] },
      ],
    },
  },
  // The preload's contract types, as main sees them; the harness and the CLI run without Electron.
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/preload/contract'], allowTypeImports: true, message: msg.contractTypes }] },
      ],
    },
  },
  {
    files: ['electron/harness/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: msg.shellNoElectron },
            { group: ['**/preload/contract'], allowTypeImports: true, message: msg.contractTypes },
          ],
        },
      ],
    },
  },
  // CommonJS entry shims (the worker's dev entry registers tsx with require).
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Test doubles (Electron stubs, vi.mock factories) type what they fake loosely.
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
