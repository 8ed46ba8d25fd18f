// The core's message catalogue: every sentence the core's catalogues (issue, decision, wizard,
// matching, edit, CORS error) write is an ICU message of locales/en.json, rendered in the active
// locale of Lingui's shared `i18n`. The core only reads it: English is loaded and active from the
// start, so the server and the CLI print English; the web app activates another locale after
// loading that locale's catalogues (src/web/lib/i18n). No I/O: the catalogues are compiled into
// the bundle at build time (scripts/vite-lingui-catalogues.ts).
import { i18n } from '@lingui/core';
import type englishSource from './locales/en.json';
import english from './locales/en.json?lingui';

export type CoreMessageId = keyof typeof englishSource;

/** A message's values: strings and numbers only; lists and rule names are rendered first. */
export type MessageValues = Record<string, string | number>;

i18n.load('en', english);
if (!i18n.locale) i18n.activate('en');

/** The message `id` of the active locale, its placeholders filled from `values`. */
export function text(id: CoreMessageId, values?: MessageValues): string {
  return i18n._(id, values);
}

/** The active locale, for `Intl` formatting beside the catalogue. */
export function activeLocale(): string {
  return i18n.locale;
}
