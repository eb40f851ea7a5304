/**
 * Lint rules of the screens (src/app), kept apart from the layer walls in eslint.config.mjs.
 * docs/coding-style.md ("Screens") says why and what to do instead.
 *
 * - Feature folders (src/app/records, report, figures, backup, …) do not import each other's
 *   files: what two of them share lives in src/app/lib (or src/app/state); src/app/lib and
 *   src/app/state import no feature. Files directly in src/app (App.tsx, router.ts, icons.tsx,
 *   theme.ts) are the shell's root and may compose features. Type imports count too.
 * - No function over 150 lines: state, effects and calls go into a `useXxx` hook, the view draws.
 */
import path from 'node:path';

const APP = path.join(import.meta.dirname, 'src/app');
/** Folders of src/app every feature may use; they import no feature themselves. */
const SHARED = new Set(['lib', 'state']);

/** The top folder under src/app a file lives in, or null for the root files and anything outside. */
function folderOf(file) {
  const rel = path.relative(APP, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

const featureWalls = {
  meta: {
    type: 'problem',
    docs: { description: 'A screen feature folder imports only its own files, src/app/lib, src/app/state and the root files.' },
    schema: [],
    messages: {
      feature:
        '界面功能目录 {{from}}/ 不能引入另一个功能目录 {{to}}/ 的文件：两处共用的放到 src/app/lib（见 docs/coding-style.md「界面」）。',
      shared: 'src/app/{{from}}/ 是共用层，不能引入功能目录 {{to}}/ 的文件（见 docs/coding-style.md「界面」）。',
    },
  },
  create(context) {
    const file = context.filename;
    const from = folderOf(file);
    if (!from) return {};
    const check = (node) => {
      const spec = node.source && node.source.type === 'Literal' ? node.source.value : null;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = folderOf(path.resolve(path.dirname(file), spec));
      if (!to || to === from || SHARED.has(to)) return;
      context.report({ node: node.source, messageId: SHARED.has(from) ? 'shared' : 'feature', data: { from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const screensPlugin = { rules: { 'feature-walls': featureWalls } };

export default [
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { screens: screensPlugin },
    rules: {
      'screens/feature-walls': 'error',
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
];
