// The web app's own messages (locales/*.json here), rendered in the active locale like the core's.
import { i18n } from '@lingui/core';
import type englishSource from './locales/en.json';
import english from './locales/en.json?lingui';

export type WebMessageId = keyof typeof englishSource;

// English is in the initial bundle, like the core's (src/core/messages/catalogue.ts).
i18n.load('en', english);
if (!i18n.locale) i18n.activate('en');

/** The web message `id` of the active locale, its placeholders filled from `values`. */
export function webText(id: WebMessageId, values?: Record<string, string | number>): string {
  return i18n._(id, values);
}
