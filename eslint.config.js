import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer boundaries (house style §7): the core is pure and shared, so it imports nothing from the
// server or the web app, and no I/O or UI library; the web app never imports the server.
const coreBoundary = {
  patterns: [
    { group: ['**/server/**', '**/web/**'], message: 'src/core is shared by server and web: it must not import either.' },
    { group: ['node:*', 'fs', 'http', 'https', 'net', 'path', 'child_process'], message: 'src/core is pure: no I/O.' },
    { group: ['react', 'react-dom', 'react-dom/*', '@tanstack/*'], message: 'src/core is pure: no UI libraries.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.data/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.d.ts'] })],
    },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Scripts drive Chromium: code inside page.evaluate runs in the page.
  { files: ['scripts/**', 'bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['src/core/**'], rules: { 'no-restricted-imports': ['error', coreBoundary] } },
  {
    files: ['src/contract/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/web/**', 'node:*'], message: 'src/contract is shared by server and web: core and zod only.' }] }],
    },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/web/**'], message: 'The server does not import the web app.' }] }] },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The web app talks to the server over HTTP only.' }] }],
    },
  },
);
