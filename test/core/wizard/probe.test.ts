import { describe, expect, it } from 'vitest';
import { sampleChangeText } from '../../../src/core';
import { changeMeter, compareConfigs, hasRegression, probeFetches, probesAround, sampleRequest, UNLISTED_ORIGIN } from '../../../src/core/wizard/probe';
import { rule } from '../../support/builders';

const APP = 'https://app.example.com';
const sample = (method: string, credentials: boolean, headers?: string[]) => ({ request: { method, origin: APP, headers: [], credentials }, ...(headers ? { headers } : {}) });

describe('probeFetches', () => {
  it('covers every listed origin, a member of each wildcard, an unlisted origin, every method and each allowed header', () => {
    const probes = probeFetches([{ rules: [rule({ allowedOrigins: [APP, 'https://*.example.org'], allowedHeaders: ['x-amz-meta-*', 'Content-Type'] })] }]);
    expect(new Set(probes.map((p) => p.origin))).toEqual(new Set([UNLISTED_ORIGIN, APP, 'https://sample.example.org']));
    expect(new Set(probes.map((p) => p.method))).toEqual(new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']));
    expect(new Set(probes.map((p) => JSON.stringify(p.headers)))).toEqual(new Set(['{}', '{"x-amz-meta-sample":"sample"}', '{"content-type":"application/json"}']));
    expect(probes).toHaveLength(3 * 5 * 3 * 2);
  });
});

describe('compareConfigs', () => {
  const before = { rules: [rule({ allowedMethods: ['GET', 'PUT'] })] };

  it('finds requests a change lets through', () => {
    const change = compareConfigs(before, { rules: [rule({ allowedMethods: ['GET', 'PUT', 'DELETE'] })] }, 's3');
    expect(change.newlyAllowed).toEqual([sample('DELETE', false), sample('DELETE', true)]);
    expect(hasRegression(change)).toBe(false);
  });

  it('finds requests a change blocks, and headers it stops exposing', () => {
    const exposing = { rules: [rule({ allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })] };
    const change = compareConfigs(exposing, { rules: [rule({})] }, 's3');
    expect(change.newlyBlocked).toEqual([sample('PUT', false), sample('PUT', true)]);
    expect(change.noLongerReadable).toEqual([sample('GET', false, ['etag']), sample('GET', true, ['etag'])]);
    expect(change.noLongerReadable.map(sampleChangeText)).toEqual([`GET from ${APP}: etag`, `GET from ${APP} (with credentials): etag`]);
    expect(hasRegression(change)).toBe(true);
  });

  it('describes a request with its headers, lowercased and sorted', () => {
    const request = sampleRequest({ origin: APP, method: 'PUT', headers: { 'X-Foo': '1', 'Content-Type': 'a/b' }, credentials: 'include' });
    expect(request).toEqual({ method: 'PUT', origin: APP, headers: ['content-type', 'x-foo'], credentials: true });
    expect(sampleChangeText({ request })).toBe(`PUT from ${APP} with content-type, x-foo (with credentials)`);
  });
});

describe('probesAround', () => {
  const big = { rules: Array.from({ length: 100 }, (_, i) => rule({ allowedOrigins: [`https://s${i}.example`, 'https://*.corp.example'], allowedMethods: ['GET', 'PUT'], allowedHeaders: [`x-h${i}`] })) };

  it('samples only the touched rule\'s origins and methods, whatever the size of the configuration', () => {
    const touched = rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['x-mine'] });
    const probes = probesAround(big, [touched]);
    expect(new Set(probes.map((p) => p.origin))).toEqual(new Set([APP]));
    expect(new Set(probes.map((p) => p.method))).toEqual(new Set(['PUT']));
    expect(probes).toHaveLength(1 * 1 * 2 * 2);
  });

  it('includes the headers of rules sharing an origin and a method, up to a bound', () => {
    const touched = rule({ allowedOrigins: ['https://a.corp.example'], allowedMethods: ['PUT'] });
    const probes = probesAround(big, [touched]);
    const headerSets = new Set(probes.map((p) => JSON.stringify(p.headers)));
    expect(headerSets).toContain('{"x-h0":"sample"}');
    expect(headerSets.size).toBe(8);
  });
});

describe('changeMeter', () => {
  it('measures several candidates against one configuration, remembering its answers', () => {
    const before = { rules: [rule({})] };
    const measure = changeMeter(before, 's3');
    const probes = probeFetches([before], [{ origin: APP, method: 'PUT' }]);
    expect(measure({ rules: [rule({ allowedMethods: ['GET', 'PUT'] })] }, probes).newlyAllowed).toEqual([sample('PUT', false), sample('PUT', true)]);
    expect(measure(before, probes)).toEqual({ newlyAllowed: [], newlyBlocked: [], newlyReadable: [], noLongerReadable: [] });
  });
});
