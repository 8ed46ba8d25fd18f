import { useLingui } from '@lingui/react';
import { chooseLocale } from '../lib/i18n/activate';
import { isLocale, OFFERED_LOCALES } from '../lib/i18n/locales';
import { webText } from '../lib/i18n/text';
import { Select } from './ui/field';
import './locale-switcher.css';

/**
 * English or 简体中文, each named in its own language (`lang` on the option, so a screen reader
 * reads it in that language); kept across visits. The app remounts in the chosen locale
 * (src/web/main.tsx).
 */
export function LocaleSwitcher() {
  const { i18n } = useLingui();
  return (
    <Select
      className="locale-switcher"
      label={webText('locale-switcher.label')}
      hideLabel
      value={i18n.locale}
      onChange={(event) => {
        const locale = event.target.value;
        if (isLocale(locale)) void chooseLocale(locale);
      }}
    >
      {OFFERED_LOCALES.map(({ locale, name }) => (
        <option key={locale} value={locale} lang={locale}>
          {name}
        </option>
      ))}
    </Select>
  );
}
