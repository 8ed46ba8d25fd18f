import { setupI18n } from '@lingui/core';
import { readFileSync } from 'node:fs';
import { pseudoText } from '../../scripts/pseudo-text';
import { compileCatalogue } from '../../scripts/vite-lingui-catalogues';

// The console's words in a locale, for the browser suites that drive it in Chinese (issue 17): a
// control is found by the name the catalogue gives it in zh-CN, looked up from its English name.
// A name no catalogue holds yet is still English on the page, so it is looked for in English.

type Catalogue = Record<string, string>;

const CATALOGUE_DIRS = ['src/core/messages/locales', 'src/web/lib/i18n/locales', 'src/web/lib/i18n/feature-locales'];

function read(locale: string): Catalogue {
  return Object.assign({}, ...CATALOGUE_DIRS.map((dir) => JSON.parse(readFileSync(`${dir}/${locale}.json`, 'utf8')) as Catalogue)) as Catalogue;
}

export const ENGLISH_CATALOGUE = read('en');
export const CHINESE_CATALOGUE = read('zh-CN');

const i18n = setupI18n();
i18n.load('zh-CN', compileCatalogue(CHINESE_CATALOGUE) as never);
i18n.activate('zh-CN');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message with simple placeholders only (`{rule}`), as a pattern that reads its values back; null for plurals and selects. */
function patternOf(message: string): { pattern: RegExp; names: string[] } | null {
  if (/\{[^{}]*,/.test(message)) return null;
  const names: string[] = [];
  const source = message
    .split(/(\{[A-Za-z][\w-]*\})/)
    .map((part) => {
      const placeholder = /^\{([A-Za-z][\w-]*)\}$/.exec(part);
      if (!placeholder) return escape(part);
      names.push(placeholder[1]!);
      return '(.+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

/** A placeholder's value read back from English: data (`2`, `Rule 2`, `https://a.example`), never a prose word (`wizard`). */
const PROSE = /^[A-Za-z][a-z]*(?: [a-z]+)*$/;

/** Every rendering the zh-CN catalogue has for `english`, a text the English console shows: its exact messages, else the ones it fills in. */
function chineseFor(english: string): string[] {
  const exact = new Set<string>();
  const filled = new Set<string>();
  for (const [id, message] of Object.entries(ENGLISH_CATALOGUE)) {
    if (!(id in CHINESE_CATALOGUE)) continue;
    if (message === english) exact.add(i18n._(id));
    const parsed = patternOf(message);
    const match = parsed?.pattern.exec(english);
    if (!parsed || !match || parsed.names.length === 0) continue;
    const values = match.slice(1);
    if (values.some((value) => PROSE.test(value))) continue;
    filled.add(i18n._(id, Object.fromEntries(parsed.names.map((name, index) => [name, values[index]!]))));
  }
  return [...(exact.size ? exact : filled)];
}

/** A locale the suites drive the console in besides English. */
export type DrivenLocale = 'zh-CN' | 'en-XA';

/**
 * The name to look a control or an announcement up by in `locale`: its English name as the
 * locale's catalogue renders it (zh-CN: from every message that renders it; en-XA: accented and
 * lengthened), or the English itself, which the page shows while the text is not drawn from a
 * catalogue yet. That the page shows the locale is asserted apart (the suites' own assertions and
 * their no-English check), not by finding controls.
 */
export function localName(locale: DrivenLocale, english: string): RegExp {
  const local = locale === 'zh-CN' ? chineseFor(english) : [pseudoText(english)];
  return new RegExp(`^(${[...local, english].map(escape).join('|')})$`);
}

/** {@link localName} in zh-CN. */
export const zh = (english: string) => localName('zh-CN', english);
