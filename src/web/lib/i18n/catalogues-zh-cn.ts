// The zh-CN chunk: the core's and the web app's catalogues, loaded only when zh-CN is chosen.
import core from '../../../core/messages/locales/zh-CN.json?lingui';
import web from './locales/zh-CN.json?lingui';

export const messages = { ...core, ...web };
