// The catalogues as CI checks them (issue 17, item 6): zh-CN has exactly the English messages (none
// missing, none left over), every message is valid ICU and compiles, the Chinese names the same
// placeholders as the English, and every English message is used by the code.
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CATALOGUES = ['src/core/messages/locales', 'src/contract/messages/locales', 'src/web/lib/i18n/locales', 'src/web/lib/i18n/feature-locales'];
const TRANSLATIONS = ['zh-CN'];

function readCatalogue(dir: string, locale: string): Record<string, string> {
  return JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Record<string, string>;
}

/** The placeholders a compiled message names, plural and select branches included. */
function placeholders(compiled: unknown, into = new Set<string>()): Set<string> {
  if (!Array.isArray(compiled)) return into;
  for (const token of compiled) {
    if (!Array.isArray(token)) continue;
    const [name, , format] = token as [string, string?, unknown?];
    into.add(name);
    if (format && typeof format === 'object') for (const branch of Object.values(format)) placeholders(branch, into);
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const source = sourceFiles('src')
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

// All catalogues load into Lingui's one shared catalogue per locale, so an id two of them hold
// would render whichever loaded last (the wizard's placement choices once showed the core's text).
it('gives each id to one catalogue only', () => {
  const owners = new Map<string, string[]>();
  for (const dir of CATALOGUES) for (const id of Object.keys(readCatalogue(dir, 'en'))) owners.set(id, [...(owners.get(id) ?? []), dir]);
  expect([...owners].filter(([, dirs]) => dirs.length > 1)).toEqual([]);
});

describe.each(CATALOGUES)('the catalogue in %s', (dir) => {
  const english = readCatalogue(dir, 'en');

  it('holds messages, each valid ICU that compiles', () => {
    expect(Object.keys(english).length).toBeGreaterThan(0);
    for (const [id, message] of Object.entries(english)) expect(() => compileMessageOrThrow(message), id).not.toThrow();
  });

  it('has every English message used by the code (ids are written out whole, so a search finds them)', () => {
    const unused = Object.keys(english).filter((id) => !source.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  describe.each(TRANSLATIONS)('in %s', (locale) => {
    const translated = readCatalogue(dir, locale);

    it('has every English message and no other', () => {
      const missing = Object.keys(english).filter((id) => !(id in translated));
      const unknown = Object.keys(translated).filter((id) => !(id in english));
      expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
    });

    it('has each message translated, valid ICU, with the English placeholders', () => {
      for (const [id, message] of Object.entries(translated)) {
        const compiled = compileMessageOrThrow(message);
        expect([...placeholders(compiled)].sort(), id).toEqual([...placeholders(compileMessageOrThrow(english[id] ?? ''))].sort());
        // Left as English only where the English is no words at all (a placeholder, a token).
        if (/[a-z]{3}/.test(english[id] ?? '')) expect(message, id).not.toBe(english[id]);
      }
    });
  });
});
