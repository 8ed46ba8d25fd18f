import { useLingui } from '@lingui/react';
import { App } from './app';

/**
 * The app, mounted afresh when the locale changes: much of its text comes from the core's
 * catalogue functions, which no hook ties to the locale. Drafts and form state the app keeps
 * across reloads are kept across a switch too.
 */
export function LocalizedApp() {
  const { i18n } = useLingui();
  return <App key={i18n.locale} />;
}
