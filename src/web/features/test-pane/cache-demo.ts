import { dialectProfile, type Dialect } from '../../../core';
import { newScratchKey } from '../../../contract/scratch';
import { presign, probe, removeScratch } from '../../api/testing';
import { performFetch, type FetchOutcome } from '../../lib/browser-fetch';
import { probeFailureText } from '../../lib/messages';
import { webText } from '../../lib/i18n/feature-text';

export interface CacheDemoResult {
  url: string;
  /** The bucket's answer to a GET without Origin: its Vary header, if any. */
  varyWithoutOrigin: string | undefined;
  /** Step 1: a GET without Origin (as `<img>` sends it), cached by the browser. */
  plain: FetchOutcome;
  /** Step 2: a CORS GET of the same URL, the browser cache allowed to answer. */
  cachedCors: FetchOutcome;
  /** Step 3: the same CORS GET, bypassing the cache. */
  freshCors: FetchOutcome;
  /** Whether step 2 failed only because of the cache. */
  reproduced: boolean;
  /** What to do about it on this provider. */
  fix: string;
}

const CACHE_FOR_SECONDS = 600;

export function cacheFix(dialect: Dialect): string {
  return webText(dialectProfile(dialect).supportsResponseVary ? 'test-pane.cache.fix-response-vary' : 'test-pane.cache.fix-crossorigin');
}

/**
 * Reproduces the failure vendor docs warn about: an object first fetched without Origin (an
 * `<img>`) is cached without CORS headers and without `Vary: Origin`; a later fetch() of the same
 * URL gets that cached copy and is blocked, though the bucket itself would allow it. A fresh,
 * cacheable object is written for each run, so earlier runs cannot interfere.
 */
export async function runCacheDemo(profile: string, bucket: string, dialect: Dialect): Promise<CacheDemoResult> {
  // A scratch object, removed once the demo's fetches are done (and by the server later, should that fail).
  const key = newScratchKey();
  // Written and read through presigned URLs, so the demo works on private buckets too.
  const target = { profile, bucket };
  // Typed as the image an <img> loads: Chromium's opaque-response blocking drops (and does not
  // cache) a no-cors text/plain answer that carries `X-Content-Type-Options: nosniff`, as the
  // embedded store's gate sends on every answer; an image passes (measured in Chromium, e2e).
  const written = await probe(target, { key, method: 'PUT', headers: { 'cache-control': `max-age=${CACHE_FOR_SECONDS}`, 'content-type': 'image/png' }, send: 'actual', body: 'cors-console cache demo\n', signed: true });
  const status = written.actual?.response?.status;
  if (status === undefined || status >= 300) {
    const error = written.actual?.error;
    throw new Error(error ? webText('test-pane.cache.write-failed', { bucket, reason: probeFailureText(error) }) : webText('test-pane.cache.write-failed-status', { bucket, status: String(status) }));
  }
  const { url } = await presign(target, { key, method: 'GET', expiresSeconds: CACHE_FOR_SECONDS });
  const withoutOrigin = await probe(target, { key, method: 'GET', send: 'actual', signed: true });
  const plain = await performFetch({ url, method: 'GET', headers: {}, credentials: 'omit', cache: 'default', mode: 'no-cors' });
  const cachedCors = await performFetch({ url, method: 'GET', headers: {}, credentials: 'omit', cache: 'default' });
  const freshCors = await performFetch({ url, method: 'GET', headers: {}, credentials: 'omit', cache: 'no-store' });
  await removeScratch(target, { key }).catch(() => undefined);
  return {
    url,
    varyWithoutOrigin: withoutOrigin.actual?.response?.headers['vary'],
    plain,
    cachedCors,
    freshCors,
    reproduced: !cachedCors.readable && freshCors.readable,
    fix: cacheFix(dialect),
  };
}
