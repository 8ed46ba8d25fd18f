// The cache check's requests: the public ones in the order that lets a cache poison the next, none
// cache-busted; the direct ones each busted, so only the bucket answers them.
import { describe, expect, it } from 'vitest';
import { CACHE_BUST_PARAMETER, CACHE_CHECK_STEPS, cacheCheckPlan } from '../../../src/core';
import { A, B, DIRECT_URL, PUBLIC_URL } from './answers';

const plan = cacheCheckPlan({ publicUrl: PUBLIC_URL, directUrl: DIRECT_URL, originA: A, originB: B, preflightHeaders: ['content-type', 'x-amz-meta-owner'], nonce: 'r1' });

describe('cacheCheckPlan', () => {
  it('sends no Origin, origin A, origin B, then the preflight twice through the public URL, then the same CORS requests to the bucket', () => {
    expect(plan.steps.map((step) => [step.id, step.target, step.method, step.origin])).toEqual([
      ['public-no-origin', 'public', 'GET', undefined],
      ['public-origin-a', 'public', 'GET', A],
      ['public-origin-b', 'public', 'GET', B],
      ['public-preflight-1', 'public', 'OPTIONS', A],
      ['public-preflight-2', 'public', 'OPTIONS', A],
      ['direct-origin-a', 'direct', 'GET', A],
      ['direct-origin-b', 'direct', 'GET', B],
      ['direct-preflight', 'direct', 'OPTIONS', A],
    ]);
    expect(plan.steps.map((step) => step.id)).toEqual([...CACHE_CHECK_STEPS]);
  });

  it('leaves the public URL as pages use it, and busts each direct request with its own value', () => {
    for (const step of plan.steps.filter((s) => s.target === 'public')) expect([step.url, step.cacheBusted]).toEqual([PUBLIC_URL, false]);
    const direct = plan.steps.filter((s) => s.target === 'direct');
    for (const step of direct) {
      expect(step.cacheBusted).toBe(true);
      expect(new URL(step.url).searchParams.get(CACHE_BUST_PARAMETER)).toBe(`r1-${step.id}`);
      expect(step.url.startsWith(`${DIRECT_URL}?`)).toBe(true);
    }
    expect(new Set(direct.map((step) => step.url)).size).toBe(direct.length);
  });

  it('keeps a query the direct URL already has', () => {
    const withQuery = cacheCheckPlan({ publicUrl: PUBLIC_URL, directUrl: `${DIRECT_URL}?versionId=3`, originA: A, originB: B, nonce: 'n' });
    const url = new URL(withQuery.steps.find((step) => step.id === 'direct-origin-a')!.url);
    expect([url.searchParams.get('versionId'), url.searchParams.get(CACHE_BUST_PARAMETER)]).toEqual(['3', 'n-direct-origin-a']);
  });

  it('sends the headers a browser would: Origin, and the preflight questions on OPTIONS only', () => {
    const headersOf = (id: string) => plan.steps.find((step) => step.id === id)!.headers;
    expect(headersOf('public-no-origin')).toEqual({});
    expect(headersOf('public-origin-b')).toEqual({ Origin: B });
    expect(headersOf('public-preflight-2')).toEqual({ Origin: A, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type,x-amz-meta-owner' });
    const get = cacheCheckPlan({ publicUrl: PUBLIC_URL, directUrl: DIRECT_URL, originA: A, originB: B, preflightMethod: 'DELETE', nonce: 'n' });
    expect(get.steps.find((step) => step.id === 'direct-preflight')!.headers).toEqual({ Origin: A, 'Access-Control-Request-Method': 'DELETE' });
  });

  it('compares each public CORS step with the bucket answering the same request', () => {
    expect(Object.fromEntries(plan.steps.map((step) => [step.id, step.comparedWith]))).toEqual({
      'public-no-origin': undefined,
      'public-origin-a': 'direct-origin-a',
      'public-origin-b': 'direct-origin-b',
      'public-preflight-1': 'direct-preflight',
      'public-preflight-2': 'direct-preflight',
      'direct-origin-a': undefined,
      'direct-origin-b': undefined,
      'direct-preflight': undefined,
    });
  });
});
