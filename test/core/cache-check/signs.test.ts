// A cache's signs in its answers (caches-and-iac.md §1), as each cache sends them.
import { describe, expect, it } from 'vitest';
import { allowOriginValues, cacheSigns, variesOnOrigin, accessControlHeaders, observedAnswer } from '../../../src/core';
import { cloudflare, cloudfront, nginx, ok, varnish } from './answers';

describe('cacheSigns', () => {
  it.each([
    ['CloudFront hit', cloudfront(true, 42), 'cloudfront', true, 42],
    ['CloudFront miss', cloudfront(false), 'cloudfront', false, undefined],
    ['CloudFront RefreshHit', { 'X-Cache': ['RefreshHit from cloudfront'] }, 'cloudfront', true, undefined],
    ['Cloudflare HIT', cloudflare('HIT', 7), 'cloudflare', true, 7],
    ['Cloudflare DYNAMIC', cloudflare('DYNAMIC'), 'cloudflare', false, undefined],
    ['Cloudflare EXPIRED', cloudflare('EXPIRED'), 'cloudflare', false, undefined],
    ['nginx HIT', nginx('HIT'), 'nginx', true, undefined],
    ['nginx MISS', nginx('MISS'), 'nginx', false, undefined],
    ['Varnish hit (two ids)', varnish('32770 98311', 12), 'varnish', true, 12],
    ['Varnish miss (one id)', varnish('32770', 0), 'varnish', false, 0],
    ['an unnamed cache with Age', { Age: ['30'] }, 'unknown', true, 30],
    ['a proxy with Via only', { Via: ['1.1 proxy.internal'] }, 'unknown', undefined, undefined],
    ['no cache at all', { 'Content-Type': ['image/png'] }, undefined, undefined, undefined],
  ] as const)('reads %s', (_, headers, kind, hit, ageSeconds) => {
    const signs = cacheSigns(ok({ ...headers }));
    expect({ kind: signs.kind, hit: signs.hit, ageSeconds: signs.ageSeconds }).toEqual({ kind, hit, ageSeconds });
  });

  it('lists the sign headers as received, names in any case', () => {
    expect(cacheSigns(ok({ 'x-cache': ['Hit from cloudfront'], age: ['5'] })).signs).toEqual([
      { name: 'Age', value: '5' },
      { name: 'X-Cache', value: 'Hit from cloudfront' },
    ]);
  });
});

describe('reading repeated headers', () => {
  it('counts Allow-Origin values on two lines and comma-joined alike', () => {
    expect(allowOriginValues(ok({ 'Access-Control-Allow-Origin': ['https://a.example', '*'] }))).toEqual(['https://a.example', '*']);
    expect(allowOriginValues(ok({ 'access-control-allow-origin': ['https://a.example, *'] }))).toEqual(['https://a.example', '*']);
  });

  it('finds Origin in Vary among other names, or Vary: *', () => {
    expect(variesOnOrigin(ok({ Vary: ['Accept-Encoding', 'origin'] }))).toBe(true);
    expect(variesOnOrigin(ok({ Vary: ['*'] }))).toBe(true);
    expect(variesOnOrigin(ok({ Vary: ['Accept-Encoding'] }))).toBe(false);
  });

  it('keeps the Access-Control headers only, Vary left out', () => {
    expect(accessControlHeaders(ok({ 'Access-Control-Allow-Origin': ['*'], Vary: ['Origin'], 'Access-Control-Expose-Headers': ['ETag'], Age: ['3'] }))).toEqual({
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'ETag',
    });
  });
});

describe('observedAnswer', () => {
  it('keeps header lines apart per name, in order, so a repeated Access-Control-Allow-Origin stays two values', () => {
    const answer = observedAnswer(200, [['access-control-allow-origin', 'https://a.example'], ['vary', 'Origin'], ['access-control-allow-origin', '*']]);
    expect(answer).toEqual({ status: 200, headers: { 'access-control-allow-origin': ['https://a.example', '*'], vary: ['Origin'] } });
    expect(allowOriginValues(answer)).toEqual(['https://a.example', '*']);
  });
});
