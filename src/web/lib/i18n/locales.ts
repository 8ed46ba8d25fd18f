// The console's locales, and which one a visit starts in: the stored choice, else the first of the
// browser's languages the console speaks, else English. public/locale.js makes the same choice
// before the first paint, to set <html lang>.

/** `en-XA` is the pseudo-locale: English made longer and accented, for tests only (never offered). */
export type Locale = 'en' | 'zh-CN' | 'en-XA';

/** The locales offered to people, each named in its own language. */
export const OFFERED_LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh-CN', name: '简体中文' },
] as const satisfies readonly { locale: Locale; name: string }[];

/** public/locale.js reads the same key. */
export const LOCALE_STORAGE_KEY = 'cors-console:locale';

/** `zh`, `zh-CN`, `zh-Hans`, `zh-SG` read Simplified Chinese; `zh-TW`, `zh-HK`, `zh-Hant` do not. */
function offeredFor(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  if (/^zh(-hans)?(-(cn|sg|my))?$/.test(lower) || lower.startsWith('zh-hans-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-CN' || value === 'en-XA';
}

/** The first of the browser's languages the console speaks, or English. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const locale = offeredFor(tag);
    if (locale) return locale;
  }
  return 'en';
}

export function readStoredLocale(): Locale | undefined {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, but used for this visit.
  }
}

/** The locale this visit starts in. */
export function initialLocale(): Locale {
  return readStoredLocale() ?? preferredLocale(navigator.languages ?? [navigator.language]);
}
