// Answers as a bucket and the caches in front of it send them, for the cache check's tests. The
// bucket's answers are S3's (an echoed origin, Allow-Methods on actual requests, Vary only when
// the request carries Origin: caches-and-iac.md §1); each cache adds its own sign headers.
import type { CacheCheckStepId, ObservedAnswer } from '../../../src/core';

export const A = 'https://app-a.example.com';
export const B = 'https://app-b.example.com';
export const PUBLIC_URL = 'https://cdn.example.com/assets/logo.png';
export const DIRECT_URL = 'https://media.s3.eu-west-1.amazonaws.com/assets/logo.png';

type Headers = Record<string, string[]>;
const OBJECT: Headers = { 'Content-Type': ['image/png'], 'Content-Length': ['5120'], ETag: ['"9b2cf535f27731c974343645a3985328"'], 'Last-Modified': ['Tue, 01 Dec 2026 09:00:00 GMT'] };
const VARY = ['Origin, Access-Control-Request-Headers, Access-Control-Request-Method'];

/** The bucket's GET answer: with CORS headers when `origin` is one its rules allow (`methods`). */
export function bucketGet(origin: string | undefined, methods = 'GET, PUT', allowed: readonly string[] = [A, B]): Headers {
  if (origin === undefined) return { ...OBJECT };
  if (!allowed.includes(origin)) return { ...OBJECT };
  return { ...OBJECT, 'Access-Control-Allow-Origin': [origin], 'Access-Control-Allow-Methods': [methods], Vary: VARY };
}

/** The bucket's preflight answer for `origin`, PUT asked for. */
export function bucketPreflight(origin: string, methods = 'GET, PUT'): Headers {
  return { 'Access-Control-Allow-Origin': [origin], 'Access-Control-Allow-Methods': [methods], 'Access-Control-Max-Age': ['3000'], Vary: VARY, 'Content-Length': ['0'] };
}

export const ok = (headers: ObservedAnswer['headers'], status = 200): ObservedAnswer => ({ status, headers });

/** Headers with a cache's sign headers added. */
export const via = (headers: Headers, signs: Headers): Headers => ({ ...headers, ...signs });

/** The direct answers of a bucket allowing `allowed` (`methods` for both GET and the preflight). */
export function directAnswers(methods = 'GET, PUT', allowed: readonly string[] = [A, B]): Partial<Record<CacheCheckStepId, ObservedAnswer>> {
  return {
    'direct-origin-a': ok(bucketGet(A, methods, allowed)),
    'direct-origin-b': ok(bucketGet(B, methods, allowed)),
    'direct-preflight': ok(bucketPreflight(A, methods)),
  };
}

// Each cache's signs, as it sends them.
export const nginx = (status: 'HIT' | 'MISS' | 'EXPIRED'): Headers => ({ 'X-Cache-Status': [status], Server: ['nginx/1.26.3'] });
export const cloudfront = (hit: boolean, age?: number): Headers => ({
  'X-Cache': [hit ? 'Hit from cloudfront' : 'Miss from cloudfront'],
  Via: ['1.1 5d4f0e6a0d3a1c2b.cloudfront.net (CloudFront)'],
  'X-Amz-Cf-Pop': ['FRA56-P5'],
  ...(age === undefined ? {} : { Age: [String(age)] }),
});
export const cloudflare = (status: 'HIT' | 'MISS' | 'DYNAMIC' | 'EXPIRED', age?: number): Headers => ({
  'cf-cache-status': [status],
  'CF-RAY': ['8f1c2a3b4c5d6e7f-FRA'],
  Server: ['cloudflare'],
  ...(age === undefined ? {} : { Age: [String(age)] }),
});
/** Varnish: `X-Varnish` holds this request's id, then on a hit the id of the request that stored it. */
export const varnish = (ids: string, age: number): Headers => ({ 'X-Varnish': [ids], Age: [String(age)], Via: ['1.1 cache-1 (Varnish/7.1)'] });
