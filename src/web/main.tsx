import { i18n } from '@lingui/core';
import { I18nProvider, useLingui } from '@lingui/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/tokens.css';
import './app/app.css';
import { activateLocale } from './lib/i18n/activate';
import { initialLocale } from './lib/i18n/locales';

/**
 * The app, mounted afresh when the locale changes: much of its text comes from the core's
 * catalogue functions, which no hook ties to the locale. Drafts and form state the app keeps
 * across reloads are kept across a switch too.
 */
function LocalizedApp() {
  const { i18n: active } = useLingui();
  return <App key={active.locale} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void activateLocale(initialLocale()).then(() =>
  createRoot(root).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <LocalizedApp />
      </I18nProvider>
    </StrictMode>,
  ),
);
