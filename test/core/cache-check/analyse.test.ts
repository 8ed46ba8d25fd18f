// The five ways a cache in front of a bucket breaks CORS (caches-and-iac.md §1), each as the
// answers a real cache gives, named with the fix for that cache; and five correct setups, which
// must give no finding: a false alarm sends people to fix a cache that works.
import { describe, expect, it } from 'vitest';
import { analyseCacheCheck, cacheCheckPlan, type CacheCheckStepId, type Dialect, type ObservedAnswer } from '../../../src/core';
import { A, B, DIRECT_URL, PUBLIC_URL, bucketGet, bucketPreflight, cloudflare, cloudfront, directAnswers, nginx, ok, varnish, via } from './answers';

const plan = cacheCheckPlan({ publicUrl: PUBLIC_URL, directUrl: DIRECT_URL, originA: A, originB: B, nonce: 'run-1' });
type Observed = Partial<Record<CacheCheckStepId, ObservedAnswer>>;
const check = (observed: Observed, dialect?: Dialect) => analyseCacheCheck(plan, observed, dialect ? { dialect } : {});
const codes = (observed: Observed) => check(observed).findings.map((finding) => finding.code);

describe('poisoning setups', () => {
  // nginx `proxy_cache_key $scheme$host$request_uri` (no Origin): the answer to the request without
  // Origin carries no Vary (S3 sends Vary only when asked with Origin), so nginx replays it to A and B.
  const noVary: Observed = {
    'public-no-origin': ok(via(bucketGet(undefined), nginx('MISS'))),
    'public-origin-a': ok(via(bucketGet(undefined), nginx('HIT'))),
    'public-origin-b': ok(via(bucketGet(undefined), nginx('HIT'))),
    // nginx caches GET and HEAD only: $upstream_cache_status is empty, add_header sends nothing.
    'public-preflight-1': ok(bucketPreflight(A)),
    'public-preflight-2': ok(bucketPreflight(A)),
    ...directAnswers(),
  };

  it('1. the answer without Origin, cached without Vary: Origin and replayed to CORS requests (nginx)', () => {
    const result = check(noVary, 's3');
    expect(result.cache).toBe('nginx');
    expect(result.findings).toEqual([
      {
        code: 'cache.no-vary-origin',
        params: { step: 'public-origin-a', steps: ['public-origin-a', 'public-origin-b'], cache: 'nginx', origin: A, bucketAllowOrigin: A, signs: ['X-Cache-Status: HIT'], ageSeconds: undefined },
        fixes: [
          { code: 'nginx-cache-key-origin', params: {} },
          { code: 'purge-cache', params: { cache: 'nginx' } },
          { code: 'app-crossorigin-img', params: {} },
          { code: 'app-fetch-no-store', params: {} },
        ],
      },
    ]);
  });

  it('1. offers ResponseVary first where the dialect has it (OSS, COS), not on S3', () => {
    for (const dialect of ['oss', 'cos'] as const) expect(check(noVary, dialect).findings[0]!.fixes[0]).toEqual({ code: 'response-vary', params: { dialect } });
    for (const dialect of ['s3', 'rgw', 'r2'] as const) expect(check(noVary, dialect).findings[0]!.fixes.map((fix) => fix.code)).not.toContain('response-vary');
  });

  it('1. names a cache that ignores the Vary: Origin it keeps (CloudFront without Origin in the key)', () => {
    // ResponseVary on (OSS): the answer without Origin says Vary: Origin, but the cache key has no Origin.
    const withVary = { ...bucketGet(undefined), Vary: ['Origin'] };
    const result = check({
      'public-no-origin': ok(via(withVary, cloudfront(false))),
      'public-origin-a': ok(via(withVary, cloudfront(true, 4))),
      'public-origin-b': ok(via(withVary, cloudfront(true, 5))),
      ...directAnswers(),
    });
    expect(result.findings.map((finding) => [finding.code, finding.params.steps, finding.fixes.map((fix) => fix.code)])).toEqual([
      ['cache.vary-ignored', ['public-origin-a', 'public-origin-b'], ['cloudfront-cache-key-origin', 'purge-cache']],
    ]);
  });

  it('2. the Allow-Origin reflected for A replayed to B (Varnish hashing without Origin, Vary stripped)', () => {
    // VCL: `if (!req.http.Origin) { return (pass); }` and `unset beresp.http.Vary;` in vcl_backend_response.
    const strip = (headers: Record<string, string[]>) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'Vary'));
    const result = check({
      'public-no-origin': ok(via(bucketGet(undefined), varnish('32770', 0))),
      'public-origin-a': ok(via(strip(bucketGet(A)), varnish('32772', 0))),
      'public-origin-b': ok(via(strip(bucketGet(A)), varnish('32775 32772', 3))),
      'public-preflight-1': ok(via(bucketPreflight(A), varnish('32777', 0))),
      'public-preflight-2': ok(via(bucketPreflight(A), varnish('32779', 0))),
      ...directAnswers(),
    });
    expect(result.findings).toEqual([
      {
        code: 'cache.other-origin-replayed',
        params: { step: 'public-origin-b', steps: ['public-origin-b'], cache: 'varnish', origin: B, replayedOrigin: A, signs: ['Age: 3', 'Via: 1.1 cache-1 (Varnish/7.1)', 'X-Varnish: 32775 32772'], ageSeconds: 3 },
        fixes: [{ code: 'varnish-hash-origin', params: {} }, { code: 'purge-cache', params: { cache: 'varnish' } }],
      },
    ]);
  });

  it('2. the same through CloudFront', () => {
    const result = check({
      'public-origin-a': ok(via(bucketGet(A), cloudfront(false))),
      'public-origin-b': ok(via(bucketGet(A), cloudfront(true, 9))),
      ...directAnswers(),
    });
    expect(result.findings.map((finding) => [finding.code, finding.fixes[0]!.code])).toEqual([['cache.other-origin-replayed', 'cloudfront-cache-key-origin']]);
  });

  it('3. a cached preflight, with its age (CloudFront caching OPTIONS)', () => {
    const result = check({
      'public-no-origin': ok(via(bucketGet(undefined), cloudfront(false))),
      'public-origin-a': ok(via(bucketGet(A), cloudfront(false))),
      'public-origin-b': ok(via(bucketGet(B), cloudfront(false))),
      'public-preflight-1': ok(via(bucketPreflight(A), cloudfront(false))),
      'public-preflight-2': ok(via(bucketPreflight(A), cloudfront(true, 12))),
      ...directAnswers(),
    });
    expect(result.findings).toEqual([
      {
        code: 'cache.preflight-cached',
        params: {
          step: 'public-preflight-2',
          steps: ['public-preflight-2'],
          cache: 'cloudfront',
          signs: ['Age: 12', 'X-Cache: Hit from cloudfront', 'Via: 1.1 5d4f0e6a0d3a1c2b.cloudfront.net (CloudFront)'],
          ageSeconds: 12,
        },
        fixes: [{ code: 'cloudfront-cached-methods', params: {} }, { code: 'purge-cache', params: { cache: 'cloudfront' } }],
      },
    ]);
  });

  it('3. a cached preflight after a rule change is also stale, naming the header that changed', () => {
    // PUT was added to the rule after CloudFront cached the preflight answered with GET only.
    const old = bucketPreflight(A, 'GET');
    const result = check({
      'public-preflight-1': ok(via(old, cloudfront(true, 600))),
      'public-preflight-2': ok(via(old, cloudfront(true, 601))),
      ...directAnswers('GET, PUT'),
    });
    expect(result.findings.map((finding) => [finding.code, finding.params.steps])).toEqual([
      ['cache.preflight-cached', ['public-preflight-1', 'public-preflight-2']],
      ['cache.stale-answer', ['public-preflight-1', 'public-preflight-2']],
    ]);
    expect(result.findings[0]!.params).toMatchObject({ ageSeconds: 600 });
    expect(result.findings[1]!.params).toMatchObject({ headers: [{ name: 'access-control-allow-methods', cached: 'GET', bucket: 'GET, PUT' }] });
  });

  it('4. two Allow-Origin values: a Cloudflare Transform Rule adding * beside the bucket’s (hackclub/cdn PR#100)', () => {
    const add = (headers: Record<string, string[]>) => ({ ...headers, 'Access-Control-Allow-Origin': [...(headers['Access-Control-Allow-Origin'] ?? []), '*'] });
    const result = check({
      'public-no-origin': ok(via(add(bucketGet(undefined)), cloudflare('MISS'))),
      'public-origin-a': ok(via(add(bucketGet(A)), cloudflare('MISS'))),
      'public-origin-b': ok(via(add(bucketGet(B)), cloudflare('MISS'))),
      'public-preflight-1': ok(via(add(bucketPreflight(A)), cloudflare('DYNAMIC'))),
      'public-preflight-2': ok(via(add(bucketPreflight(A)), cloudflare('DYNAMIC'))),
      ...directAnswers(),
    });
    expect(result.findings).toEqual([
      {
        code: 'cache.multiple-allow-origin',
        params: { step: 'public-origin-a', steps: ['public-origin-a', 'public-origin-b', 'public-preflight-1', 'public-preflight-2'], cache: 'cloudflare', values: [A, '*'], bucketValues: [A] },
        fixes: [{ code: 'cloudflare-remove-transform-rule', params: { values: ['*'] } }],
      },
    ]);
  });

  it('4. an Allow-Origin the proxy sets where the bucket sends none (nginx add_header)', () => {
    // The bucket allows A only; nginx's `add_header Access-Control-Allow-Origin *` answers B anyway.
    const result = check({
      'public-origin-a': ok(via({ ...bucketGet(A, 'GET, PUT', [A]) }, nginx('MISS'))),
      'public-origin-b': ok(via({ ...bucketGet(B, 'GET, PUT', [A]), 'Access-Control-Allow-Origin': ['*'] }, nginx('MISS'))),
      ...directAnswers('GET, PUT', [A]),
    });
    expect(result.findings).toEqual([
      {
        code: 'cache.added-allow-origin',
        params: { step: 'public-origin-b', steps: ['public-origin-b'], cache: 'nginx', values: ['*'], bucketValues: [] },
        fixes: [{ code: 'remove-added-allow-origin', params: { cache: 'nginx', values: ['*'] } }],
      },
    ]);
  });

  it('5. a cached answer the bucket no longer gives: origin B removed from the rules since (Cloudflare)', () => {
    const result = check({
      'public-no-origin': ok(via(bucketGet(undefined), cloudflare('HIT', 3000))),
      'public-origin-a': ok(via(bucketGet(A), cloudflare('HIT', 2990))),
      'public-origin-b': ok(via(bucketGet(B), cloudflare('HIT', 2980))),
      ...directAnswers('GET, PUT', [A]),
    });
    expect(result.findings).toEqual([
      {
        code: 'cache.stale-answer',
        params: {
          step: 'public-origin-b',
          steps: ['public-origin-b'],
          cache: 'cloudflare',
          headers: [
            { name: 'access-control-allow-methods', cached: 'GET, PUT', bucket: undefined },
            { name: 'access-control-allow-origin', cached: B, bucket: undefined },
          ],
          signs: ['Age: 2980', 'cf-cache-status: HIT'],
          ageSeconds: 2980,
        },
        fixes: [{ code: 'purge-cache', params: { cache: 'cloudflare' } }],
      },
    ]);
  });
});

describe('a cache that does not pass Origin on', () => {
  it('names CORS requests fetched from the bucket without Origin (CloudFront forwarding no headers)', () => {
    const result = check({
      'public-no-origin': ok(via(bucketGet(undefined), cloudfront(false))),
      'public-origin-a': ok(via(bucketGet(undefined), cloudfront(false))),
      ...directAnswers(),
    });
    expect(result.findings.map((finding) => [finding.code, finding.params.steps, finding.fixes])).toEqual([
      ['cache.origin-not-forwarded', ['public-origin-a'], [{ code: 'cloudfront-cache-key-origin', params: {} }]],
    ]);
    const nginxResult = check({ 'public-origin-b': ok(via(bucketGet(undefined), nginx('MISS'))), ...directAnswers() });
    expect(nginxResult.findings[0]!.fixes).toEqual([{ code: 'forward-origin', params: { cache: 'nginx' } }]);
  });
});

describe('correct setups give no finding', () => {
  it('nginx keyed on $http_origin, on a second run (every GET a hit, each with its own origin)', () => {
    expect(
      codes({
        'public-no-origin': ok(via(bucketGet(undefined), nginx('HIT'))),
        'public-origin-a': ok(via(bucketGet(A), nginx('HIT'))),
        'public-origin-b': ok(via(bucketGet(B), nginx('HIT'))),
        'public-preflight-1': ok(bucketPreflight(A)),
        'public-preflight-2': ok(bucketPreflight(A)),
        ...directAnswers(),
      }),
    ).toEqual([]);
  });

  it('Varnish honouring Vary: Origin in front of OSS with ResponseVary, preflights passed', () => {
    const vary = (headers: Record<string, string[]>) => ({ ...headers, Vary: ['Origin'] });
    expect(
      codes({
        'public-no-origin': ok(via(vary(bucketGet(undefined)), varnish('65538', 0))),
        'public-origin-a': ok(via(vary(bucketGet(A)), varnish('65540', 0))),
        'public-origin-b': ok(via(vary(bucketGet(B)), varnish('65543', 0))),
        'public-preflight-1': ok(via(bucketPreflight(A), varnish('65545', 0))),
        'public-preflight-2': ok(via(bucketPreflight(A), varnish('65547', 0))),
        ...directAnswers(),
      }),
    ).toEqual([]);
  });

  it('CloudFront with Origin in the cache key and CORS-S3Origin, OPTIONS not cached', () => {
    expect(
      codes({
        'public-no-origin': ok(via(bucketGet(undefined), cloudfront(true, 86000))),
        'public-origin-a': ok(via(bucketGet(A), cloudfront(true, 300))),
        'public-origin-b': ok(via(bucketGet(B), cloudfront(false))),
        'public-preflight-1': ok(via(bucketPreflight(A), cloudfront(false))),
        'public-preflight-2': ok(via(bucketPreflight(A), cloudfront(false))),
        ...directAnswers(),
      }),
    ).toEqual([]);
  });

  it('Cloudflare replaying * to every origin: * is right for all of them', () => {
    const star = (headers: Record<string, string[]>) => ({ ...headers, 'Access-Control-Allow-Origin': ['*'] });
    expect(
      codes({
        'public-origin-a': ok(via(star(bucketGet(A)), cloudflare('HIT', 40))),
        'public-origin-b': ok(via(star(bucketGet(A)), cloudflare('HIT', 41))),
        'public-preflight-1': ok(via(star(bucketPreflight(A)), cloudflare('DYNAMIC'))),
        'public-preflight-2': ok(via(star(bucketPreflight(A)), cloudflare('DYNAMIC'))),
        'direct-origin-a': ok(star(bucketGet(A))),
        'direct-origin-b': ok(star(bucketGet(B))),
        'direct-preflight': ok(star(bucketPreflight(A))),
      }),
    ).toEqual([]);
  });

  it('a cached answer without Allow-Origin for an origin the bucket refuses anyway (nginx keyed on Origin)', () => {
    expect(
      codes({
        'public-no-origin': ok(via(bucketGet(undefined), nginx('MISS'))),
        'public-origin-a': ok(via(bucketGet(A, 'GET, PUT', [A]), nginx('HIT'))),
        'public-origin-b': ok(via(bucketGet(B, 'GET, PUT', [A]), nginx('HIT'))),
        ...directAnswers('GET, PUT', [A]),
      }),
    ).toEqual([]);
  });

  it('answers without any cache sign, or steps left unanswered, prove nothing', () => {
    expect(codes({ 'public-origin-a': ok(bucketGet(undefined)), ...directAnswers() })).toEqual([]);
    expect(codes({ 'public-origin-a': ok(via(bucketGet(undefined), nginx('HIT'))) })).toEqual([]);
    expect(check({}).cache).toBeUndefined();
  });
});
