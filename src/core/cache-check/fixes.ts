// What fixes a cache finding, chosen by the cache the answers show and the bucket's dialect
// (shared/design/caches-and-iac.md §1). Codes with params; messages/cache-check-messages words them.
import { dialectProfile, type Dialect } from '../dialects';
import type { CacheKind } from './signs';

export const CACHE_FIX_CODES = [
  'response-vary',
  'cloudfront-cache-key-origin',
  'cloudfront-cached-methods',
  'cloudflare-cache-key-origin',
  'cloudflare-remove-transform-rule',
  'nginx-cache-key-origin',
  'varnish-hash-origin',
  'cache-key-origin',
  'no-cache-preflight',
  'remove-added-allow-origin',
  'purge-cache',
  'forward-origin',
  'app-crossorigin-img',
  'app-fetch-no-store',
] as const;
export type CacheFixCode = (typeof CACHE_FIX_CODES)[number];

export interface CacheFixParamsByCode {
  /** Turn on ResponseVary: `Vary: Origin` on every answer, the request without Origin included. */
  'response-vary': { dialect: Dialect };
  /** Origin in the CloudFront cache policy's key, forwarded by the CORS-S3Origin origin request policy. */
  'cloudfront-cache-key-origin': Record<string, never>;
  /** Cache only GET and HEAD in the CloudFront behaviour, not OPTIONS. */
  'cloudfront-cached-methods': Record<string, never>;
  /** A Cloudflare cache rule whose custom key includes the Origin header. */
  'cloudflare-cache-key-origin': Record<string, never>;
  /** Remove the Cloudflare Transform Rule that sets Access-Control-Allow-Origin (`values`). */
  'cloudflare-remove-transform-rule': { values: string[] };
  /** `$http_origin` in nginx's proxy_cache_key. */
  'nginx-cache-key-origin': Record<string, never>;
  /** `hash_data(req.http.Origin)` in Varnish's vcl_hash. */
  'varnish-hash-origin': Record<string, never>;
  /** Key the cache on Origin, or make it honour `Vary: Origin` (a cache the answers do not name). */
  'cache-key-origin': { cache: CacheKind };
  /** Do not cache OPTIONS answers. */
  'no-cache-preflight': { cache: CacheKind };
  /** Remove the proxy's own Access-Control-Allow-Origin (`values`); the bucket's rules answer it. */
  'remove-added-allow-origin': { cache: CacheKind; values: string[] };
  /** Purge the object from the cache, after each CORS rule change. */
  'purge-cache': { cache: CacheKind };
  /** Forward the request's Origin header to the bucket (a cache the fix is not specific to). */
  'forward-origin': { cache: CacheKind };
  /** In the app: `crossorigin` on the `<img>` (and other elements) loading the object, so every request carries Origin. */
  'app-crossorigin-img': Record<string, never>;
  /** In the app: `fetch(url, { cache: 'no-store' })`, so the browser's own cache replays nothing. */
  'app-fetch-no-store': Record<string, never>;
}

export type CacheFix = { [C in CacheFixCode]: { code: C; params: CacheFixParamsByCode[C] } }[CacheFixCode];

/** The cache-key fix for the cache the answers show. */
export function keyOnOriginFix(cache: CacheKind): CacheFix {
  switch (cache) {
    case 'cloudfront':
      return { code: 'cloudfront-cache-key-origin', params: {} };
    case 'cloudflare':
      return { code: 'cloudflare-cache-key-origin', params: {} };
    case 'nginx':
      return { code: 'nginx-cache-key-origin', params: {} };
    case 'varnish':
      return { code: 'varnish-hash-origin', params: {} };
    default:
      return { code: 'cache-key-origin', params: { cache } };
  }
}

/**
 * ResponseVary, where the dialect has it (OSS and COS): S3 sends `Vary` only when the request
 * carries Origin, so the answer to an `<img>` is cached for every origin (porsche-design-system#1469).
 */
export function responseVaryFix(dialect: Dialect | undefined): CacheFix[] {
  return dialect !== undefined && dialectProfile(dialect).supportsResponseVary ? [{ code: 'response-vary', params: { dialect } }] : [];
}

/** Stop the cache keeping preflights (CloudFront: cached methods; nulib/meadow PR#2385). */
export function preflightFix(cache: CacheKind): CacheFix {
  return cache === 'cloudfront' ? { code: 'cloudfront-cached-methods', params: {} } : { code: 'no-cache-preflight', params: { cache } };
}

/** Remove the Access-Control-Allow-Origin the CDN adds (Cloudflare Transform Rule + R2: hackclub/cdn PR#100). */
export function addedHeaderFix(cache: CacheKind, values: string[]): CacheFix {
  return cache === 'cloudflare' ? { code: 'cloudflare-remove-transform-rule', params: { values } } : { code: 'remove-added-allow-origin', params: { cache, values } };
}

/** Pass Origin on to the bucket; CloudFront's fix is its cache-key fix, which forwards it too. */
export function forwardOriginFix(cache: CacheKind): CacheFix {
  return cache === 'cloudfront' ? keyOnOriginFix(cache) : { code: 'forward-origin', params: { cache } };
}

export function purgeFix(cache: CacheKind): CacheFix {
  return { code: 'purge-cache', params: { cache } };
}

/** What the app itself can do against a replayed answer without Origin. */
export const APP_FIXES: readonly CacheFix[] = [
  { code: 'app-crossorigin-img', params: {} },
  { code: 'app-fetch-no-store', params: {} },
];
