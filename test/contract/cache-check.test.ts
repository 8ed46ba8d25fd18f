// The cache check's contract: the core's findings and fixes cross the wire whole (through JSON,
// which drops `undefined`), and the body takes only what the check can send.
import { describe, expect, it } from 'vitest';
import { cacheCheckBodySchema, cacheCheckStepResultSchema } from '../../src/contract/cache-check';
import { cacheFindingSchema } from '../../src/contract/core-values';
import { analyseCacheCheck, cacheCheckPlan, cacheSigns, type CacheCheckStepId, type ObservedAnswer } from '../../src/core';
import { A, B, DIRECT_URL, PUBLIC_URL, bucketGet, bucketPreflight, directAnswers, nginx, ok, varnish, via } from '../core/cache-check/answers';

const plan = cacheCheckPlan({ publicUrl: PUBLIC_URL, directUrl: DIRECT_URL, originA: A, originB: B, nonce: 'n1' });
const wire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('cache check findings on the wire', () => {
  const observed: Partial<Record<CacheCheckStepId, ObservedAnswer>> = {
    'public-no-origin': ok(via(bucketGet(undefined), nginx('MISS'))),
    'public-origin-a': ok(via(bucketGet(undefined), nginx('HIT'))),
    'public-origin-b': ok(via({ ...bucketGet(A), 'Access-Control-Allow-Origin': [A, '*'] }, varnish('5 3', 2))),
    'public-preflight-1': ok(via(bucketPreflight(A), varnish('7', 0))),
    'public-preflight-2': ok(via(bucketPreflight(A), varnish('9 7', 1))),
    ...directAnswers(),
  };
  const result = analyseCacheCheck(plan, observed, { dialect: 'oss' });

  it('passes every finding whole, its fixes and an absent age included', () => {
    expect(result.findings.length).toBeGreaterThanOrEqual(3);
    for (const finding of result.findings) expect(cacheFindingSchema.parse(wire(finding))).toEqual(finding);
    expect(result.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['cache.no-vary-origin', 'cache.multiple-allow-origin', 'cache.preflight-cached']));
  });

  it("refuses a finding with another code's params, or a fix that is a sentence", () => {
    const [first] = result.findings;
    expect(cacheFindingSchema.safeParse({ ...first, code: 'cache.preflight-cached', params: { step: 'public-origin-a' } }).success).toBe(false);
    expect(cacheFindingSchema.safeParse({ ...first, fixes: ['Purge the cache.'] }).success).toBe(false);
  });

  it('keeps a step whose request had no Origin and whose answer shows no cache', () => {
    const step = plan.steps[0]!;
    const answer: ObservedAnswer = { status: 200, headers: {} };
    const sent = { step, response: { status: 200, headers: {}, lines: [] }, timing: { totalMs: 3 }, signs: cacheSigns(answer) };
    expect(cacheCheckStepResultSchema.parse(wire(sent))).toEqual(sent);
  });
});

describe('cache check body', () => {
  it('defaults the preflight to PUT without headers', () => {
    expect(cacheCheckBodySchema.parse({ key: 'logo.png', originA: A, originB: B })).toEqual({ key: 'logo.png', originA: A, originB: B, preflightMethod: 'PUT', preflightHeaders: [] });
  });

  it.each([
    ['an origin with a path', { originA: `${A}/app` }],
    ['an origin with a trailing slash', { originA: `${A}/` }],
    ['an origin without a scheme', { originB: 'app-b.example.com' }],
    ['a file: origin', { originB: 'file:///tmp' }],
    ['a preflight method the core does not model', { preflightMethod: 'PATCH' }],
    ['a header name with a space', { preflightHeaders: ['x a'] }],
    ['an unknown field', { signed: true }],
    ['a dot-segment key', { key: 'a/../b' }],
  ])('refuses %s', (_name, change) => {
    expect(cacheCheckBodySchema.safeParse({ key: 'logo.png', originA: A, originB: B, ...change }).success).toBe(false);
  });
});
