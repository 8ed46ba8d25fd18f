// Loads the contract's English catalogue (the API errors' sentences) into Lingui's shared `i18n`:
// imported for its effect by whatever makes or renders API errors (the server, the API client).
import { i18n } from '@lingui/core';
import english from './locales/en.json?lingui';

i18n.load('en', english);
if (!i18n.locale) i18n.activate('en');
