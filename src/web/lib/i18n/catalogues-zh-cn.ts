// The zh-CN chunk: the core's, the contract's (API errors) and the web app's catalogues, loaded only when zh-CN is chosen.
import contract from '../../../contract/messages/locales/zh-CN.json?lingui';
import core from '../../../core/messages/locales/zh-CN.json?lingui';
import web from './locales/zh-CN.json?lingui';

export const messages = { ...core, ...contract, ...web };
