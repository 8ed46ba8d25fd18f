// The cache check's catalogue (messages `cache-check.*` of locales/*.json): its steps, the cache
// signs of an answer, each finding and each fix. Code snippets are values, not message text, so a
// translation cannot change them and ICU never reads their braces.
import type { CacheFinding } from '../cache-check/analyse';
import type { CacheFix } from '../cache-check/fixes';
import type { CacheCheckPlan, CacheCheckStep, CacheCheckStepId } from '../cache-check/plan';
import type { CacheSigns } from '../cache-check/signs';
import { dialectProfile } from '../dialects';
import { text } from './catalogue';
import { durationText, listOrNone, listText } from './words';

/** One step of the plan, as a label: `GET from origin https://a.example through the public URL`. */
export function cacheStepText(step: CacheCheckStep): string {
  const origin = step.origin ?? '';
  switch (step.id) {
    case 'public-no-origin':
      return text('cache-check.step.public-no-origin');
    case 'public-origin-a':
    case 'public-origin-b':
      return text('cache-check.step.public-get', { origin });
    case 'public-preflight-1':
      return text('cache-check.step.public-preflight-1', { origin });
    case 'public-preflight-2':
      return text('cache-check.step.public-preflight-2', { origin });
    case 'direct-origin-a':
    case 'direct-origin-b':
      return text('cache-check.step.direct-get', { origin });
    case 'direct-preflight':
      return text('cache-check.step.direct-preflight', { origin });
  }
}

/** What an answer shows of a cache: the cache it looks like and its sign headers as received. */
export function cacheSignsText(signs: CacheSigns): string {
  if (!signs.signs.length) return text('cache-check.signs-none');
  const shown = listText(signs.signs.map((sign) => `${sign.name}: ${sign.value}`));
  return text('cache-check.signs', { cache: signs.kind ?? 'unknown', signs: shown });
}

function stepLabel(plan: CacheCheckPlan, id: CacheCheckStepId): string {
  const step = plan.steps.find((candidate) => candidate.id === id);
  return step ? cacheStepText(step) : id;
}

/** A finding as one paragraph, naming its first step (`plan` is the check's plan, for the step labels). */
export function cacheFindingText(finding: CacheFinding, plan: CacheCheckPlan): string {
  const step = stepLabel(plan, finding.params.step);
  switch (finding.code) {
    case 'cache.no-vary-origin':
      return text('cache-check.finding.no-vary-origin', { step, origin: finding.params.origin, bucketAllowOrigin: finding.params.bucketAllowOrigin });
    case 'cache.vary-ignored':
      return text('cache-check.finding.vary-ignored', { step, origin: finding.params.origin, bucketAllowOrigin: finding.params.bucketAllowOrigin });
    case 'cache.other-origin-replayed':
      return text('cache-check.finding.other-origin-replayed', { step, origin: finding.params.origin, replayedOrigin: finding.params.replayedOrigin });
    case 'cache.preflight-cached':
      return finding.params.ageSeconds === undefined
        ? text('cache-check.finding.preflight-cached', { step })
        : text('cache-check.finding.preflight-cached-age', { step, age: durationText(finding.params.ageSeconds) });
    case 'cache.multiple-allow-origin':
      return text('cache-check.finding.multiple-allow-origin', {
        step,
        count: finding.params.values.length,
        values: listText(finding.params.values),
        bucketValues: listOrNone(finding.params.bucketValues),
      });
    case 'cache.added-allow-origin':
      return text('cache-check.finding.added-allow-origin', { step, values: listText(finding.params.values), bucketValues: listOrNone(finding.params.bucketValues) });
    case 'cache.origin-not-forwarded':
      return text('cache-check.finding.origin-not-forwarded', { step, origin: finding.params.origin, bucketAllowOrigin: finding.params.bucketAllowOrigin });
    case 'cache.stale-answer': {
      const none = text('words.none-in-parens');
      const headers = listText(
        finding.params.headers.map((header) => text('cache-check.stale-header', { name: header.name, cached: header.cached ?? none, bucket: header.bucket ?? none })),
      );
      return text('cache-check.finding.stale-answer', { step, headers });
    }
  }
}

/** What to change for a finding, as one sentence. */
export function cacheFixText(fix: CacheFix): string {
  switch (fix.code) {
    case 'response-vary':
      return text('cache-check.fix.response-vary', { provider: dialectProfile(fix.params.dialect).label });
    case 'cloudfront-cache-key-origin':
      return text('cache-check.fix.cloudfront-cache-key-origin');
    case 'cloudfront-cached-methods':
      return text('cache-check.fix.cloudfront-cached-methods');
    case 'cloudflare-cache-key-origin':
      return text('cache-check.fix.cloudflare-cache-key-origin');
    case 'cloudflare-remove-transform-rule':
      return text('cache-check.fix.cloudflare-remove-transform-rule', { values: listText(fix.params.values) });
    case 'nginx-cache-key-origin':
      return text('cache-check.fix.nginx-cache-key-origin', { variable: '$http_origin' });
    case 'varnish-hash-origin':
      return text('cache-check.fix.varnish-hash-origin', { code: 'hash_data(req.http.Origin);' });
    case 'cache-key-origin':
      return text('cache-check.fix.cache-key-origin');
    case 'no-cache-preflight':
      return text('cache-check.fix.no-cache-preflight', { cache: fix.params.cache });
    case 'remove-added-allow-origin':
      return text('cache-check.fix.remove-added-allow-origin', { cache: fix.params.cache, values: listText(fix.params.values) });
    case 'purge-cache':
      return text('cache-check.fix.purge-cache', { cache: fix.params.cache });
    case 'forward-origin':
      return text('cache-check.fix.forward-origin', { cache: fix.params.cache });
    case 'app-crossorigin-img':
      return text('cache-check.fix.app-crossorigin-img', { attribute: 'crossorigin="anonymous"', element: '<img>' });
    case 'app-fetch-no-store':
      return text('cache-check.fix.app-fetch-no-store', { call: "fetch(url, { cache: 'no-store' })" });
  }
}
