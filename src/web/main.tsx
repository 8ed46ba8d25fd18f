import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LocalizedApp } from './app/localized-app';
import './app/tokens.css';
import './app/app.css';
import { activateLocale } from './lib/i18n/activate';
import { initialLocale } from './lib/i18n/locales';

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
