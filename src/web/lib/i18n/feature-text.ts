// The features' messages (feature-locales/*.json): the rule editor, wizard, Test tab, History,
// import and export, bulk apply. Their English loads with the first chunk that imports this module,
// not with the first screen (./text says why); other locales come whole with the locale's chunk.
import { i18n } from '@lingui/core';
import type englishSource from './feature-locales/en.json';
import english from './feature-locales/en.json?lingui';
import type { ShellMessageId } from './text';

/** Any web message: a feature's own, or one the shell shows too (a tab's name, a CORS status). */
export type WebMessageId = ShellMessageId | keyof typeof englishSource;

// Merged into the English the shell loaded (Lingui adds a locale's catalogues together).
i18n.load('en', english);

/** The web message `id` of the active locale, its placeholders filled from `values`. */
export function webText(id: WebMessageId, values?: Record<string, string | number>): string {
  return i18n._(id, values);
}
