// The zh-CN translation keeps to docs/glossary.zh-CN.json (issue 17, item 3): where an English
// message uses a glossary term, the Chinese uses the term the OSS and COS consoles use, and the
// technical tokens (header and method names, ETag, product names) stay as they are.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Glossary {
  terms: { en: string; zh: string }[];
  tokens: string[];
}

const glossary = JSON.parse(readFileSync('docs/glossary.zh-CN.json', 'utf8')) as Glossary;
const CATALOGUES = ['src/core/messages/locales', 'src/contract/messages/locales', 'src/web/lib/i18n/locales', 'src/web/lib/i18n/feature-locales'];

const read = (dir: string, locale: string) => JSON.parse(readFileSync(`${dir}/${locale}.json`, 'utf8')) as Record<string, string>;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A token as a whole word: `GET` in "GET and PUT", not in "GETs" or "target". */
const tokenPattern = (token: string) => new RegExp(`(?<![A-Za-z0-9-])${escape(token)}(?![A-Za-z0-9-])`);

/** The English a term is looked for in: no placeholders (`{origin}`), no tokens (`Access-Control-Allow-Origin`). */
function prose(message: string): string {
  const longestFirst = [...glossary.tokens].sort((a, b) => b.length - a.length);
  let text = message.replace(/\{[A-Za-z]+\}/g, ' ');
  for (const token of longestFirst) text = text.replace(new RegExp(tokenPattern(token).source, 'g'), ' ');
  return text;
}

describe.each(CATALOGUES)('the zh-CN catalogue in %s', (dir) => {
  const english = read(dir, 'en');
  const chinese = read(dir, 'zh-CN');

  it('uses the glossary term wherever the English uses the term', () => {
    const misses = Object.entries(english).flatMap(([id, message]) =>
      glossary.terms
        .filter((term) => new RegExp(term.en, 'i').test(prose(message)) && !(chinese[id] ?? '').includes(term.zh))
        .map((term) => `${id}: "${term.zh}" for /${term.en}/`),
    );
    expect(misses).toEqual([]);
  });

  it('leaves every technical token untranslated', () => {
    const misses = Object.entries(english).flatMap(([id, message]) =>
      glossary.tokens.filter((token) => tokenPattern(token).test(message) && !(chinese[id] ?? '').includes(token)).map((token) => `${id}: ${token}`),
    );
    expect(misses).toEqual([]);
  });
});
