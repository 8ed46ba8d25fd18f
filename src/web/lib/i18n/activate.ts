// Loads a locale's catalogues and makes it the active one of Lingui's shared `i18n`, which the
// core's catalogues and the web app's both render through. The web app's English ships in the
// initial bundle; the core's comes with the core (src/core/messages/catalogue.ts), in the chunks
// that use it; every other locale is a chunk of its own, fetched when chosen.
import { i18n, type Messages } from '@lingui/core';
import { storeLocale, type Locale } from './locales';
import './text';

const loaded = new Set<Locale>(['en']);

/** Each other locale's catalogues, the core's and the web app's merged, as one lazy chunk. */
const LAZY_CATALOGUES: Record<Exclude<Locale, 'en'>, () => Promise<{ messages: Messages }>> = {
  'zh-CN': () => import('./catalogues-zh-cn'),
  'en-XA': () => import('./catalogues-pseudo'),
};

/** Loads the locale's catalogues once, activates it and sets <html lang>. */
export async function activateLocale(locale: Locale): Promise<void> {
  if (locale !== 'en' && !loaded.has(locale)) {
    const { messages } = await LAZY_CATALOGUES[locale]();
    i18n.load(locale, messages);
    loaded.add(locale);
  }
  i18n.activate(locale);
  document.documentElement.lang = locale;
}

/** Activates the locale and remembers it for the next visit (the switcher's choice). */
export async function chooseLocale(locale: Locale): Promise<void> {
  await activateLocale(locale);
  storeLocale(locale);
}
