// The web app's messages for its first screen (locales/*.json here: header, bucket list, home,
// sign-in, window titles), rendered in the active locale like the core's. The features' messages
// (feature-locales/, rendered by ./feature-text) come with the chunks that show them: they were a
// tenth of the first bundle (bench: initial JS 120.8 KB gzip with them, over the 120 KB budget).
import { i18n } from '@lingui/core';
import type englishSource from './locales/en.json';
import english from './locales/en.json?lingui';

/** A message the first screen may show: the only ids its modules can render. */
export type ShellMessageId = keyof typeof englishSource;

// The shell's English is in the initial bundle, like the core's (src/core/messages/catalogue.ts).
i18n.load('en', english);
if (!i18n.locale) i18n.activate('en');

/** The shell message `id` of the active locale, its placeholders filled from `values`. */
export function webText(id: ShellMessageId, values?: Record<string, string | number>): string {
  return i18n._(id, values);
}
