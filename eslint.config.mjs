// ESLint for the whole repository: typescript-eslint's recommended rules, and the layers of docs/architecture.md
// (the table below), so an import against the grain fails `npm run lint` and with it `npm test` and CI.
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// ── The layers ──────────────────────────────────────────────────────────────────────────────────────────────
// Each folder (or file) of src, and what else of src it may import; npm packages are always allowed, `vscode` only
// in the adapters. A folder may always import its own files.

/** Pure: never import `vscode` nor any adapter, so the CLI, the tests and the webview can run them anywhere. */
const PURE = {
  'src/shared': [],
  'src/github': ['src/shared'],
  'src/store': ['src/github', 'src/shared'],
  'src/sync': ['src/github', 'src/store', 'src/shared'],
  'src/community': ['src/shared', 'src/github/schemas.ts'], // for its types only (checked below)
  'src/report': ['src/community', 'src/shared', 'src/github'],
  'src/viewModels': ['src/community', 'src/report', 'src/shared', 'src/github'],
  'src/cli': ['src/shared', 'src/github', 'src/store', 'src/sync', 'src/community', 'src/report', 'src/viewModels'],
};
const PURE_FOLDERS = Object.keys(PURE);
const LOW_ADAPTERS = ['src/auth', 'src/settings', 'src/repository'];

/** Adapters: may import `vscode`. */
const ADAPTERS = {
  'src/auth': [...PURE_FOLDERS, ...LOW_ADAPTERS],
  'src/settings': [...PURE_FOLDERS, ...LOW_ADAPTERS],
  'src/repository': [...PURE_FOLDERS, ...LOW_ADAPTERS],
  'src/controller': [...PURE_FOLDERS, ...LOW_ADAPTERS],
  'src/views': ['src/controller', ...PURE_FOLDERS, ...LOW_ADAPTERS],
  'src/dashboard': ['src/controller', ...PURE_FOLDERS, ...LOW_ADAPTERS],
  'src/discussionView': ['src/controller', ...PURE_FOLDERS, ...LOW_ADAPTERS],
  'src/commands': ['src/controller', 'src/views', 'src/dashboard', 'src/discussionView', 'src/api.ts', ...PURE_FOLDERS, ...LOW_ADAPTERS],
  // The composition root and the API it returns: everything (but nothing imports extension.ts, see below).
  'src/extension.ts': ['src'],
  'src/api.ts': ['src'],
};

/** The webviews run in the browser: only the protocols they speak and the shared formatting. */
const WEBVIEW = { webview: ['src/dashboard/protocol.ts', 'src/discussionView/protocol.ts', 'src/shared'] };

/** One import-x/no-restricted-paths zone per entry: `target` may import nothing of src but itself and `allowed`. */
/** @param {Record<string, string[]>} table */
function zonesFor(table) {
  const restricted = Object.entries(table).filter(([, allowed]) => !allowed.includes('src'));
  return restricted.map(([target, allowed]) => {
    const inSrc = (/** @type {string} */ p) => (p === 'src' ? '.' : `./${p.replace(/^src\//, '')}`);
    const except = [...new Set([...(target.startsWith('src/') ? [target] : []), ...allowed].map(inSrc))];
    return {
      target: `./${target}`,
      from: './src',
      except,
      message: `${target} may import only ${allowed.join(', ') || 'its own files'} (docs/architecture.md).`,
    };
  });
}

/** @type {import('eslint').Linter.RulesRecord} */
const NO_VSCODE = {
  'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only the adapter folders import vscode (docs/architecture.md).' }] }],
};

// Command and view ids that package.json contributes are named through COMMAND_IDS / VIEW_IDS
// (src/shared/contributionIds.ts), so a renamed or mistyped id fails to compile instead of failing silently.
/** @type {{ commands: { command: string }[], views: Record<string, { id: string }[]> }} */
const contributes = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).contributes;
const contributedIds = [
  ...contributes.commands.map((c) => c.command),
  ...Object.values(contributes.views)
    .flat()
    .map((v) => v.id),
];
const escapeRegExp = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const contributedIdPattern = `^(${contributedIds.map(escapeRegExp).join('|')})(\\.focus)?$`;

/** @type {import('eslint').Linter.Globals} */
const NODE_GLOBALS = Object.fromEntries(
  ['console', 'process', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Buffer', 'fetch', 'AbortController'].map((name) => [
    name,
    /** @type {const} */ ('readonly'),
  ]),
);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json'] })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-aware, and cheap: a forgotten await loses errors silently.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...zonesFor(PURE),
            ...zonesFor(ADAPTERS),
            ...zonesFor(WEBVIEW),
            { target: '.', from: './src/extension.ts', message: 'extension.ts is the composition root: nothing imports it.' },
          ],
        },
      ],
    },
  },
  { files: [...PURE_FOLDERS.map((folder) => `${folder}/**`), 'webview/**'], rules: NO_VSCODE },
  {
    files: ['src/community/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: 'github/schemas$', allowTypeImports: true, message: 'src/community uses the GitHub schemas for their types only.' }] },
      ],
    },
  },
  {
    files: ['src/**', 'webview/**'],
    ignores: ['src/shared/contributionIds.ts', 'src/settings/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=/${contributedIdPattern}/], TemplateElement[value.raw=/${contributedIdPattern}/]`,
          message: 'Name contributed command and view ids through COMMAND_IDS / VIEW_IDS (src/shared/contributionIds.ts).',
        },
      ],
    },
  },
  {
    // The scripts are type-checked by tsconfig.scripts.json (`npm run typecheck`), not through the project service.
    files: ['**/*.mjs'],
    rules: tseslint.configs.disableTypeChecked.rules,
    languageOptions: { parserOptions: { projectService: false, program: null }, globals: NODE_GLOBALS },
  },
  {
    // Tests drill into raw GraphQL answers; `any` is kept out of the product's boundaries, not out of its tests.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
