// The contract's message catalogue: the sentences of the API's errors (locales/*.json), made from
// each error's code and params and rendered in the active locale of Lingui's shared `i18n`, like the
// core's. The server and the CLI print English; the web app renders the same code and params in the
// locale the person chose. English is loaded by ./english, which the API client imports: an error
// exists only once a call went through it, so the first bundle carries none of these texts.
import { i18n } from '@lingui/core';
import type englishSource from './locales/en.json';

export type ContractMessageId = keyof typeof englishSource;

/** The message `id` of the active locale, its placeholders filled from `values`. */
export function contractText(id: ContractMessageId, values?: Record<string, string | number>): string {
  return i18n._(id, values);
}
