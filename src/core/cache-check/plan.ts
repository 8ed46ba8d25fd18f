// The cache check's requests (issue 19): what to send, in which order, through the public URL (a
// CDN or caching proxy in front of the bucket) and straight to the bucket, to catch a cache
// replaying an answer made for another request (shared/design/caches-and-iac.md §1).

/** The steps, in the order they must be sent: the public ones build on what the cache kept from the ones before. */
export const CACHE_CHECK_STEPS = [
  'public-no-origin',
  'public-origin-a',
  'public-origin-b',
  'public-preflight-1',
  'public-preflight-2',
  'direct-origin-a',
  'direct-origin-b',
  'direct-preflight',
] as const;
export type CacheCheckStepId = (typeof CACHE_CHECK_STEPS)[number];

/** The query parameter that makes a request's URL unique, so no cache can answer it. */
export const CACHE_BUST_PARAMETER = 'cors-console-cache-check';

export interface CacheCheckInput {
  /** The object through the CDN or proxy. */
  publicUrl: string;
  /** The same object at the bucket's own endpoint. */
  directUrl: string;
  /** Two origins the bucket's rules allow (or not: the direct answers say what the bucket grants). */
  originA: string;
  originB: string;
  /** The preflight's Access-Control-Request-Method; `PUT` by default, a method that always needs one. */
  preflightMethod?: string;
  /** The preflight's Access-Control-Request-Headers, as the app sends them. */
  preflightHeaders?: readonly string[];
  /**
   * Unique to this run (the caller's random or time token; the core has neither), so that the
   * cache-busted URLs were never seen by any cache.
   */
  nonce: string;
}

export interface CacheCheckStep {
  id: CacheCheckStepId;
  /** `public`: through the CDN or proxy; `direct`: the bucket's endpoint, the reference answer. */
  target: 'public' | 'direct';
  method: 'GET' | 'OPTIONS';
  url: string;
  /** The request headers to send (none beyond what a browser adds anyway). */
  headers: Record<string, string>;
  /** The request's Origin; `undefined` for the request without one. */
  origin: string | undefined;
  /** The URL carries the cache-busting parameter. */
  cacheBusted: boolean;
  /** For a `public` step, the `direct` step answering the same request: what the bucket says now. */
  comparedWith: CacheCheckStepId | undefined;
}

export interface CacheCheckPlan {
  input: CacheCheckInput;
  steps: CacheCheckStep[];
}

function withParameter(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.append(name, value);
  return parsed.toString();
}

/**
 * The requests of a cache check, in order.
 *
 * The public steps are never cache-busted: the check is about what the cache keeps under the
 * object's own URL, the one pages use. Step 1 (no Origin) is what an `<img>`, a crawler or a
 * health check sends; a cache keeping its answer without `Vary: Origin` replays it to step 2
 * (PRX/Infrastructure#412, apache/trafficserver#3954). Step 3 (origin B) after step 2 catches A's
 * reflected Allow-Origin replayed to B (samvera/serverless-iiif#110). The preflight is sent twice:
 * the second is answered from the cache only if the CDN caches OPTIONS (nulib/meadow PR#2385).
 *
 * The direct steps are cache-busted, each with its own value: they are the bucket's answer now, the
 * reference the public answers are compared with, and any cache between (a forward proxy) must not
 * answer them, nor one direct step for another. Sign-free URLs are assumed: a presigned URL signs
 * its query, and an added parameter would break the signature.
 */
export function cacheCheckPlan(input: CacheCheckInput): CacheCheckPlan {
  const preflightHeaders: Record<string, string> = { 'Access-Control-Request-Method': input.preflightMethod ?? 'PUT' };
  if (input.preflightHeaders?.length) preflightHeaders['Access-Control-Request-Headers'] = input.preflightHeaders.join(',');
  const direct = (id: CacheCheckStepId) => withParameter(input.directUrl, CACHE_BUST_PARAMETER, `${input.nonce}-${id}`);
  const step = (
    id: CacheCheckStepId,
    target: CacheCheckStep['target'],
    method: CacheCheckStep['method'],
    origin: string | undefined,
    comparedWith?: CacheCheckStepId,
  ): CacheCheckStep => ({
    id,
    target,
    method,
    url: target === 'public' ? input.publicUrl : direct(id),
    headers: { ...(origin === undefined ? {} : { Origin: origin }), ...(method === 'OPTIONS' ? preflightHeaders : {}) },
    origin,
    cacheBusted: target === 'direct',
    comparedWith,
  });
  return {
    input,
    steps: [
      step('public-no-origin', 'public', 'GET', undefined),
      step('public-origin-a', 'public', 'GET', input.originA, 'direct-origin-a'),
      step('public-origin-b', 'public', 'GET', input.originB, 'direct-origin-b'),
      step('public-preflight-1', 'public', 'OPTIONS', input.originA, 'direct-preflight'),
      step('public-preflight-2', 'public', 'OPTIONS', input.originA, 'direct-preflight'),
      step('direct-origin-a', 'direct', 'GET', input.originA),
      step('direct-origin-b', 'direct', 'GET', input.originB),
      step('direct-preflight', 'direct', 'OPTIONS', input.originA),
    ],
  };
}
