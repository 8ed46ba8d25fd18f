// What can be done about Chrome's Local Network Access (src/core/local-network.ts), in the active
// locale (messages `local-network.*` of locales/*.json); the refusal itself is a request reason.
import type { LocalNetworkFixCode } from '../local-network';
import { text } from './catalogue';

const FIXES: { [C in LocalNetworkFixCode]: () => string } = {
  'https-and-permission': () => text('local-network.fix.https-and-permission'),
  'public-endpoint': () => text('local-network.fix.public-endpoint'),
  'permission-policy': () => text('local-network.fix.permission-policy'),
};

/** One fix for a fetch Local Network Access gates, as one sentence. */
export function localNetworkFixText(code: LocalNetworkFixCode): string {
  return FIXES[code]();
}
