import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import checkFile from 'eslint-plugin-check-file';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('.', import.meta.url));

// Layer boundaries (house style §7): the core is pure and shared, so it imports nothing from the
// server or the web app, and no I/O or UI library; the web app never imports the server.
const coreBoundary = {
  patterns: [
    { group: ['**/server/**', '**/web/**'], message: 'src/core is shared by server and web: it must not import either.' },
    { group: ['react', 'react-dom', 'react-dom/*', '@tanstack/*'], message: 'src/core is pure: no UI libraries.' },
  ],
};

// Globals only Node has (process, Buffer, require, setImmediate...): what `globals.node` adds to
// what every JavaScript runtime has. The core and the contract also run in the browser.
const sharedGlobals = new Set([...Object.keys(globals.builtin), ...Object.keys(globals['shared-node-browser'])]);
const nodeOnlyGlobals = Object.keys(globals.node).filter((name) => !sharedGlobals.has(name));
// TypeScript sees @types/node and the DOM everywhere, so the type check lets these through.
const runtimeOnlyGlobals = [...nodeOnlyGlobals, 'window', 'document', 'fetch', 'XMLHttpRequest', 'WebSocket', 'localStorage', 'sessionStorage', 'indexedDB'];
const pureRules = {
  'import-x/no-nodejs-modules': 'error',
  'no-restricted-globals': ['error', ...runtimeOnlyGlobals.map((name) => ({ name, message: 'src/core and src/contract run in Node and the browser: no runtime globals.' }))],
  'no-restricted-properties': ['error', ...runtimeOnlyGlobals.map((property) => ({ object: 'globalThis', property, message: 'src/core and src/contract run in Node and the browser: no runtime globals.' }))],
};

// Web layers (house style §7, as bulletproof-react enforces them): shared code (components, lib,
// api) → features → app. A feature never imports another feature; they are composed in app/.
const features = readdirSync(new URL('src/web/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const webZones = [
  ...features.map((feature) => ({
    target: `src/web/features/${feature}`,
    from: 'src/web/features',
    except: [`./${feature}`],
    message: 'Features do not import each other: compose them in src/web/app, or move what both need to lib/ or components/.',
  })),
  {
    target: ['src/web/components', 'src/web/lib', 'src/web/api'],
    from: ['src/web/features', 'src/web/app'],
    message: 'Shared web code (components, lib, api) imports no feature and nothing from app/.',
  },
  { target: 'src/web/features', from: 'src/web/app', message: 'Features do not import app/: app/ composes them.' },
];

// Native controls that feature code writes through the widgets in src/web/components/ui.
const NATIVE_CONTROLS = ['button', 'select', 'input', 'textarea', 'table'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.data/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.d.ts'] })],
    },
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // File and folder names are kebab-case; a role may follow a dot (buckets.routes.ts, x.test.ts).
  {
    files: ['src/**', 'test/**'],
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE', 'test/**/': 'KEBAB_CASE' }],
    },
  },
  { ignores: ['src/core/**', 'src/contract/**', 'src/web/**'], languageOptions: { globals: { ...globals.node } } },
  // Scripts drive Chromium: code inside page.evaluate runs in the page.
  { files: ['scripts/**', 'bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['src/core/**'], rules: { ...pureRules, 'no-restricted-imports': ['error', coreBoundary] } },
  {
    files: ['src/contract/**'],
    rules: {
      ...pureRules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/web/**'], message: 'src/contract is shared by server and web: core and zod only.' }] }],
    },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/web/**'], message: 'The server does not import the web app.' }] }] },
  },
  {
    files: ['src/web/**'],
    // Type information for @tanstack/query/no-void-query-fn, which needs it to see a queryFn's result.
    languageOptions: { globals: { ...globals.browser }, parserOptions: { projectService: true, tsconfigRootDir: root } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs['flat/recommended'][0].rules,
      // Keys and fetchers stay together in the query factories (src/web/api): no inline queryKey/queryFn, no hand-typed keys.
      '@tanstack/query/prefer-query-options': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The web app talks to the server over HTTP only.' }] }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: webZones }],
    },
  },
  // Every screen uses the same controls (issue 16): native ones are written only inside the widgets.
  {
    files: ['src/web/**/*.tsx'],
    ignores: ['src/web/components/ui/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXOpeningElement[name.name=/^(${NATIVE_CONTROLS.join('|')})$/]`,
          message: 'Use the widgets in src/web/components/ui (Button, IconButton, TextField, TextArea, Select, Checkbox, Radio, Table), not a native control.',
        },
      ],
    },
  },
);
