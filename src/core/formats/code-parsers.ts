import type * as Yaml from 'yaml';

/** The `yaml` package (2.x): CloudFormation templates in YAML are read and written with it. */
export type YamlModule = typeof Yaml;

/**
 * `hcl2-parser` (a GopherJS build of hashicorp/hcl v2 with tmccombs/hcl2json): HCL to the JSON
 * that `terraform show -json`-style tools use (blocks become lists of objects, expressions become
 * `"${...}"` strings). It returns `[value, null]` or `[null, error]`; its errors carry no text or
 * position, so an HCL syntax error can only be reported for the whole document.
 */
export interface HclModule {
  parseToObject(input: string): unknown;
}

/**
 * The heavy parsers, loaded on demand. They are injected rather than imported so the core stays
 * usable (and small) without them: JSON and XML formats never need them.
 */
export interface CodeParsers {
  yaml?: YamlModule;
  hcl?: HclModule;
}

export type CodeParserName = keyof CodeParsers;

/** Loads the named parsers with dynamic imports (separate chunks in the web app) and merges them into `have`. */
export async function loadCodeParsers(names: readonly CodeParserName[], have: CodeParsers = {}): Promise<CodeParsers> {
  const loaded: CodeParsers = { ...have };
  await Promise.all(
    names.map(async (name) => {
      if (loaded[name]) return;
      if (name === 'yaml') loaded.yaml = await import('yaml');
      else loaded.hcl = toHclModule(await import('hcl2-parser'));
    }),
  );
  return loaded;
}

function toHclModule(module: unknown): HclModule {
  const candidate = (module as { default?: unknown }).default ?? module;
  return candidate as HclModule;
}
