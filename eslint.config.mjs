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

/** The core as seen from outside it: alias and relative spellings. */
const CORE = ['@core/*', '**/electron/core', '**/electron/core/*'];
const SHELLS = [
  '**/electron/main',
  '**/electron/main/*',
  '**/electron/harness',
  '**/electron/harness/*',
  '**/electron/cli',
  '**/electron/cli/*',
];
const PRELOAD = ['**/electron/preload', '**/electron/preload/*'];

const msg = {
  screens: '界面层 (src/) 只能按值引入 @rules；核心只能 import type（见 docs/coding-style.md「分层」）。',
  screensNode: '界面层 (src/) 不能引入 Node、Electron 或原生模块。',
  rules: 'electron/rules/ 是纯规则层：不引入核心、外壳、界面或 Node 模块。',
  core: '核心 (electron/core/) 不能引入 Electron 外壳、调试服务、命令行或 electron 模块。',
};

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'test-output/**', 'node_modules/**', 'resources/**', '.ci/**', '**/*.d.ts'],
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
      // Full-width spaces (U+3000) are part of Chinese document text in JSX.
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
            { group: [...CORE, ...PRELOAD, ...SHELLS], allowTypeImports: true, message: msg.screens },
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
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'],
    },
  },
  // The screens' own walls and size limit (feature folders, hooks + views): eslint.screens.mjs.
  ...screens,
  // Which folder may reach which, by resolved path (so `../../main/x` and `@core/x` are caught alike).
  // Type-only imports count too: the rules and the core must not even name the layers above them.
  {
    files: ['electron/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: './electron/rules',
              from: ['./electron/core', './electron/main', './electron/harness', './electron/cli', './electron/preload', './src'],
              message: msg.rules,
            },
            {
              target: './electron/core',
              from: ['./electron/main', './electron/harness', './electron/cli', './electron/preload', './src'],
              message: msg.core,
            },
          ],
        },
      ],
    },
  },
  // The pure rules: no Node, no native or shell modules, no Node globals.
  {
    files: ['electron/rules/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: [...NODE_BUILTINS, ...NODE_ONLY_PACKAGES], message: msg.rules }] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'window', 'document'],
    },
  },
  // The core: never Electron itself (main/ hands it what it needs).
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: msg.core }] }],
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
