// The catalogue of Chromium's exact CORS reasons: what to change for each (messages `cors-error.*`
// of locales/*.json). The reason itself is `blockText` of the explanation's block.
import type { CorsErrorExplanation, CorsFix, CorsFixCode, CorsFixParamsByCode } from '../cors-error';
import { text } from './catalogue';
import { blockText } from './decision-messages';
import { listText } from './words';

const FIXES: { [C in CorsFixCode]: (p: CorsFixParamsByCode[C]) => string } = {
  'list-origin': (p) => text('cors-error.fix.list-origin', { origin: p.origin }),
  'correct-origin': (p) => text('cors-error.fix.correct-origin', { origin: p.origin, listed: p.listed }),
  'single-allow-origin': (p) => text('cors-error.fix.single-allow-origin', { values: p.values }),
  'name-origin-for-credentials': (p) => text('cors-error.fix.name-origin-for-credentials', { origin: p.origin }),
  'allow-credentials': (p) =>
    p.received === '' ? text('cors-error.fix.allow-credentials-none') : text('cors-error.fix.allow-credentials', { received: p.received }),
  'allow-method': (p) => text('cors-error.fix.allow-method', { method: p.method }),
  'allow-headers': (p) => (p.headers.length ? text('cors-error.fix.allow-headers', { headers: listText(p.headers) }) : text('cors-error.fix.allow-header')),
  'answer-preflight-in-place': (p) =>
    p.status === null ? text('cors-error.fix.answer-preflight-in-place-no-status') : text('cors-error.fix.answer-preflight-in-place', { status: p.status }),
  'answer-preflight-ok': (p) =>
    p.status === null ? text('cors-error.fix.answer-preflight-ok-no-status') : text('cors-error.fix.answer-preflight-ok', { status: p.status }),
  'local-network-permission': (p) => text(p.secure ? 'cors-error.fix.local-network-permission' : 'cors-error.fix.local-network-insecure', { origin: p.origin }),
  'unknown': (p) =>
    p.failedParameter
      ? text('cors-error.fix.unknown', { corsError: p.corsError, failedParameter: p.failedParameter })
      : text('cors-error.fix.unknown-no-parameter', { corsError: p.corsError }),
};

/** What to change for Chromium's reason, as one or two sentences. */
export function corsFixText(fix: CorsFix): string {
  return (FIXES[fix.code] as (p: CorsFix['params']) => string)(fix.params);
}

/** Why Chromium refused, in the console's words (the block reason, or Chromium's own name when the console has none). */
export function corsErrorReasonText(explanation: CorsErrorExplanation): string {
  if (explanation.block) return blockText(explanation.block);
  if (explanation.fix.code === 'local-network-permission') return text('cors-error.reason.local-network');
  return text('cors-error.reason.chromium', { corsError: explanation.corsError });
}
