import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Each architecture rule of eslint.config.js, fed a deliberate violation at a made-up path inside
// src/ or test/ (the files do not exist; what they import does, so the import resolver sees it).
const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  // The type-aware rules of src/web ask TypeScript's project service, which knows only files on
  // disk; made-up files get the same compiler options through its default project.
  const madeUp = ['src/web/*/[Pp]robe*.{ts,tsx}', 'src/web/features/*/probe*.{ts,tsx}'];
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['src/web/**'],
      languageOptions: { parserOptions: { projectService: { allowDefaultProject: madeUp, defaultProject: 'tsconfig.json', maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20 }, tsconfigRootDir: root } },
    },
  });
});

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

/** The first module (extension dropped) directly inside a folder of src/web, to import by a relative path. */
function moduleIn(folder: string): string {
  const file = readdirSync(`${root}src/web/${folder}`).find((name) => /\.tsx?$/.test(name));
  if (!file) throw new Error(`no module in src/web/${folder}`);
  return `${folder}/${file.replace(/\.tsx?$/, '')}`;
}

const features = readdirSync(`${root}src/web/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(`${root}src/web/features/${entry.name}`).some((name) => /\.tsx?$/.test(name)))
  .map((entry) => entry.name);
const [importer, imported] = features as [string, string];
const otherFeatureModule = moduleIn(`features/${imported}`);
const appModule = moduleIn('app');

// The first lint of a file loads TypeScript's program for src/web: tens of seconds on a busy machine.
describe('architecture lint rules', { timeout: 120_000 }, () => {
  it('has two features with modules to test the feature boundary with', () => {
    expect(features.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['a feature importing another feature', `src/web/features/${importer}/probe.ts`, `import '../../${otherFeatureModule}';`],
    ['a feature importing app/', `src/web/features/${importer}/probe.ts`, `import '../../${appModule}';`],
    ['lib importing a feature', 'src/web/lib/probe.ts', `import '../${otherFeatureModule}';`],
    ['components importing app/', 'src/web/components/probe.tsx', `import '../${appModule}';`],
    ['the API layer importing app/', 'src/web/api/probe.ts', `import '../${appModule}';`],
    ['the API layer importing a feature', 'src/web/api/probe.ts', `export * from '../${otherFeatureModule}';`],
  ])('import-x/no-restricted-paths refuses %s', async (_case, filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['process in the core', 'src/core/probe.ts', 'export const debug = process.env.DEBUG;', 'no-restricted-globals'],
    ['Buffer in the core', 'src/core/probe.ts', "export const bytes = Buffer.from('x');", 'no-restricted-globals'],
    ['__dirname in the contract', 'src/contract/probe.ts', 'export const here = __dirname;', 'no-restricted-globals'],
    ['require in the contract', 'src/contract/probe.ts', "export const zod: unknown = require('zod');", 'no-restricted-globals'],
    ['setImmediate in the core', 'src/core/probe.ts', 'export const later = (f: () => void) => setImmediate(f);', 'no-restricted-globals'],
    ['global in the core', 'src/core/probe.ts', 'export const g = global;', 'no-restricted-globals'],
    ['globalThis.process in the core', 'src/core/probe.ts', 'export const p = globalThis.process;', 'no-restricted-properties'],
    ['fetch in the core (I/O)', 'src/core/probe.ts', "export const get = () => fetch('/');", 'no-restricted-globals'],
    ['node:fs in the core', 'src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;", 'import-x/no-nodejs-modules'],
    ['path in the contract', 'src/contract/probe.ts', "import { join } from 'path';\nexport const joined = join('a', 'b');", 'import-x/no-nodejs-modules'],
  ])('refuses %s', async (_case, filePath, code, ruleId) => {
    expect(await ruleIdsFor(filePath, code)).toContain(ruleId);
  });

  it.each([
    ['a camelCase file in src', 'src/web/lib/probeNames.ts', 'check-file/filename-naming-convention'],
    ['a PascalCase component file', 'src/web/components/ProbeView.tsx', 'check-file/filename-naming-convention'],
    ['a snake_case test file', 'test/core/rule_parser.test.ts', 'check-file/filename-naming-convention'],
    ['a camelCase folder in src', 'src/core/wizardSteps/probe.ts', 'check-file/folder-naming-convention'],
    ['a PascalCase folder in test', 'test/web/Features/probe.test.ts', 'check-file/folder-naming-convention'],
  ])('refuses %s', async (_case, filePath, ruleId) => {
    expect(await ruleIdsFor(filePath, 'export const probe = 1;\n')).toContain(ruleId);
  });

  it.each([
    [
      'a query key that misses a variable its queryFn uses',
      '@tanstack/query/exhaustive-deps',
      "import { useQuery } from '@tanstack/react-query';\n" +
        'declare function load(id: string): Promise<string>;\n' +
        "export const useThing = (id: string) => useQuery({ queryKey: ['thing'], queryFn: () => load(id) });\n",
    ],
    [
      'a QueryClient made inside a component',
      '@tanstack/query/stable-query-client',
      "import { QueryClient, QueryClientProvider } from '@tanstack/react-query';\n" +
        'export function Root() {\n  const client = new QueryClient();\n  return <QueryClientProvider client={client}>x</QueryClientProvider>;\n}\n',
    ],
    [
      'a rest-destructured query result',
      '@tanstack/query/no-rest-destructuring',
      "import { useQuery } from '@tanstack/react-query';\n" +
        'declare function load(): Promise<string>;\n' +
        "export function useThing() {\n  const { data, ...rest } = useQuery({ queryKey: ['thing'], queryFn: load });\n  return [data, rest];\n}\n",
    ],
    [
      'a query result as a hook dependency',
      '@tanstack/query/no-unstable-deps',
      "import { useCallback } from 'react';\nimport { useMutation } from '@tanstack/react-query';\n" +
        'declare function save(): Promise<void>;\n' +
        'export function useSave() {\n  const mutation = useMutation({ mutationFn: save });\n  return useCallback(() => mutation.mutate(), [mutation]);\n}\n',
    ],
    [
      'a queryFn that returns nothing',
      '@tanstack/query/no-void-query-fn',
      "import { useQuery } from '@tanstack/react-query';\n" +
        "export const useThing = () => useQuery({ queryKey: ['thing'], queryFn: () => { console.log('x'); } });\n",
    ],
    [
      'a query whose key and fetcher are written inline, not taken from a query factory',
      '@tanstack/query/prefer-query-options',
      "import { useQuery } from '@tanstack/react-query';\n" +
        'declare function load(id: string): Promise<string>;\n' +
        "export const useThing = (id: string) => useQuery({ queryKey: ['thing', id], queryFn: () => load(id) });\n",
    ],
    [
      'a hand-typed key passed to invalidateQueries',
      '@tanstack/query/prefer-query-options',
      "import { useQueryClient } from '@tanstack/react-query';\n" +
        "export function useRefresh() {\n  const client = useQueryClient();\n  return () => client.invalidateQueries({ queryKey: ['thing'] });\n}\n",
    ],
    [
      'mutation callbacks out of order',
      '@tanstack/query/mutation-property-order',
      "import { useMutation } from '@tanstack/react-query';\n" +
        'declare function save(): Promise<void>;\n' +
        'export const useSave = () => useMutation({ mutationFn: save, onError: () => undefined, onMutate: () => undefined });\n',
    ],
  ])('refuses %s', async (_case, ruleId, code) => {
    expect(await ruleIdsFor(`src/web/features/${importer}/probe.tsx`, code)).toContain(ruleId);
  });

  it('passes code that keeps every rule', async () => {
    const clean: [string, string][] = [
      [`src/web/features/${importer}/probe-queries.ts`, "import { queryOptions } from '@tanstack/react-query';\nimport { hrefOf } from '../../lib/router';\n" +
        "export const probeOptions = (id: string) => queryOptions({ queryKey: ['probe', id], queryFn: async () => hrefOf({ name: 'profile', profile: id }) });\n"],
      ['src/web/lib/probe-link.ts', "import { hrefOf } from './router';\nexport const home = hrefOf({ name: 'home' });\n"],
      [`src/web/app/probe-page.ts`, `import '../${otherFeatureModule}';\n`],
      ['src/core/probe-rule.ts', "import type { CorsRule } from './rule';\nexport const later = (f: () => void) => setTimeout(f, 0);\nexport const none: CorsRule[] = [];\nexport const bytes = new TextEncoder().encode('x');\n"],
      ['src/contract/probe-body.ts', "import { z } from 'zod';\nexport const probeBody = z.object({ url: z.url() });\n"],
      ['src/server/probe-env.ts', "import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync(process.env.FILE ?? '', 'utf8');\n"],
      ['test/server/probe.routes.test.ts', 'export const probe = 1;\n'],
    ];
    for (const [filePath, code] of clean) expect({ filePath, ruleIds: await ruleIdsFor(filePath, code) }).toEqual({ filePath, ruleIds: [] });
  });
});
