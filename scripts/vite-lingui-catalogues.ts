import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { pseudoText } from './pseudo-text.ts';

const SUFFIX = '?lingui';
const PSEUDO_SUFFIX = '?lingui-pseudo';
const PREFIX = '\0lingui-catalogue:';

/** Compiles one catalogue (Lingui's minimal JSON: id → ICU message) to the form `i18n.load` takes. */
export function compileCatalogue(source: Record<string, string>, mapText?: (text: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).map(([id, message]) => [id, compileMessageOrThrow(message, mapText)]));
}

/**
 * `import messages from './en.json?lingui'`: the catalogue compiled at build time, so the browser
 * ships no ICU parser (@lingui/core leaves its compiler out of production builds), in the web
 * build, the SSR builds and vitest alike. `?lingui-pseudo` compiles the same catalogue with every
 * text run made longer and accented: the pseudo-locale tests use to find hard-coded text.
 */
export function linguiCatalogues(): Plugin {
  return {
    name: 'cors-console:lingui-catalogues',
    enforce: 'pre',
    resolveId(source, importer) {
      const suffix = source.endsWith(SUFFIX) ? SUFFIX : source.endsWith(PSEUDO_SUFFIX) ? PSEUDO_SUFFIX : undefined;
      if (!suffix || !importer) return null;
      const file = resolve(dirname(importer.replace(/\?.*$/, '')), source.slice(0, -suffix.length));
      return `${PREFIX}${file}${suffix}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const pseudo = id.endsWith(PSEUDO_SUFFIX);
      const file = id.slice(PREFIX.length, id.length - (pseudo ? PSEUDO_SUFFIX : SUFFIX).length);
      this.addWatchFile(file);
      const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      return `export default ${JSON.stringify(compileCatalogue(source, pseudo ? pseudoText : undefined))};`;
    },
  };
}
