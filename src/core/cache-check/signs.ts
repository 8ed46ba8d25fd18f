// The signs a cache leaves in its answers (shared/design/caches-and-iac.md §1): which cache it
// looks like, whether this answer came from it, and how old it is.
import { headerValues, type ObservedAnswer } from './headers';

export const CACHE_KINDS = ['cloudfront', 'cloudflare', 'nginx', 'varnish', 'unknown'] as const;
export type CacheKind = (typeof CACHE_KINDS)[number];

/** The headers that show a cache, as received (name as the check names it, value verbatim). */
export const CACHE_SIGN_HEADERS = ['Age', 'X-Cache', 'cf-cache-status', 'Via', 'X-Cache-Status', 'X-Varnish'] as const;

export interface CacheSign {
  name: (typeof CACHE_SIGN_HEADERS)[number];
  value: string;
}

export interface CacheSigns {
  /** Every sign header present, in CACHE_SIGN_HEADERS order. */
  signs: CacheSign[];
  /** The cache it looks like; `undefined` when the answer shows none. */
  kind: CacheKind | undefined;
  /** `true`: answered from the cache; `false`: the cache says it fetched it; `undefined`: no sign says. */
  hit: boolean | undefined;
  /** Seconds the answer spent in a cache (`Age`), when sent. */
  ageSeconds: number | undefined;
}

// CloudFront: `X-Cache: Hit from cloudfront` / `RefreshHit from cloudfront` / `Miss from cloudfront`
// (other words, `Error from cloudfront`, say neither; Age decides then).
const X_CACHE_HIT = /^\s*(refresh)?hit\b/i;
const X_CACHE_MISS = /^\s*miss\b/i;
// Cloudflare's cf-cache-status: HIT, STALE, UPDATING and REVALIDATED are served from its cache;
// MISS, EXPIRED, BYPASS and DYNAMIC came from the origin.
const CLOUDFLARE_HIT = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED']);
// nginx's $upstream_cache_status: the same words (HIT, STALE, UPDATING, REVALIDATED from the cache).
const NGINX_HIT = CLOUDFLARE_HIT;

function first(answer: ObservedAnswer, name: string): string | undefined {
  return headerValues(answer, name)[0]?.trim();
}

/** The cache signs of one answer. */
export function cacheSigns(answer: ObservedAnswer): CacheSigns {
  const signs = CACHE_SIGN_HEADERS.flatMap((name) => headerValues(answer, name).map((value) => ({ name, value })));
  const xCache = first(answer, 'x-cache');
  const cloudflare = first(answer, 'cf-cache-status');
  const nginx = first(answer, 'x-cache-status');
  const varnish = first(answer, 'x-varnish');
  const via = headerValues(answer, 'via').join(', ');
  const ageText = first(answer, 'age');
  const ageSeconds = ageText !== undefined && /^\d+$/.test(ageText) ? Number(ageText) : undefined;

  let kind: CacheKind | undefined;
  if (/cloudfront/i.test(xCache ?? '') || /cloudfront/i.test(via)) kind = 'cloudfront';
  else if (cloudflare !== undefined) kind = 'cloudflare';
  else if (varnish !== undefined || /varnish/i.test(via)) kind = 'varnish';
  else if (nginx !== undefined) kind = 'nginx';
  else if (signs.length) kind = 'unknown';

  // The cache's own word first; `Age` above 0 otherwise, as an answer made now has none or 0
  // (RFC 9111 §5.1: Age is the time since the origin made it). Varnish's X-Varnish holds two
  // request ids on a hit (this request's and the one that stored it), one on a miss.
  let hit: boolean | undefined;
  if (xCache !== undefined && (X_CACHE_HIT.test(xCache) || X_CACHE_MISS.test(xCache))) hit = X_CACHE_HIT.test(xCache);
  else if (cloudflare !== undefined) hit = CLOUDFLARE_HIT.has(cloudflare.toUpperCase());
  else if (nginx !== undefined) hit = NGINX_HIT.has(nginx.toUpperCase());
  else if (varnish !== undefined) hit = varnish.split(/\s+/).length >= 2;
  if (hit === undefined && ageSeconds !== undefined) hit = ageSeconds > 0;
  return { signs, kind, hit, ageSeconds };
}
