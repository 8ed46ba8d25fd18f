// The pseudo-locale's chunk: the English catalogues with every text run accented and lengthened
// (scripts/pseudo-text.ts), so tests find text not drawn from a catalogue and labels that clip.
import contract from '../../../contract/messages/locales/en.json?lingui-pseudo';
import core from '../../../core/messages/locales/en.json?lingui-pseudo';
import features from './feature-locales/en.json?lingui-pseudo';
import shell from './locales/en.json?lingui-pseudo';

export const messages = { ...core, ...contract, ...shell, ...features };
