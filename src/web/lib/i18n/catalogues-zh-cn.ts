// The zh-CN chunk: the core's, the contract's (API errors) and the web app's catalogues (its first screen's and its features'), loaded only when zh-CN is chosen.
import contract from '../../../contract/messages/locales/zh-CN.json?lingui';
import core from '../../../core/messages/locales/zh-CN.json?lingui';
import features from './feature-locales/zh-CN.json?lingui';
import shell from './locales/zh-CN.json?lingui';

export const messages = { ...core, ...contract, ...shell, ...features };
