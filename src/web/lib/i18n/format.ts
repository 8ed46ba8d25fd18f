// Numbers, dates and lists in the active locale's conventions (Intl), for what the catalogues'
// messages name: `1,234` / `1,234`, `12/2/2026, 3:04:05 AM` / `2026/12/2 03:04:05`, `a, b, and c` / `a、b和c`.
import { i18n } from '@lingui/core';

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18n.locale).format(value);
}

export function formatDateTime(value: Date | number | string): string {
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(value));
}

/** `a, b, and c`: a conjunction list in the active locale's words. */
export function formatList(values: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(i18n.locale, { type }).format(values);
}
