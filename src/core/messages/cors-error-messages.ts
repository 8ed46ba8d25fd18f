// The English catalogue of Chromium's exact CORS reasons: what to change for each. A translation
// replaces this file. The reason itself is `blockText` of the explanation's block.
import type { CorsErrorExplanation, CorsFix, CorsFixCode, CorsFixParamsByCode } from '../cors-error';
import { blockText } from './decision-messages';

const FIXES: { [C in CorsFixCode]: (p: CorsFixParamsByCode[C]) => string } = {
  'list-origin': (p) => `Add a rule that allows origin ${p.origin} and this method; an error answer (403, 404) carries no CORS headers either, so check that the object exists and the request is authorised.`,
  'correct-origin': (p) => `List the origin exactly as the page sends it: ${p.origin} (scheme, host and port, no trailing "/"), not ${p.listed}.`,
  'single-allow-origin': (p) => `Send one Access-Control-Allow-Origin value, not "${p.values}": when a CDN or proxy adds its own, let only one of them answer CORS.`,
  'name-origin-for-credentials': (p) => `A request with credentials cannot be answered with "*": list ${p.origin} by name.`,
  'allow-credentials': (p) => `Answer Access-Control-Allow-Credentials: true (received: ${p.received === '' ? 'none' : `"${p.received}"`}), or send the request without credentials.`,
  'allow-method': (p) => `Add ${p.method} to the rule's allowed methods (methods are case-sensitive).`,
  'allow-headers': (p) => `Add ${p.headers.join(', ') || 'the header'} to the rule's allowed headers.`,
  'answer-preflight-in-place': (p) => `The preflight was redirected${p.status === null ? '' : ` (${p.status})`}, which browsers refuse: send the request to the final URL (the bucket's own endpoint, https), so the OPTIONS is answered where it is sent.`,
  'answer-preflight-ok': (p) => `The preflight must be answered with a 2xx status${p.status === null ? '' : `, not ${p.status}`}: make the rule match the OPTIONS request (origin, method, headers), or fix what answers it.`,
  'local-network-permission': (p) => `No CORS rule can fix this: Chrome blocks a page on ${p.origin} from reaching a private or loopback address unless the user allows local network access. Serve the page from the same network, or ask users to allow it.`,
  'unknown': (p) => `Chromium refused the request (${p.corsError}${p.failedParameter ? `: ${p.failedParameter}` : ''}); the console has no explanation for this reason yet.`,
};

/** What to change for Chromium's reason, as one or two sentences. */
export function corsFixText(fix: CorsFix): string {
  return (FIXES[fix.code] as (p: CorsFix['params']) => string)(fix.params);
}

/** Why Chromium refused, in the console's words (the block reason, or Chromium's own name when the console has none). */
export function corsErrorReasonText(explanation: CorsErrorExplanation): string {
  if (explanation.block) return blockText(explanation.block);
  if (explanation.fix.code === 'local-network-permission') return 'Chrome refused to let this page reach a local network address (Local Network Access), whatever the CORS rules say.';
  return `Chromium refused the request: ${explanation.corsError}.`;
}
