// What the answers of a cache check show (issue 19): each way the cache replays an answer made
// for another request, with the fixes for the cache it looks like. A finding needs evidence: a
// cache's own hit sign, or an answer no bucket gives; a proxy that keys on Origin, honours
// `Vary: Origin`, does not cache preflights and adds nothing gives none.
import type { Dialect } from '../dialects';
import { APP_FIXES, addedHeaderFix, forwardOriginFix, keyOnOriginFix, preflightFix, purgeFix, responseVaryFix, type CacheFix } from './fixes';
import { accessControlHeaders, allowOriginValues, variesOnOrigin, type ObservedAnswer } from './headers';
import type { CacheCheckPlan, CacheCheckStep, CacheCheckStepId } from './plan';
import { cacheSigns, type CacheKind, type CacheSigns } from './signs';

export const CACHE_FINDING_CODES = [
  'cache.no-vary-origin',
  'cache.vary-ignored',
  'cache.other-origin-replayed',
  'cache.preflight-cached',
  'cache.multiple-allow-origin',
  'cache.added-allow-origin',
  'cache.stale-answer',
  'cache.origin-not-forwarded',
] as const;
export type CacheFindingCode = (typeof CACHE_FINDING_CODES)[number];

/** Every finding names its first step and all the steps it was seen in (`steps`), and the cache. */
interface Seen {
  step: CacheCheckStepId;
  steps: CacheCheckStepId[];
  cache: CacheKind;
}

/** An answer from the cache: its sign headers as sent (`X-Cache: Hit from cloudfront`) and its age. */
interface FromCache {
  signs: string[];
  ageSeconds: number | undefined;
}

export interface CacheFindingParamsByCode {
  /**
   * A CORS request got a cached answer without Access-Control-Allow-Origin and without
   * `Vary: Origin` (the answer to a request without Origin, replayed), where the bucket answers
   * `bucketAllowOrigin`.
   */
  'cache.no-vary-origin': Seen & FromCache & { origin: string; bucketAllowOrigin: string };
  /** The same, though the cached answer says `Vary: Origin`: the cache ignores it. */
  'cache.vary-ignored': Seen & FromCache & { origin: string; bucketAllowOrigin: string };
  /** The request from `origin` got the Access-Control-Allow-Origin reflected for `replayedOrigin`. */
  'cache.other-origin-replayed': Seen & FromCache & { origin: string; replayedOrigin: string };
  /** A preflight answered from the cache. */
  'cache.preflight-cached': Seen & FromCache;
  /** Two or more Access-Control-Allow-Origin values in one answer (the bucket answers `bucketValues`). */
  'cache.multiple-allow-origin': Seen & { values: string[]; bucketValues: string[] };
  /** The public answer's Access-Control-Allow-Origin is not the bucket's: `values` added on the way. */
  'cache.added-allow-origin': Seen & { values: string[]; bucketValues: string[] };
  /** A cached answer whose CORS headers are not what the bucket answers now. */
  'cache.stale-answer': Seen & FromCache & { headers: StaleHeader[] };
  /**
   * A CORS request the cache says it fetched from the bucket came back without
   * Access-Control-Allow-Origin, though the bucket grants `origin`: the request reached the bucket
   * without Origin (CloudFront must forward it, caches-and-iac.md §1).
   */
  'cache.origin-not-forwarded': Seen & FromCache & { origin: string; bucketAllowOrigin: string };
}

/** One CORS header of a stale answer: the cached value and the bucket's (`undefined`: absent). */
export interface StaleHeader {
  name: string;
  cached: string | undefined;
  bucket: string | undefined;
}

export type CacheFinding = {
  [C in CacheFindingCode]: { code: C; params: CacheFindingParamsByCode[C]; fixes: CacheFix[] };
}[CacheFindingCode];

/** The cache signs of one answered step. */
export interface StepSigns extends CacheSigns {
  step: CacheCheckStepId;
}

export interface CacheCheckResult {
  findings: CacheFinding[];
  /** Each answered step's cache signs, in plan order. */
  steps: StepSigns[];
  /** The cache the public answers look like; `undefined` when none shows a sign. */
  cache: CacheKind | undefined;
}

export interface CacheCheckOptions {
  /** The bucket's dialect, for the fixes only it has (ResponseVary on OSS and COS). */
  dialect?: Dialect;
}

type Observed = Partial<Record<CacheCheckStepId, ObservedAnswer>>;
type Raw = { [C in CacheFindingCode]: { code: C; params: Omit<CacheFindingParamsByCode[C], 'steps' | 'cache'> } }[CacheFindingCode];

function fromCache(signs: CacheSigns): FromCache {
  return { signs: signs.signs.map((sign) => `${sign.name}: ${sign.value}`), ageSeconds: signs.ageSeconds };
}

/** The CORS headers where a cached answer and the bucket's differ, names sorted. */
function staleHeaders(cached: ObservedAnswer, bucket: ObservedAnswer): StaleHeader[] {
  const a = accessControlHeaders(cached);
  const b = accessControlHeaders(bucket);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((name) => a[name] !== b[name])
    .map((name) => ({ name, cached: a[name], bucket: b[name] }));
}

/** What one public step's answer shows, compared with the bucket's answer to the same request. */
function stepFindings(step: CacheCheckStep, answer: ObservedAnswer, bucket: ObservedAnswer | undefined, signs: CacheSigns): Raw[] {
  const values = allowOriginValues(answer);
  const bucketValues = bucket ? allowOriginValues(bucket) : [];
  const at = step.id;
  // Two values are refused by every browser whatever the cache does (hackclub/cdn PR#100).
  if (values.length >= 2) return [{ code: 'cache.multiple-allow-origin', params: { step: at, values, bucketValues } }];
  const found: Raw[] = [];
  const origin = step.origin;
  const value = values[0];
  if (origin !== undefined && value !== undefined && value !== '*' && value !== origin) {
    // No bucket reflects an origin it was not sent: this one was sent by an earlier request, and
    // the cache replayed it (samvera/serverless-iiif#110). A proxy saying it fetched the answer now
    // set the value itself: an added header, below.
    if (signs.hit !== false) return [{ code: 'cache.other-origin-replayed', params: { step: at, origin, replayedOrigin: value, ...fromCache(signs) } }];
  } else if (origin !== undefined && value === undefined && bucketValues.length && signs.hit === true && step.method === 'GET') {
    // The bucket grants this origin, the cache answered without Allow-Origin: the answer to a
    // request without Origin, kept under the same key (PRX/Infrastructure#412).
    const code = variesOnOrigin(answer) ? 'cache.vary-ignored' : 'cache.no-vary-origin';
    return [{ code, params: { step: at, origin, bucketAllowOrigin: bucketValues.join(', '), ...fromCache(signs) } }];
  } else if (origin !== undefined && value === undefined && bucketValues.length && signs.hit === false && step.method === 'GET') {
    // Fetched now, by the cache's own word, and still without Allow-Origin: the bucket was not sent Origin.
    return [{ code: 'cache.origin-not-forwarded', params: { step: at, origin, bucketAllowOrigin: bucketValues.join(', '), ...fromCache(signs) } }];
  }
  if (!bucket) return found;
  if (signs.hit === true) {
    // A hit may be older than the bucket's rules (a rule changed since): stale, not added.
    const headers = staleHeaders(answer, bucket);
    if (headers.length) found.push({ code: 'cache.stale-answer', params: { step: at, headers, ...fromCache(signs) } });
  } else {
    const added = values.filter((item) => !bucketValues.includes(item));
    if (added.length) found.push({ code: 'cache.added-allow-origin', params: { step: at, values: added, bucketValues } });
  }
  return found;
}

function fixesOf(raw: Raw, cache: CacheKind, dialect: Dialect | undefined): CacheFix[] {
  switch (raw.code) {
    case 'cache.no-vary-origin':
      return [...responseVaryFix(dialect), keyOnOriginFix(cache), purgeFix(cache), ...APP_FIXES];
    case 'cache.vary-ignored':
    case 'cache.other-origin-replayed':
      return [keyOnOriginFix(cache), purgeFix(cache)];
    case 'cache.preflight-cached':
      return [preflightFix(cache), purgeFix(cache)];
    case 'cache.multiple-allow-origin':
      return [addedHeaderFix(cache, raw.params.values.filter((value) => !raw.params.bucketValues.includes(value)))];
    case 'cache.added-allow-origin':
      return [addedHeaderFix(cache, raw.params.values)];
    case 'cache.stale-answer':
      return [purgeFix(cache)];
    case 'cache.origin-not-forwarded':
      return [forwardOriginFix(cache)];
  }
}

/**
 * The findings of a cache check from its answers (`observed`, by step id; a step without an
 * answer is left out of every comparison). One finding per code: the first step it was seen in
 * names it, `steps` lists them all.
 */
export function analyseCacheCheck(plan: CacheCheckPlan, observed: Observed, options: CacheCheckOptions = {}): CacheCheckResult {
  const steps: StepSigns[] = plan.steps.flatMap((step) => {
    const answer = observed[step.id];
    return answer ? [{ step: step.id, ...cacheSigns(answer) }] : [];
  });
  const signsOf = new Map(steps.map((signs) => [signs.step, signs]));
  const publicSteps = plan.steps.filter((step) => step.target === 'public');
  const kinds = publicSteps.map((step) => signsOf.get(step.id)?.kind).filter((kind) => kind !== undefined);
  const cache = kinds.find((kind) => kind !== 'unknown') ?? kinds[0];

  const raw: Raw[] = [];
  for (const step of publicSteps) {
    const answer = observed[step.id];
    const signs = signsOf.get(step.id);
    if (!answer || !signs) continue;
    const bucket = step.comparedWith && observed[step.comparedWith];
    // CloudFront caches OPTIONS only when told to (nulib/meadow PR#2385): a hit is the finding.
    if (step.method === 'OPTIONS' && signs.hit === true) raw.push({ code: 'cache.preflight-cached', params: { step: step.id, ...fromCache(signs) } });
    raw.push(...stepFindings(step, answer, bucket || undefined, signs));
  }

  const findings: CacheFinding[] = [];
  const kind = cache ?? 'unknown';
  for (const found of raw) {
    const same = findings.find((finding) => finding.code === found.code);
    if (same) same.params.steps.push(found.params.step);
    else findings.push({ code: found.code, params: { ...found.params, steps: [found.params.step], cache: kind }, fixes: fixesOf(found, kind, options.dialect) } as CacheFinding);
  }
  return { findings, steps, cache };
}
